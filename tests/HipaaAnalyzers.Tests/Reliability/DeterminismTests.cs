using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>One compilation holding the whole corpus, analysed 20 times concurrently: identical results every time.</summary>
    [Trait("Category", "Reliability")]
    public class DeterminismTests
    {
        private const int Runs = 20;
        private readonly ITestOutputHelper _output;

        public DeterminismTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Twenty_concurrent_runs_give_identical_sorted_diagnostics()
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = Corpus.RuleSources.Concat(ModernSyntax.Sources)
                .Select((s, i) => CSharpSyntaxTree.ParseText(s.Text, parse, $"/src/Source{i:D3}.cs"))
                .ToList();
            var compilation = CSharpCompilation.Create("Determinism", trees, TestReferences.Libraries,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);
            var stats = new ReliabilityStats();

            // Even runs reuse one set of analyzer instances, odd runs get fresh ones: neither may change the answer.
            var shared = HipaaAssemblies.CreateAnalyzers();
            List<string>? first = null;
            for (var run = 0; run < Runs; run++)
            {
                var result = await Harness.AnalyzeAsync(compilation, options, stats, run % 2 == 0 ? shared : HipaaAssemblies.CreateAnalyzers());
                Assert.Empty(result.Failures);
                var lines = result.Diagnostics.Select(Describe).OrderBy(l => l, System.StringComparer.Ordinal).ToList();
                if (first is null)
                {
                    first = lines;
                    Assert.NotEmpty(first);
                    continue;
                }

                Assert.Equal(first, lines);
            }

            _output.WriteLine($"[reliability] determinism: {trees.Count} trees, {Runs} runs, {first!.Count} diagnostics per run");
            stats.Print(_output, nameof(Twenty_concurrent_runs_give_identical_sorted_diagnostics));
        }

        private static string Describe(Diagnostic diagnostic)
        {
            var properties = string.Join(",", diagnostic.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            var additional = string.Join(",", diagnostic.AdditionalLocations.Select(l => l.GetLineSpan().ToString()));
            return string.Join(" | ", diagnostic.Id, diagnostic.Location.GetLineSpan().ToString(), diagnostic.Severity.ToString(),
                diagnostic.GetMessage(CultureInfo.InvariantCulture), properties, additional);
        }
    }
}
