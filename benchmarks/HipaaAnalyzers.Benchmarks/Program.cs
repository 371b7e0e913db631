using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using HipaaAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HipaaAnalyzers.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/HipaaAnalyzers.Benchmarks -- [--sizes 10000,100000,1000000] [--quick]
    ///   [--ide-runs 30] [--seed 42] [--no-peers] [--peer-max-lines 100000]
    ///   [--baseline-max-lines 100000] [--concurrent] [--warmup-passes 3] [--out results.md]
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var sizes = new List<int> { 10_000, 100_000, 1_000_000 };
            var ideRuns = 30;
            var seed = 42;
            var peers = true;
            var peerMaxLines = 100_000;
            var baselineMaxLines = 100_000;
            var concurrent = false;
            var warmupPasses = 3;
            string? output = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--sizes":
                        sizes = args[++i].Split(',').Select(s => int.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture)).OrderBy(s => s).ToList();
                        break;
                    case "--quick":
                        sizes = new List<int> { 10_000 };
                        ideRuns = 10;
                        break;
                    case "--ide-runs":
                        ideRuns = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--seed":
                        seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--no-peers":
                        peers = false;
                        break;
                    case "--peer-max-lines":
                        peerMaxLines = int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture);
                        break;
                    case "--baseline-max-lines":
                        baselineMaxLines = int.Parse(args[++i].Replace("_", ""), CultureInfo.InvariantCulture);
                        break;
                    case "--concurrent":
                        concurrent = true;
                        break;
                    case "--warmup-passes":
                        warmupPasses = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                        break;
                    case "--out":
                        output = args[++i];
                        break;
                    default:
                        Console.Error.WriteLine($"Unknown argument {args[i]}. See benchmarks/README.md.");
                        return 2;
                }
            }

            var sets = new List<AnalyzerSet> { AnalyzerSet.Hipaa() };
            if (peers)
            {
                sets.Add(AnalyzerSet.SecurityCodeScan());
                sets.Add(AnalyzerSet.NetAnalyzersSecurity());
            }

            var baseline = AnalyzerSet.Baseline();
            Measure.Concurrent = concurrent;
            var report = new Report(sets, Machine() + (concurrent
                ? ". Mode: concurrent (concurrentBuild and concurrentAnalysis on, as the CLI)"
                : ". Mode: sequential (one thread for the compiler and for the analyzers: telemetry and compiler time are comparable)"));
            var references = References();
            var generator = new CorpusGenerator(seed);
            Log($"Analyzer sets: {string.Join("; ", sets.Select(s => $"{s.Name} = {s.Analyzers.Length} analyzers"))}");

            // Several passes, with a pause after each, so that tiered JIT promotes the hot code of the compiler and of every
            // analyzer to optimised code, as in a long-lived compiler server or IDE. One pass leaves much of it at tier 0.
            Log($"Warm-up: {warmupPasses} passes over a 10,000-line corpus (JIT of compiler and every analyzer)");
            var warm = Compile(generator.Generate(10_000), references);
            for (var pass = 0; pass < warmupPasses; pass++)
            {
                Measure.Compiler(warm.Compilation);
                foreach (var set in sets.Append(baseline))
                {
                    await Measure.Analyzers(warm.Compilation, set);
                }

                await Task.Delay(500);
            }

            warm = default;
            var ideSize = sizes.Where(s => s <= 100_000).DefaultIfEmpty(sizes[0]).Max();
            foreach (var size in sizes)
            {
                var corpus = generator.Generate(size);
                var (compilation, lines, files, parse) = Compile(corpus, references);
                corpus = null!;
                Log($"{size:N0}: {lines:N0} lines in {files:N0} files, parsed in {parse.TotalSeconds:F1} s");
                var load = Load();
                var compiler = Measure.Compiler(compilation);
                Log($"  compiler {compiler.Wall.TotalSeconds:F2} s wall, {compiler.Cpu.TotalSeconds:F2} s CPU, {compiler.Errors} errors");
                foreach (var error in compiler.FirstErrors)
                {
                    Log("    " + error);
                }

                var runs = new List<AnalyzerRun>();
                foreach (var set in sets.Prepend(baseline).Where(s => s == sets[0] || size <= (s == baseline ? baselineMaxLines : peerMaxLines)))
                {
                    var run = await Measure.Analyzers(compilation, set);
                    runs.Add(run);
                    Log($"  {set.Name}: {run.TotalExecution.TotalSeconds:F3} s analyzer time, {run.Wall.TotalSeconds:F2} s wall, {run.Cpu.TotalSeconds:F2} s CPU, " +
                        $"{run.Allocated / 1048576.0:F0} MB, {run.Diagnostics} diagnostics");
                    foreach (var exception in run.Exceptions)
                    {
                        Log("    analyzer exception: " + exception);
                    }
                }

                report.AddSize(size, lines, files, compiler, runs, load + " -> " + Load());
                if (size == ideSize)
                {
                    var document = compilation.SyntaxTrees.Single(t => t.FilePath == CorpusGenerator.IdeDocumentPath);
                    Log($"  IDE case: {document.GetText().Lines.Count} lines, {ideRuns} edits per set");
                    foreach (var set in sets.Prepend(baseline))
                    {
                        var ide = await Measure.Ide(compilation, document, set, ideRuns, warmup: 3);
                        report.AddIde(size, document.GetText().Lines.Count, ide);
                        Log($"    {set.Name}: p50 {Measure.Percentile(ide.ExecutionMs, 50):F1} ms / p95 {Measure.Percentile(ide.ExecutionMs, 95):F1} ms analyzer time, " +
                            $"p95 wall {Measure.Percentile(ide.WallMs, 95):F1} ms");
                    }
                }

                compilation = null!;
                Measure.Collect();
                Log($"  peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1073741824.0:F1} GB");
            }

            report.PeakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
            var markdown = report.ToMarkdown();
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (output is not null)
            {
                File.WriteAllText(output, markdown);
                Log($"Results written to {output}");
            }

            return 0;
        }

        private static (CSharpCompilation Compilation, int Lines, int Files, TimeSpan Parse) Compile(List<SourceFile> corpus, List<MetadataReference> references)
        {
            var watch = Stopwatch.StartNew();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = corpus.AsParallel().AsOrdered()
                .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path, Encoding.UTF8))
                .ToList();
            watch.Stop();
            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                concurrentBuild: Measure.Concurrent);
            var compilation = CSharpCompilation.Create("Corpus", trees, references, options);
            return (compilation, corpus.Sum(f => f.Lines), corpus.Count, watch.Elapsed);
        }

        /// <summary>The host's own shared frameworks (Microsoft.NETCore.App and Microsoft.AspNetCore.App): nothing downloaded.</summary>
        private static List<MetadataReference> References()
        {
            var directories = new[]
            {
                Path.GetDirectoryName(typeof(object).Assembly.Location)!,
                Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!,
            };
            var references = new List<MetadataReference>();
            foreach (var file in directories.Distinct().SelectMany(d => Directory.GetFiles(d, "*.dll")))
            {
                using (var stream = File.OpenRead(file))
                using (var pe = new PEReader(stream))
                {
                    if (!pe.HasMetadata || !pe.GetMetadataReader().IsAssembly)
                    {
                        continue;
                    }
                }

                references.Add(MetadataReference.CreateFromFile(file));
            }

            return references;
        }

        private static string Machine()
        {
            var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
            return $"{Environment.ProcessorCount} logical cores, {memory:F0} GB RAM visible to .NET, {RuntimeInformation.OSDescription}, " +
                $".NET {Environment.Version} ({RuntimeInformation.ProcessArchitecture}), Roslyn {typeof(Compilation).Assembly.GetName().Version}";
        }

        /// <summary>The 1-minute load average where the OS reports it: the machine may be shared while the benchmark runs.</summary>
        private static string Load()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
            }
            catch (IOException)
            {
                return "n/a";
            }
        }

        private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
    }
}
