using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    /// <summary>Runs one analyzer directly so tests can inspect properties and full message text.</summary>
    internal static class CryptoTestHelpers
    {
        public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(DiagnosticAnalyzer analyzer, string source)
        {
            var compilation = CSharpCompilation.Create(
                "Probe",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                TestReferences.Net,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id.StartsWith("HIPAA", System.StringComparison.Ordinal)).ToImmutableArray();
        }
    }
}
