using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace HipaaAnalyzers.CodeFixes.Rules.Integrity
{
    /// <summary>HIPAA503: saves the upload under Path.GetRandomFileName() instead of the client's name.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UploadFileNameCodeFixProvider)), Shared]
    public sealed class UploadFileNameCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = "HIPAA503.GeneratedName";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UploadFileName);

        // The batch fixer, which also answers the keyless Fix All request of dotnet format.
        public override FixAllProvider GetFixAllProvider() => HipaaAnalyzers.CodeFixes.FixAll.FirstActionFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != "generatedName"
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
                {
                    continue;
                }

                var name = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
                if (name is null)
                {
                    continue;
                }

                // A generated name is never null: drop the suppression with the name (fileName! becomes the call).
                while (name.Parent is PostfixUnaryExpressionSyntax suppressed && suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression))
                {
                    name = suppressed;
                }

                var path = SyntaxFactory.ParseExpression("global::System.IO.Path").WithAdditionalAnnotations(Simplifier.Annotation);
                var generated = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression, path, SyntaxFactory.IdentifierName("GetRandomFileName")))
                    .WithTriviaFrom(name);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Save under Path.GetRandomFileName()",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(name, generated))),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
