using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace HipaaAnalyzers.Tests.Rules.Secrets
{
    /// <summary>Runs an analyzer directly so tests can inspect messages and properties for leaked secret text.</summary>
    internal static class SecretTestHelpers
    {
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source,
            params (string Path, string Text)[] additionalFiles)
        {
            var compilation = CSharpCompilation.Create("Leak", new[] { CSharpSyntaxTree.ParseText(source, path: "/Leak.cs") },
                TestReferences.Net, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var texts = additionalFiles.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(texts));
            return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        }

        public static void AssertNoLeak(ImmutableArray<Diagnostic> diagnostics, string secret, int expectedCount)
        {
            Assert.Equal(expectedCount, diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                foreach (var fragment in Fragments(secret))
                {
                    Assert.DoesNotContain(fragment, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                    foreach (var property in diagnostic.Properties)
                    {
                        Assert.DoesNotContain(fragment, property.Value ?? "");
                    }
                }
            }
        }

        /// <summary>Every 6-character window of the secret (or the whole of a shorter one): no part of it may appear.</summary>
        private static string[] Fragments(string secret) =>
            secret.Length <= 6 ? new[] { secret } : Enumerable.Range(0, secret.Length - 5).Select(i => secret.Substring(i, 6)).ToArray();

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
        }
    }
}
