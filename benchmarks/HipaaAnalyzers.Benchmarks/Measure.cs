using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Benchmarks
{
    internal sealed record CompilerRun(TimeSpan Wall, TimeSpan Cpu, long Allocated, int Errors, IReadOnlyList<string> FirstErrors);

    internal sealed record AnalyzerRun(
        AnalyzerSet Set, TimeSpan Wall, TimeSpan Cpu, long Allocated, TimeSpan TotalExecution,
        IReadOnlyList<(string Label, TimeSpan Time)> PerAnalyzer, int Diagnostics, IReadOnlyList<string> Exceptions);

    internal sealed record IdeRun(AnalyzerSet Set, IReadOnlyList<double> WallMs, IReadOnlyList<double> ExecutionMs);

    /// <summary>The measurements. Every run works on its own clone, so nothing bound by one run helps the next.</summary>
    internal static class Measure
    {
        private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

        /// <summary>
        /// Off by default: the telemetry adds up the wall time of callbacks running at once on many pool threads, which
        /// on a small or shared machine measures oversubscription rather than cost. On one thread the analyzers' time
        /// and the compiler's time are measured the same way.
        /// </summary>
        public static bool Concurrent { get; set; }

        /// <summary>
        /// The compiler's own work: Emit binds, lowers and writes every method and reports every error, as csc does
        /// in one pass. (GetDiagnostics() before Emit would bind every body twice and flatter the analyzers' ratio.)
        /// </summary>
        public static CompilerRun Compiler(CSharpCompilation compilation)
        {
            var clone = compilation.Clone();
            Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            using var stream = new MemoryStream();
            var result = clone.Emit(stream);
            watch.Stop();
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return new CompilerRun(
                watch.Elapsed,
                Process.GetCurrentProcess().TotalProcessorTime - cpu,
                GC.GetTotalAllocatedBytes(true) - allocated,
                errors.Count,
                errors.Take(5).Select(e => e.ToString()).ToList());
        }

        public static async Task<AnalyzerRun> Analyzers(CSharpCompilation compilation, AnalyzerSet set)
        {
            var exceptions = new List<string>();
            var cwa = WithAnalyzers(compilation.Clone(), set, exceptions);
            Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            var result = await cwa.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(true) - allocated;
            var perAnalyzer = new List<(string, TimeSpan)>();
            foreach (var analyzer in set.Analyzers)
            {
                var telemetry = await cwa.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                perAnalyzer.Add((AnalyzerSet.Label(analyzer, set.Options), telemetry.ExecutionTime));
            }

            var total = perAnalyzer.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Item2);
            var count = result.GetAllDiagnostics().Count(d => d.Severity != DiagnosticSeverity.Hidden);
            return new AnalyzerRun(set, watch.Elapsed, cpu, allocated, total, perAnalyzer, count, exceptions.Distinct().Take(5).ToList());
        }

        /// <summary>
        /// The IDE case: after an edit to one document, a new compilation is analysed for that document alone
        /// (syntax, then semantic model), as the IDE's diagnostic service does on each keystroke.
        /// </summary>
        public static async Task<IdeRun> Ide(CSharpCompilation compilation, SyntaxTree document, AnalyzerSet set, int runs, int warmup)
        {
            var wall = new List<double>();
            var execution = new List<double>();
            var text = document.GetText();
            for (var i = 0; i < warmup + runs; i++)
            {
                var edited = document.WithChangedText(text.Replace(text.Length, 0, "\n// edit " + i + "\n"));
                var exceptions = new List<string>();
                var cwa = WithAnalyzers((CSharpCompilation)compilation.ReplaceSyntaxTree(document, edited), set, exceptions);
                var model = cwa.Compilation.GetSemanticModel(edited);
                var watch = Stopwatch.StartNew();
                await cwa.GetAnalysisResultAsync(edited, CancellationToken.None).ConfigureAwait(false);
                await cwa.GetAnalysisResultAsync(model, filterSpan: null, CancellationToken.None).ConfigureAwait(false);
                watch.Stop();
                if (i < warmup)
                {
                    continue;
                }

                var total = TimeSpan.Zero;
                foreach (var analyzer in set.Analyzers)
                {
                    total += (await cwa.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime;
                }

                wall.Add(watch.Elapsed.TotalMilliseconds);
                execution.Add(total.TotalMilliseconds);
            }

            return new IdeRun(set, wall, execution);
        }

        public static double Percentile(IReadOnlyList<double> values, double p)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }

        private static CompilationWithAnalyzers WithAnalyzers(CSharpCompilation compilation, AnalyzerSet set, List<string> exceptions)
        {
            var options = compilation.Options.WithSpecificDiagnosticOptions(set.Options);
            return compilation.WithOptions(options).WithAnalyzers(
                set.Analyzers,
                new CompilationWithAnalyzersOptions(
                    NoOptions,
                    onAnalyzerException: (ex, analyzer, _) =>
                    {
                        lock (exceptions)
                        {
                            exceptions.Add(analyzer.GetType().Name + ": " + ex.GetType().Name + ": " + ex.Message);
                        }
                    },
                    concurrentAnalysis: Concurrent,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));
        }

        public static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
