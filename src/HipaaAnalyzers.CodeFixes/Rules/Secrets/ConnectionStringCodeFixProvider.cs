using HipaaAnalyzers.CodeFixes.FixAll;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace HipaaAnalyzers.CodeFixes.Rules.Secrets
{
    /// <summary>HIPAA103: turns encryption on, stops trusting any certificate, and moves an inline password to the environment.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class ConnectionStringCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "HIPAA103-secure-connection-string";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InsecureConnectionString);

        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix == SecretDiagnostics.NoFix
                    || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(SecretDiagnostics.EnvironmentName, out var variable);
                diagnostic.Properties.TryGetValue(SecretDiagnostics.Problems, out var problems);
                var removePassword = problems?.Contains("Password") == true;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Secure the connection string",
                        ct => FixAsync(context.Document, node, variable, removePassword, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(
            Document document, ExpressionSyntax node, string? variable, bool removePassword, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var replacement = node switch
            {
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => FixLiteral(literal, variable, removePassword),
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } =>
                    SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression),
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } =>
                    SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression),
                MemberAccessExpressionSyntax member => member.WithName(SyntaxFactory.IdentifierName(SafeMember(member.Name.Identifier.ValueText))),
                _ => null,
            };
            if (replacement is null)
            {
                return document;
            }

            var editor = new SyntaxEditorLite(root);
            editor.Replace(node, replacement.WithTriviaFrom(node));
            editor.DropConst();
            return document.WithSyntaxRoot(editor.Root);
        }

        private static string SafeMember(string name) => name switch
        {
            "Optional" => "Mandatory",
            "Disable" => "Require",
            _ => "Required",
        };

        private static ExpressionSyntax FixLiteral(LiteralExpressionSyntax literal, string? variable, bool removePassword)
        {
            var text = literal.Token.ValueText;
            var fixedText = ConnectionStrings.Fix(text, removePassword, out var passwordKey);
            var literalText = fixedText + (passwordKey is null ? "" : passwordKey + "=");
            var fixedLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(literalText));
            if (passwordKey is null)
            {
                return fixedLiteral;
            }

            var read = SyntaxFactory.ParseExpression("(" + SecretToEnvironmentCodeFixProvider.EnvironmentRead(variable ?? "DB_PASSWORD") + ")");
            read = SyntaxEditorLite.Simplifiable(read);
            return SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, fixedLiteral, read)
                .WithAdditionalAnnotations(Simplifier.Annotation, SecretToEnvironmentCodeFixProvider.Formatter());
        }
    }
}
