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
    /// <summary>HIPAA502: sets Json.NET TypeNameHandling to None. Formatter findings need a different serializer: no fix.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureDeserializationCodeFixProvider)), Shared]
    public sealed class InsecureDeserializationCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = "HIPAA502.TypeNameHandlingNone";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InsecureDeserialization);

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
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != "typeNameHandlingNone"
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use TypeNameHandling.None",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, None(value)))),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static ExpressionSyntax None(ExpressionSyntax value)
        {
            if (value is MemberAccessExpressionSyntax access && access.Name is IdentifierNameSyntax)
            {
                return access.WithName(SyntaxFactory.IdentifierName("None").WithTriviaFrom(access.Name));
            }

            return SyntaxFactory.ParseExpression("global::Newtonsoft.Json.TypeNameHandling.None")
                .WithTriviaFrom(value)
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }
    }
}
