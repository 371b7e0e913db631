using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Tests.Reliability
{
    internal sealed record AnalysisResult(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Failures);

    /// <summary>
    /// Runs analyzers the way a build does (concurrent, through CompilationWithAnalyzers) and code fixes the way an
    /// IDE does, turning every exception, AD0001 and timeout into a failure line instead of a crash of the test.
    /// </summary>
    internal static class Harness
    {
        public static readonly TimeSpan InputTimeout = TimeSpan.FromSeconds(60);

        public static async Task<AnalysisResult> AnalyzeAsync(Document document, ReliabilityStats? stats = null,
            ImmutableArray<DiagnosticAnalyzer> analyzers = default)
        {
            var compilation = (await document.Project.GetCompilationAsync().ConfigureAwait(false))!;
            return await AnalyzeAsync(compilation, document.Project.AnalyzerOptions, stats, analyzers).ConfigureAwait(false);
        }

        public static async Task<AnalysisResult> AnalyzeAsync(Compilation compilation, AnalyzerOptions options,
            ReliabilityStats? stats = null, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
        {
            if (analyzers.IsDefault)
            {
                analyzers = HipaaAssemblies.CreateAnalyzers();
            }

            var failures = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options,
                (exception, analyzer, _) => failures.Enqueue(analyzer.GetType().Name + " threw " + Describe(exception)),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
            var diagnostics = ImmutableArray<Diagnostic>.Empty;
            using (var timeout = new CancellationTokenSource(InputTimeout))
            {
                try
                {
                    diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    failures.Enqueue("analysis did not finish within " + InputTimeout.TotalSeconds + " s");
                }
            }

            foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Enqueue("AD0001: " + crash.GetMessage(CultureInfo.InvariantCulture));
            }

            var reported = diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray();
            stats?.Input(analyzers.Length, reported.Length);
            stats?.Exception(failures.Count);
            return new AnalysisResult(compilation, reported, failures.ToList());
        }

        /// <summary>
        /// Registers every fixer for every diagnostic in the document and applies every offered action's operations.
        /// With <paramref name="checkCompiles"/>, each changed document must not add a compiler error.
        /// </summary>
        public static async Task<List<string>> ApplyEveryFixAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
            ReliabilityStats stats, bool checkCompiles, int maxDiagnostics = int.MaxValue)
        {
            var failures = new List<string>();
            var fixers = HipaaAssemblies.CreateFixers();
            var tree = await document.GetSyntaxTreeAsync().ConfigureAwait(false);
            var before = checkCompiles ? Errors(await document.Project.GetCompilationAsync().ConfigureAwait(false)) : null;
            foreach (var diagnostic in diagnostics.Where(d => d.Location.SourceTree == tree).Take(maxDiagnostics))
            {
                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        using var timeout = new CancellationTokenSource(InputTimeout);
                        var actions = new List<CodeAction>();
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), timeout.Token))
                            .ConfigureAwait(false);
                        foreach (var action in actions)
                        {
                            foreach (var apply in (await action.GetOperationsAsync(timeout.Token).ConfigureAwait(false)).OfType<ApplyChangesOperation>())
                            {
                                stats.FixApplied();
                                if (before is null || apply.ChangedSolution.GetDocument(document.Id) is not { } changed)
                                {
                                    continue;
                                }

                                var added = NewErrors(before, Errors(await changed.Project.GetCompilationAsync(timeout.Token).ConfigureAwait(false)));
                                stats.FixCompiled();
                                if (added.Count > 0)
                                {
                                    failures.Add($"{fixer.GetType().Name} '{action.Title}' for {diagnostic.Id} added errors: "
                                        + string.Join("; ", added) + "\n--- fixed text ---\n" + (await changed.GetTextAsync().ConfigureAwait(false)));
                                }
                            }
                        }
                    }
                    catch (Exception ex)
                    {
                        failures.Add($"{fixer.GetType().Name} for {diagnostic.Id} threw {Describe(ex)}");
                    }
                }
            }

            stats.Exception(failures.Count);
            return failures;
        }

        /// <summary>Applies the fixer's Fix All in document scope for one equivalence key; null when nothing was offered.</summary>
        public static async Task<Document?> FixAllAsync(Document document, CodeFixProvider fixer, string? equivalenceKey,
            ImmutableArray<DiagnosticAnalyzer> analyzers = default)
        {
            if (fixer.GetFixAllProvider() is not { } provider)
            {
                return null;
            }

            var context = new FixAllContext(document, fixer, FixAllScope.Document, equivalenceKey, fixer.FixableDiagnosticIds,
                new AnalyzerDiagnosticProvider(analyzers), CancellationToken.None);
            var action = await provider.GetFixAsync(context).ConfigureAwait(false);
            if (action is null)
            {
                return null;
            }

            var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution.GetDocument(document.Id);
        }

        /// <summary>Equivalence keys of the actions a fixer offers for the document's diagnostics, in first-offered order.</summary>
        public static async Task<List<string?>> OfferedKeysAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CodeFixProvider fixer)
        {
            var keys = new List<string?>();
            var tree = await document.GetSyntaxTreeAsync().ConfigureAwait(false);
            foreach (var diagnostic in diagnostics.Where(d => d.Location.SourceTree == tree && fixer.FixableDiagnosticIds.Contains(d.Id)))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) =>
                {
                    if (!keys.Contains(a.EquivalenceKey))
                    {
                        keys.Add(a.EquivalenceKey);
                    }
                }, CancellationToken.None)).ConfigureAwait(false);
            }

            return keys;
        }

        public static List<string> Errors(Compilation? compilation) =>
            compilation is null
                ? new List<string>()
                : compilation.GetDiagnostics()
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture))
                    .ToList();

        /// <summary>Errors present after but not before, counted as a multiset (positions move when code is edited).</summary>
        public static List<string> NewErrors(List<string> before, List<string> after)
        {
            var remaining = before.GroupBy(e => e, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var added = new List<string>();
            foreach (var error in after)
            {
                if (remaining.TryGetValue(error, out var count) && count > 0)
                {
                    remaining[error] = count - 1;
                }
                else
                {
                    added.Add(error);
                }
            }

            return added;
        }

        public static string Describe(Exception exception)
        {
            var trace = (exception.StackTrace ?? "").Split('\n').Take(6);
            return exception.GetType().Name + ": " + exception.Message + "\n  " + string.Join("\n  ", trace.Select(l => l.Trim()));
        }

        private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

            public AnalyzerDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return (await AllAsync(document.Project).ConfigureAwait(false)).Where(d => d.Location.SourceTree == tree);
            }

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                (await AllAsync(project).ConfigureAwait(false)).Where(d => !d.Location.IsInSource);

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                AllAsync(project);

            private async Task<IEnumerable<Diagnostic>> AllAsync(Project project)
            {
                var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
                return (await AnalyzeAsync(compilation, project.AnalyzerOptions, null, _analyzers).ConfigureAwait(false)).Diagnostics;
            }
        }
    }
}
