using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HipaaAnalyzers.Benchmarks
{
    /// <summary>Collects the runs and writes the Markdown tables that docs/performance.md holds.</summary>
    internal sealed class Report
    {
        private readonly List<AnalyzerSet> _sets;
        private readonly string _machine;
        private readonly List<SizeResult> _sizes = new();
        private readonly List<(int Size, int Lines, IdeRun Run)> _ide = new();

        public Report(List<AnalyzerSet> sets, string machine)
        {
            _sets = sets;
            _machine = machine;
        }

        public long PeakWorkingSet { get; set; }

        private sealed record SizeResult(int Size, int Lines, int Files, CompilerRun Compiler, List<AnalyzerRun> Runs, string Load)
        {
            public AnalyzerRun? Baseline => Runs.FirstOrDefault(r => r.Set.Analyzers.All(a => a is NoOpAnalyzer));

            public AnalyzerRun? Of(AnalyzerSet set) => Runs.FirstOrDefault(r => r.Set == set);
        }

        public void AddSize(int size, int lines, int files, CompilerRun compiler, List<AnalyzerRun> runs, string load) =>
            _sizes.Add(new SizeResult(size, lines, files, compiler, runs, load));

        public void AddIde(int size, int lines, IdeRun run) => _ide.Add((size, lines, run));

        public string ToMarkdown()
        {
            var md = new StringBuilder();
            md.AppendLine($"Machine: {_machine}. Peak working set: {PeakWorkingSet / 1073741824.0:F1} GB.").AppendLine();

            md.AppendLine("### Compiler").AppendLine();
            md.AppendLine("| Corpus | Lines | Files | Compiler wall (s) | Compiler CPU (s) | Compiler allocations (MB) | Errors | Driver baseline wall (s) | Machine load (1-min avg) |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var s in _sizes)
            {
                md.AppendLine($"| {Size(s.Size)} | {s.Lines:N0} | {s.Files:N0} | {s.Compiler.Wall.TotalSeconds:F2} | {s.Compiler.Cpu.TotalSeconds:F2} | " +
                    $"{Mb(s.Compiler.Allocated)} | {s.Compiler.Errors} | {(s.Baseline is { } b ? b.Wall.TotalSeconds.ToString("F2") : "not run")} | {s.Load} |");
            }

            md.AppendLine().AppendLine("### Analyzers against the compiler").AppendLine();
            md.AppendLine("| Corpus | Analyzers | Analyzer time (s) | % of compiler | ms per 1,000 lines | Growth vs smallest | Wall above baseline (s) | Allocations above baseline (MB) | CPU above baseline (s) | % of compiler CPU | Diagnostics |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in _sizes)
            {
                foreach (var set in _sets)
                {
                    if (s.Of(set) is not { } run)
                    {
                        continue;
                    }

                    md.AppendLine($"| {Size(s.Size)} | {set.Name} | {run.TotalExecution.TotalSeconds:F3} | {Percent(s, run):F2}% | {PerKiloLine(s, run):F2} | " +
                        $"{Growth(s, set):F2}x | {AboveBaseline(s, run)} | {run.Diagnostics:N0} |");
                }
            }

            md.AppendLine().AppendLine("### Ratios: HIPAA analyzers against each peer (lower is cheaper)").AppendLine();
            md.AppendLine("| Corpus | " + string.Join(" | ", _sets.Skip(1).Select(p => "HIPAA / " + p.Name)) + " |");
            md.AppendLine("|---|" + string.Concat(_sets.Skip(1).Select(_ => "---:|")));
            foreach (var s in _sizes)
            {
                var ours = s.Of(_sets[0])!.TotalExecution.TotalMilliseconds;
                md.AppendLine($"| {Size(s.Size)} | " + string.Join(" | ", _sets.Skip(1).Select(p =>
                    s.Of(p) is { } peer ? $"{ours / Math.Max(1e-9, peer.TotalExecution.TotalMilliseconds):F4}" : "not run")) + " |");
            }

            md.AppendLine().AppendLine("### Time per rule (HIPAA analyzers, execution time from telemetry)").AppendLine();
            md.AppendLine("| Rule (analyzer) | " + string.Join(" | ", _sizes.Select(s => Size(s.Size) + " (ms)")) + " |");
            md.AppendLine("|---|" + string.Concat(_sizes.Select(_ => "---:|")));
            foreach (var label in _sizes[0].Of(_sets[0])!.PerAnalyzer.Select(p => p.Label))
            {
                md.AppendLine($"| {label} | " + string.Join(" | ", _sizes.Select(s =>
                    s.Of(_sets[0])!.PerAnalyzer.First(p => p.Label == label).Time.TotalMilliseconds.ToString("F1"))) + " |");
            }

            var largest = _sizes[^1];
            foreach (var peer in _sets.Skip(1))
            {
                var at = _sizes.LastOrDefault(s => s.Of(peer) is not null);
                if (at is null)
                {
                    continue;
                }

                md.AppendLine().AppendLine($"### Most expensive analyzers of {peer.Name} at {Size(at.Size)}").AppendLine();
                md.AppendLine("| Analyzer (enabled rules) | ms | share |").AppendLine("|---|---:|---:|");
                var run = at.Of(peer)!;
                foreach (var (label, time) in run.PerAnalyzer.OrderByDescending(p => p.Time).Take(6))
                {
                    md.AppendLine($"| {label} | {time.TotalMilliseconds:F0} | {100 * time.TotalMilliseconds / Math.Max(1e-9, run.TotalExecution.TotalMilliseconds):F0}% |");
                }
            }

            if (_ide.Count > 0)
            {
                var (size, lines, _) = _ide[0];
                md.AppendLine().AppendLine($"### IDE case: one {lines:N0}-line document of the {Size(size)} corpus, after an edit ({_ide[0].Run.WallMs.Count} runs)").AppendLine();
                md.AppendLine("| Analyzers | Analyzer time p50 (ms) | Analyzer time p95 (ms) | Wall p50 (ms) | Wall p95 (ms) |");
                md.AppendLine("|---|---:|---:|---:|---:|");
                foreach (var (_, _, run) in _ide)
                {
                    md.AppendLine($"| {run.Set.Name} | {Measure.Percentile(run.ExecutionMs, 50):F1} | {Measure.Percentile(run.ExecutionMs, 95):F1} | " +
                        $"{Measure.Percentile(run.WallMs, 50):F1} | {Measure.Percentile(run.WallMs, 95):F1} |");
                }
            }

            md.AppendLine().AppendLine("### Targets").AppendLine();
            var hipaa = _sets[0];
            var worstPercent = _sizes.Max(s => Percent(s, s.Of(hipaa)!));
            md.AppendLine($"- HIPAA analyzers at most 5% of the compiler at every size (analyzer time / compiler wall): worst {worstPercent:F2}% -> {(worstPercent <= 5 ? "met" : "MISSED")}");
            var cpuShares = _sizes.Where(s => s.Baseline is not null)
                .Select(s => 100 * (s.Of(hipaa)!.Cpu - s.Baseline!.Cpu).TotalMilliseconds / s.Compiler.Cpu.TotalMilliseconds).ToList();
            if (cpuShares.Count > 0)
            {
                md.AppendLine($"- Cross-check by process CPU (CPU above the no-op baseline / compiler CPU): worst {cpuShares.Max():F2}% " +
                    "(near zero or negative means below the noise of two runs)");
            }
            if (_sets.Count > 1)
            {
                var below = _sizes.All(s => _sets.Skip(1).All(p => s.Of(p) is null || s.Of(hipaa)!.TotalExecution < s.Of(p)!.TotalExecution));
                var measured = string.Join(", ", _sizes.Where(s => _sets.Skip(1).All(p => s.Of(p) is not null)).Select(s => Size(s.Size)));
                md.AppendLine($"- Below every peer at every size where peers ran ({measured}): {(below ? "met" : "MISSED")}");
            }

            if (_sizes.Count > 1)
            {
                var growth = Growth(largest, hipaa);
                md.AppendLine($"- Linear growth (ms per 1,000 lines at {Size(largest.Size)} within 1.5x of {Size(_sizes[0].Size)}): {growth:F2}x -> {(growth <= 1.5 ? "met" : "MISSED")}");
                var previous = _sizes[^2];
                var step = PerKiloLine(largest, largest.Of(hipaa)!) / Math.Max(1e-9, PerKiloLine(previous, previous.Of(hipaa)!));
                md.AppendLine($"  (from {Size(previous.Size)} to {Size(largest.Size)}, where the fixed per-compilation cost no longer dominates: {step:F2}x)");
            }

            var oursIde = _ide.FirstOrDefault(i => i.Run.Set == hipaa);
            if (oursIde.Run is not null)
            {
                var p95 = Measure.Percentile(oursIde.Run.ExecutionMs, 95);
                md.AppendLine($"- IDE case p95 under 50 ms (analyzer time): {p95:F1} ms -> {(p95 < 50 ? "met" : "MISSED")}");
            }

            return md.ToString();
        }

        private static string AboveBaseline(SizeResult s, AnalyzerRun run) => s.Baseline is { } b
            ? $"{(run.Wall - b.Wall).TotalSeconds:F2} | {Mb(run.Allocated - b.Allocated)} | {(run.Cpu - b.Cpu).TotalSeconds:F2} | " +
              $"{100 * (run.Cpu - b.Cpu).TotalMilliseconds / s.Compiler.Cpu.TotalMilliseconds:F2}%"
            : "not run | not run | not run | not run";

        private static string Size(int size) => size >= 1_000_000 ? $"{size / 1_000_000}M" : $"{size / 1_000}k";

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0");

        private static double Percent(SizeResult s, AnalyzerRun run) =>
            100 * run.TotalExecution.TotalMilliseconds / s.Compiler.Wall.TotalMilliseconds;

        private static double PerKiloLine(SizeResult s, AnalyzerRun run) => run.TotalExecution.TotalMilliseconds / (s.Lines / 1000.0);

        private double Growth(SizeResult s, AnalyzerSet set)
        {
            var first = _sizes.First(x => x.Of(set) is not null);
            return PerKiloLine(s, s.Of(set)!) / Math.Max(1e-9, PerKiloLine(first, first.Of(set)!));
        }
    }
}
