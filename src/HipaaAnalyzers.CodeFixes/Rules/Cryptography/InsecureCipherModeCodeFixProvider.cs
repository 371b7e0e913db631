using System.Collections.Immutable;
using System.Composition;
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
    /// <summary>HIPAA203: ECB becomes CBC; <c>x.IV = constant;</c> becomes <c>x.GenerateIV();</c>. Other shapes carry a hint only.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureCipherModeCodeFixProvider)), Shared]
    public sealed class InsecureCipherModeCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "HIPAA203.UseRandomIv";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InsecureCipherMode);

        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                diagnostic.Properties.TryGetValue(CryptoProperties.Shape, out var shape);
                var title = shape switch
                {
                    "mode" => "Use CipherMode.CBC (random IV)",
                    "ivAssignment" => "Generate a random IV with GenerateIV()",
                    _ => null,
                };
                if (title is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => ApplyAsync(context.Document, diagnostic, shape!, ct), EquivalenceKey), diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string shape, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (root is null || node is null)
            {
                return document;
            }

            if (shape == "mode" && node is MemberAccessExpressionSyntax access)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(access, access.WithName(SyntaxFactory.IdentifierName("CBC"))));
            }

            if (node.Parent is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target, Parent: ExpressionStatementSyntax statement })
            {
                var call = SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                    target.WithName(SyntaxFactory.IdentifierName("GenerateIV")).WithoutTrivia())).WithTriviaFrom(statement);
                return document.WithSyntaxRoot(root.ReplaceNode(statement, call));
            }

            return document;
        }
    }
}
