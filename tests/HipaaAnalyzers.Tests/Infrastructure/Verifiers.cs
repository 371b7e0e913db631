using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaAnalyzers.Tests.Infrastructure
{
    /// <summary>Shared set-up: hermetic references and an optional .globalconfig with hipaa_analyzers.* options.</summary>
    internal static class TestSetup
    {
        public static ImmutableArray<MetadataReference> For(ReferenceSet set) => set switch
        {
            ReferenceSet.Net => TestReferences.Net,
            ReferenceSet.AspNetCore => TestReferences.AspNetCore,
            _ => TestReferences.Libraries,
        };

        public static void Apply(SolutionState state, ReferenceSet references, string? globalConfig)
        {
            state.AdditionalReferences.AddRange(For(references));
            if (globalConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
            }
        }
    }

    public sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public AnalyzerTest(ReferenceSet references = ReferenceSet.Libraries, string? globalConfig = null)
        {
            ReferenceAssemblies = TestReferences.None;
            TestSetup.Apply(TestState, references, globalConfig);
        }
    }

    public sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest(ReferenceSet references = ReferenceSet.Libraries, string? globalConfig = null)
        {
            ReferenceAssemblies = TestReferences.None;
            TestSetup.Apply(TestState, references, globalConfig);
        }
    }

    /// <summary>
    /// Entry points for rule tests. Sources use markup: <c>{|HIPAA001:expr|}</c> or <c>{|#0:expr|}</c> with
    /// <c>Diagnostic(...).WithLocation(0).WithArguments(...)</c>; never line/column pairs.
    /// </summary>
    public static class Verify<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task Analyzer(string source, params DiagnosticResult[] expected) =>
            Analyzer(source, ReferenceSet.Libraries, null, expected);

        public static async Task Analyzer(string source, ReferenceSet references, string? globalConfig, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<TAnalyzer>(references, globalConfig) { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        public static Task NoDiagnostic(string source, ReferenceSet references = ReferenceSet.Libraries, string? globalConfig = null) =>
            Analyzer(source, references, globalConfig);
    }

    public static class Verify<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        /// <summary>
        /// Checks the diagnostics, the fixed text (which must compile), Fix All in document, project and solution, and then
        /// <see cref="FixSafety"/>: no new compiler error, and a second Fix All changes nothing.
        /// </summary>
        public static async Task Fix(string source, string fixedSource, ReferenceSet references = ReferenceSet.Libraries,
            string? globalConfig = null, int codeActionIndex = 0, string? equivalenceKey = null, params DiagnosticResult[] expected)
        {
            var test = new CodeFixTest<TAnalyzer, TCodeFix>(references, globalConfig)
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionIndex = codeActionIndex,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
            await FixSafety.VerifyAsync<TAnalyzer, TCodeFix>(source, fixedSource, references, globalConfig, codeActionIndex, equivalenceKey);
        }
    }
}
