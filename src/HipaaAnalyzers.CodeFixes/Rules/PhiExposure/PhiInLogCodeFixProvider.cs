using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HipaaAnalyzers.CodeFixes.FixAll;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace HipaaAnalyzers.CodeFixes.Rules.PhiExposure
{
    /// <summary>
    /// HIPAA001 fixes: remove the PHI value (and its placeholder) from the log call, or, when
    /// hipaa_analyzers.redactor_methods is configured, wrap the value in the first configured redactor.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PhiInLogCodeFixProvider)), Shared]
    public sealed class PhiInLogCodeFixProvider : CodeFixProvider
    {
        public const string RemoveKey = "HIPAA001.RemovePhi";
        public const string RedactKey = "HIPAA001.Redact";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PhiInLog);

        // The batch fixer, which also answers keyless requests from dotnet format (see FirstActionFixAllProvider).
        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var targets = Targets(root, diagnostic);
                if (targets.Count == 0)
                {
                    continue;
                }

                // LoggerMessage delegates and [LoggerMessage] methods have fixed signatures: the analyzer marks them redact-only.
                var removable = diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix == "removeArgument";
                if (removable && targets.All(LogCallEdits.CanRemove) && !LogCallEdits.LeavesEmptyMessage(targets))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Remove the PHI value and its placeholder from the log call",
                            ct => RemoveAsync(context.Document, diagnostic, ct),
                            RemoveKey),
                        diagnostic);
                }

                var redactor = FirstRedactor(context.Document, root.SyntaxTree);
                if (redactor is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Redact the PHI value with " + ShortName(redactor),
                            ct => RedactAsync(context.Document, diagnostic, redactor, ct),
                            RedactKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The syntax nodes the diagnostic reports: the primary location and every additional one.</summary>
        private static List<SyntaxNode> Targets(SyntaxNode root, Diagnostic diagnostic)
        {
            var targets = new List<SyntaxNode>();
            foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
            {
                if (location.IsInSource && location.SourceTree == root.SyntaxTree
                    && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is { } node
                    && node is InterpolationSyntax or ExpressionSyntax or ArgumentSyntax)
                {
                    targets.Add(node is ArgumentSyntax argument ? argument.Expression : node);
                }
            }

            return targets;
        }

        private static async Task<Document> RemoveAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var targets = Targets(editor.OriginalRoot, diagnostic);
            LogCallEdits.Remove(editor, targets, cancellationToken);
            return editor.GetChangedDocument();
        }

        private static async Task<Document> RedactAsync(Document document, Diagnostic diagnostic, string redactor, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var acceptsNull = RedactorAcceptsNull(editor.SemanticModel.Compilation, redactor);
            foreach (var target in Targets(editor.OriginalRoot, diagnostic))
            {
                var expression = target is InterpolationSyntax hole ? hole.Expression : (ExpressionSyntax)target;
                var info = editor.SemanticModel.GetTypeInfo(expression, cancellationToken);
                if (target is InterpolationSyntax { FormatClause: { } clause } formatted)
                {
                    // The format moves into ToString(format): the redactor's text output takes no format of its own.
                    var format = clause.FormatStringToken.ValueText;
                    editor.ReplaceNode(formatted, (current, _) =>
                    {
                        var currentHole = (InterpolationSyntax)current;
                        return currentHole.WithFormatClause(null)
                            .WithExpression(LogCallEdits.WrapInRedactor(currentHole.Expression, redactor, info, format, acceptsNull));
                    });
                    continue;
                }

                editor.ReplaceNode(expression, (current, _) => LogCallEdits.WrapInRedactor((ExpressionSyntax)current, redactor, info, null, acceptsNull));
            }

            // The call is written fully qualified and simplified against the file's usings. No using is added: Fix All
            // merges text edits, and one using inserted by many fixes at once does not merge cleanly.
            return editor.GetChangedDocument();
        }

        /// <summary>Whether the redactor's parameter accepts null (string? or an oblivious context); unknown means yes.</summary>
        private static bool RedactorAcceptsNull(Compilation compilation, string redactor)
        {
            var dot = redactor.LastIndexOf('.');
            var type = dot > 0 ? compilation.GetTypeByMetadataName(redactor.Substring(0, dot)) : null;
            var method = type?.GetMembers(redactor.Substring(dot + 1)).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1);
            return method is null || method.Parameters[0].NullableAnnotation != NullableAnnotation.NotAnnotated;
        }

        private static string? FirstRedactor(Document document, SyntaxTree tree)
        {
            var options = HipaaOptions.Read(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));
            return options.RedactorMethods.IsDefaultOrEmpty ? null : options.RedactorMethods[0];
        }

        private static string ShortName(string method)
        {
            var parts = method.Split('.');
            return parts.Length >= 2 ? parts[parts.Length - 2] + "." + parts[parts.Length - 1] : method;
        }
    }
}
