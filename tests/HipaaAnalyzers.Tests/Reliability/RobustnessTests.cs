using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// Every exported analyzer and code fix, over damaged, unresolved, huge, modern and generated code: no exception,
    /// no AD0001, no timeout. Counts are chosen so the class runs in well under a minute on two cores.
    /// </summary>
    [Trait("Category", "Reliability")]
    public class RobustnessTests
    {
        private const int MutationBudget = 240;
        private const int MutationsPerSource = 6;
        private const int VariantSources = 40;
        private const int FixedDiagnosticsPerInput = 8;

        private readonly ITestOutputHelper _output;
        private readonly ReliabilityStats _stats = new ReliabilityStats();
        private readonly List<string> _failures = new List<string>();

        public RobustnessTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Analyzers_and_fixers_are_discovered_by_reflection()
        {
            var ids = HipaaAssemblies.RuleIds();
            _output.WriteLine("analyzers: " + string.Join(", ", HipaaAssemblies.AnalyzerTypes.Select(t => t.Name)));
            _output.WriteLine("fixers: " + string.Join(", ", HipaaAssemblies.FixerTypes.Select(t => t.Name)));
            _output.WriteLine("rules: " + string.Join(", ", ids));
            _output.WriteLine("corpus sources: " + Corpus.RuleSources.Length);

            Assert.Contains("HIPAA000", ids);
            Assert.Contains("HIPAA001", ids);
            Assert.NotEmpty(HipaaAssemblies.FixerTypes);
            Assert.NotEmpty(Corpus.RuleSources);
            foreach (var fixer in HipaaAssemblies.CreateFixers())
            {
                Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            }
        }

        [Fact]
        public async Task Rule_corpus_with_deterministic_truncations_and_token_deletions()
        {
            using var sandbox = new Sandbox(TestReferences.Libraries);
            var sources = Corpus.RuleSources;
            var perSource = System.Math.Max(1, System.Math.Min(MutationsPerSource, MutationBudget / sources.Length));
            for (var i = 0; i < sources.Length; i++)
            {
                await RunAsync(sandbox, sources[i]);
                foreach (var mutation in Corpus.Mutations(sources[i], perSource, i))
                {
                    await RunAsync(sandbox, mutation);
                }
            }

            Finish(nameof(Rule_corpus_with_deterministic_truncations_and_token_deletions));
        }

        [Fact]
        public async Task Missing_references_leave_error_types_everywhere()
        {
            using var bare = new Sandbox(System.Collections.Immutable.ImmutableArray<MetadataReference>.Empty);
            using var bclOnly = new Sandbox(TestReferences.Net);
            foreach (var source in Corpus.Spread(VariantSources).Concat(ModernSyntax.Sources))
            {
                await RunAsync(bare, source);
                await RunAsync(bclOnly, source);
            }

            Finish(nameof(Missing_references_leave_error_types_everywhere));
        }

        [Fact]
        public async Task Fifty_thousand_line_file()
        {
            using var sandbox = new Sandbox(TestReferences.Libraries);
            var text = Corpus.LargeFile(50_000);
            var watch = Stopwatch.StartNew();
            var diagnostics = await RunAsync(sandbox, new CorpusSource("50,000 lines", text));
            _output.WriteLine($"50,000-line file: {text.Split('\n').Length} lines, {diagnostics} diagnostics, {watch.Elapsed.TotalSeconds:F1} s");

            Assert.True(diagnostics > 0, "the large file logs PHI in every service; HIPAA001 should report it");
            Finish(nameof(Fifty_thousand_line_file));
        }

        [Fact]
        public async Task Modern_syntax_at_every_language_version_from_7_3()
        {
            foreach (var version in Corpus.LanguageVersions)
            {
                using var sandbox = new Sandbox(TestReferences.Libraries, version);
                foreach (var source in ModernSyntax.Sources)
                {
                    await RunAsync(sandbox, source with { Name = source.Name + " @" + version });
                }

                if (version == LanguageVersion.CSharp7_3)
                {
                    foreach (var source in Corpus.Spread(VariantSources))
                    {
                        await RunAsync(sandbox, source with { Name = source.Name + " @7.3" });
                    }
                }
            }

            Finish(nameof(Modern_syntax_at_every_language_version_from_7_3));
        }

        [Fact]
        public async Task Generated_code_is_not_analysed_by_default()
        {
            using var plain = new Sandbox(TestReferences.Libraries);
            using var generatedName = new Sandbox(TestReferences.Libraries, filePath: "/src/Input.g.cs");
            using var generatedHeader = new Sandbox(TestReferences.Libraries);
            using var optedIn = new Sandbox(TestReferences.Libraries, filePath: "/src/Input.g.cs",
                globalConfig: "hipaa_analyzers.analyze_generated_code = true");
            var reportedInPlain = 0;
            foreach (var source in Corpus.RuleSources.Concat(ModernSyntax.Sources))
            {
                var normal = await RunAsync(plain, source, fixes: false);
                var byName = await RunAsync(generatedName, source, fixes: false);
                var byHeader = await RunAsync(generatedHeader, source with { Text = "// <auto-generated/>\n" + source.Text }, fixes: false);
                if (byName > 0 || byHeader > 0)
                {
                    _failures.Add($"{source.Name}: generated code reported ({byName} as .g.cs, {byHeader} with <auto-generated>)");
                }

                if (normal > 0)
                {
                    reportedInPlain++;
                    if (await RunAsync(optedIn, source, fixes: false) == 0)
                    {
                        _failures.Add($"{source.Name}: analyze_generated_code = true did not analyse the .g.cs file");
                    }
                }
            }

            _output.WriteLine($"sources with findings that generated code must hide: {reportedInPlain}");
            Assert.True(reportedInPlain > 0);
            Finish(nameof(Generated_code_is_not_analysed_by_default));
        }

        /// <summary>Analyses one input, then runs every fixer over its first diagnostics; returns the diagnostics in its tree.</summary>
        private async Task<int> RunAsync(Sandbox sandbox, CorpusSource input, bool fixes = true)
        {
            var document = sandbox.Load(input.Text);
            var result = await Harness.AnalyzeAsync(document, _stats);
            _failures.AddRange(result.Failures.Select(f => input.Name + ": " + f));
            var tree = await document.GetSyntaxTreeAsync();
            var inTree = result.Diagnostics.Where(d => d.Location.SourceTree == tree).ToList();
            if (fixes && inTree.Count > 0)
            {
                var fixFailures = await Harness.ApplyEveryFixAsync(document, result.Diagnostics, _stats, checkCompiles: false, FixedDiagnosticsPerInput);
                _failures.AddRange(fixFailures.Select(f => input.Name + ": " + f));
            }

            return inTree.Count;
        }

        private void Finish(string name)
        {
            _stats.Print(_output, name);
            Assert.True(_failures.Count == 0,
                $"{_failures.Count} failures, first ones:\n" + string.Join("\n\n", _failures.Take(5)));
        }
    }
}
