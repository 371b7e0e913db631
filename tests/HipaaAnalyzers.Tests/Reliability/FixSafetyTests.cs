using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// Every fix offered on the undamaged corpus compiles without new errors, and Fix All is idempotent: applying it
    /// to its own output changes nothing. Runs with and without a configured redactor so every action is offered.
    /// </summary>
    [Trait("Category", "Reliability")]
    public class FixSafetyTests
    {
        private const string Redactor = """
            namespace ReliabilityPrivacy
            {
                public static class Redactor { public static string Redact(string value) => "***"; }
            }
            """;

        private readonly ITestOutputHelper _output;
        private readonly ReliabilityStats _stats = new ReliabilityStats();
        private readonly List<string> _failures = new List<string>();
        private int _fixAllChecked;

        public FixSafetyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Every_fix_compiles_and_Fix_All_twice_changes_nothing()
        {
            using var plain = new Sandbox(TestReferences.Libraries);
            using var redacting = new Sandbox(TestReferences.Libraries, companionSource: Redactor,
                globalConfig: "hipaa_analyzers.redactor_methods = ReliabilityPrivacy.Redactor.Redact");
            foreach (var source in Corpus.RuleSources.Concat(ModernSyntax.Sources))
            {
                await CheckAsync(plain, source);
                await CheckAsync(redacting, source);
            }

            _stats.Print(_output, nameof(Every_fix_compiles_and_Fix_All_twice_changes_nothing));
            _output.WriteLine($"[reliability] Fix All checked twice: {_fixAllChecked}");
            Assert.True(_stats.FixesCompiled > 0, "the corpus offered no fix at all");
            Assert.True(_failures.Count == 0, $"{_failures.Count} failures, first ones:\n" + string.Join("\n\n", _failures.Take(5)));
        }

        private async Task CheckAsync(Sandbox sandbox, CorpusSource source)
        {
            var document = sandbox.Load(source.Text);
            var result = await Harness.AnalyzeAsync(document, _stats);
            _failures.AddRange(result.Failures.Select(f => source.Name + ": " + f));
            var tree = await document.GetSyntaxTreeAsync();
            if (!result.Diagnostics.Any(d => d.Location.SourceTree == tree))
            {
                return;
            }

            var fixFailures = await Harness.ApplyEveryFixAsync(document, result.Diagnostics, _stats, checkCompiles: true);
            _failures.AddRange(fixFailures.Select(f => source.Name + ": " + f));

            var originalErrors = Harness.Errors(result.Compilation);
            foreach (var fixer in HipaaAssemblies.CreateFixers())
            {
                var keys = await Harness.OfferedKeysAsync(document, result.Diagnostics, fixer);

                // dotnet format asks for Fix All with no equivalence key; a fixer that offers actions must still fix.
                if (keys.Count > 0 && await Harness.FixAllAsync(document, fixer, null) is null)
                {
                    _failures.Add($"{source.Name}: {fixer.GetType().Name} fixes nothing when Fix All comes without a key (dotnet format)");
                }

                foreach (var key in keys)
                {
                    var once = await Harness.FixAllAsync(document, fixer, key);
                    if (once is null)
                    {
                        _failures.Add($"{source.Name}: {fixer.GetType().Name} offered '{key}' but its Fix All returned nothing");
                        continue;
                    }

                    var added = Harness.NewErrors(originalErrors, Harness.Errors(await once.Project.GetCompilationAsync()));
                    _stats.FixCompiled();
                    if (added.Count > 0)
                    {
                        _failures.Add($"{source.Name}: Fix All '{key}' added errors: {string.Join("; ", added)}\n{await once.GetTextAsync()}");
                    }

                    var onceText = (await once.GetTextAsync()).ToString();
                    var twice = await Harness.FixAllAsync(once, fixer, key);
                    var twiceText = twice is null ? onceText : (await twice.GetTextAsync()).ToString();
                    _fixAllChecked++;
                    if (twiceText != onceText)
                    {
                        _failures.Add($"{source.Name}: Fix All '{key}' applied twice changed the code again:\n{onceText}\n--- second ---\n{twiceText}");
                    }
                }
            }
        }
    }
}
