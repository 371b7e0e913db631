using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace HipaaAnalyzers.CodeFixes.FixAll
{
    /// <summary>
    /// The batch fixer, plus an answer when Fix All is requested without an equivalence key: <c>dotnet format
    /// analyzers</c> and other command-line tools do that, and the plain batch fixer then matches no keyed action and
    /// fixes nothing. Without a key this provider uses the key of the first action offered for the first diagnostic.
    /// </summary>
    public sealed class FirstActionFixAllProvider : FixAllProvider
    {
        public static readonly FixAllProvider Instance = new FirstActionFixAllProvider();

        private static FixAllProvider Batch => WellKnownFixAllProviders.BatchFixer;

        private FirstActionFixAllProvider()
        {
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Batch.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey is not null
                || fixAllContext.Scope is not (FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution))
            {
                return await Batch.GetFixAsync(fixAllContext).ConfigureAwait(false);
            }

            var key = await FirstKeyAsync(fixAllContext).ConfigureAwait(false);
            if (key is null)
            {
                return null;
            }

            var provider = new ForwardingProvider(fixAllContext);
            var keyed = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document is { } document
                ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds,
                    provider, fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key,
                    fixAllContext.DiagnosticIds, provider, fixAllContext.CancellationToken);
            return await Batch.GetFixAsync(keyed).ConfigureAwait(false);
        }

        private static async Task<string?> FirstKeyAsync(FixAllContext context)
        {
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
            foreach (var project in projects)
            {
                var diagnostics = context.Scope == FixAllScope.Document && context.Document is { } document
                    ? await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start))
                {
                    if (project.GetDocument(diagnostic.Location.SourceTree) is not { } target)
                    {
                        continue;
                    }

                    string? key = null;
                    var found = false;
                    await context.CodeFixProvider.RegisterCodeFixesAsync(new CodeFixContext(target, diagnostic, (action, _) =>
                    {
                        if (!found)
                        {
                            found = true;
                            key = action.EquivalenceKey;
                        }
                    }, context.CancellationToken)).ConfigureAwait(false);
                    if (found)
                    {
                        return key;
                    }
                }
            }

            return null;
        }

        /// <summary>Hands the original context's diagnostics to the keyed context.</summary>
        private sealed class ForwardingProvider : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext _original;

            public ForwardingProvider(FixAllContext original) => _original = original;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                await _original.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await _original.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await _original.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
        }
    }
}
