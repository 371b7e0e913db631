using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Tests.Reliability;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HipaaAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The step every code-fix test runs after the test framework's own checks: the fixed document must not add a
    /// compiler error to the original, and Fix All applied to the fixed document must change nothing.
    /// </summary>
    internal static class FixSafety
    {
        public static async Task VerifyAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, ReferenceSet references,
            string? globalConfig, int codeActionIndex, string? equivalenceKey)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            using var sandbox = new Sandbox(TestSetup.For(references), globalConfig: globalConfig);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer());
            var fixer = new TCodeFix();

            var original = sandbox.Load(Corpus.StripMarkup(source));
            var originalErrors = Harness.Errors(await original.Project.GetCompilationAsync());
            var key = equivalenceKey;
            if (key is null)
            {
                // Like the test framework, the action index refers to the actions offered for the first diagnostic.
                var diagnostics = (await Harness.AnalyzeAsync(original, analyzers: analyzers)).Diagnostics
                    .Where(d => d.Location.IsInSource && fixer.FixableDiagnosticIds.Contains(d.Id))
                    .OrderBy(d => d.Location.SourceSpan.Start)
                    .Take(1)
                    .ToImmutableArray();
                var keys = await Harness.OfferedKeysAsync(original, diagnostics, fixer);
                key = codeActionIndex < keys.Count ? keys[codeActionIndex] : null;
            }

            var fixedText = Corpus.StripMarkup(fixedSource);
            var fixedDocument = sandbox.Load(fixedText);
            var added = Harness.NewErrors(originalErrors, Harness.Errors(await fixedDocument.Project.GetCompilationAsync()));
            Assert.True(added.Count == 0, "The fixed document adds compiler errors:\n" + string.Join("\n", added));

            var again = await Harness.FixAllAsync(fixedDocument, fixer, key, analyzers);
            var againText = again is null ? fixedText : (await again.GetTextAsync()).ToString();
            Assert.True(againText == fixedText,
                $"Fix All ('{key}') applied a second time changed the fixed document:\n{againText}");
        }
    }
}
