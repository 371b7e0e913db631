using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Rules.Cryptography;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    public class CryptographyRobustnessTests
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> All = ImmutableArray.Create<DiagnosticAnalyzer>(
            new WeakHashAnalyzer(), new WeakCipherAnalyzer(), new InsecureCipherModeAnalyzer(),
            new ShortKeyAnalyzer(), new InsecureRandomAnalyzer(), new WeakPasswordHashAnalyzer());

        [Theory]
        [InlineData("class C { byte[] M(string password) => System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(password + ; }")]
        [InlineData("class C { void M() { var rsa = System.Security.Cryptography.RSA.Create(Unknown); rsa.KeySize = ; } }")]
        [InlineData("class C { void M(System.Security.Cryptography.Aes a) { a.IV = new byte[; a.Mode = System.Security.Cryptography.CipherMode.; } }")]
        [InlineData("class C { string token = new System.Random().Next(; void M() { Missing.Next(1).ToString(); } }")]
        [InlineData("class C { byte[] M(string password) => new System.Security.Cryptography.Rfc2898DeriveBytes(password, ).GetBytes(32); }")]
        [InlineData("class C { object M() => System.Security.Cryptography.CryptoConfig.CreateFromName(null); object N() => new Undefined(1024); }")]
        public async Task Broken_code_never_throws(string source)
        {
            var exceptions = new List<System.Exception>();
            var compilation = CSharpCompilation.Create("Broken", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.Net,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
        }

        [Fact]
        public async Task Messages_never_repeat_literals()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class C
                {
                    public object? A() => CryptoConfig.CreateFromName("zqMD5");
                    public ECCurve B() => ECCurve.CreateFromFriendlyName("secp192r1zq");
                    public void D(Aes aes) { aes.IV = Encoding.UTF8.GetBytes("zq-placeholder-iv"); }
                    public object? E() => CryptoConfig.CreateFromName("3DES");
                }
                """;
            foreach (var analyzer in All)
            {
                var diagnostics = await CryptoTestHelpers.DiagnosticsAsync(analyzer, source);
                foreach (var diagnostic in diagnostics)
                {
                    var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                    Assert.DoesNotContain("zq", message);
                    Assert.DoesNotContain("3DES", message);
                    Assert.DoesNotContain(diagnostic.Properties.Values, v => v != null && (v.Contains("zq") || v.Contains("3DES")));
                }
            }

            var curve = await CryptoTestHelpers.DiagnosticsAsync(new ShortKeyAnalyzer(), source);
            Assert.Single(curve);
        }
    }
}
