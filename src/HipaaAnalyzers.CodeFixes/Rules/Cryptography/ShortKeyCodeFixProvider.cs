using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using HipaaAnalyzers.CodeFixes.FixAll;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaAnalyzers.CodeFixes.Rules.Cryptography
{
    /// <summary>HIPAA204: raises the key size to 3072 bits (RSA/DSA) or 256 bits, or swaps the curve for nistP256.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShortKeyCodeFixProvider)), Shared]
    public sealed class ShortKeyCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "HIPAA204.UseStrongKey";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ShortKey);

        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(CryptoProperties.Replacement, out var replacement) || replacement is null)
                {
                    continue;
                }

                var title = char.IsDigit(replacement[0]) ? "Use a " + replacement + "-bit key" : "Use the nistP256 curve";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(context.Document, diagnostic, replacement, ct), EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> ApplyAsync(
            Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                return document;
            }

            if (node is ObjectCreationExpressionSyntax creation)
            {
                // new RSACryptoServiceProvider() keeps its shape and states the size.
                var size = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(
                    SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(replacement, CultureInfo.InvariantCulture))));
                var list = (creation.ArgumentList ?? SyntaxFactory.ArgumentList()).WithArguments(SyntaxFactory.SingletonSeparatedList(size));
                return document.WithSyntaxRoot(root.ReplaceNode(creation, creation.WithArgumentList(list)));
            }

            ExpressionSyntax? fixedNode = replacement[0] switch
            {
                '"' => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement.Trim('"'))),
                _ when char.IsDigit(replacement[0]) => SyntaxFactory.LiteralExpression(
                    SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(replacement, CultureInfo.InvariantCulture))),
                _ when node is MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(replacement)),
                _ => null,
            };
            return fixedNode is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, fixedNode.WithTriviaFrom(node)));
        }
    }
}
