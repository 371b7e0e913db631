using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.InsecureCipherModeAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.InsecureCipherModeAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Cryptography.InsecureCipherModeCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    [Trait("Rule", "HIPAA203")]
    public class InsecureCipherModeTests
    {
        private const string UseCbc = "use CipherMode.CBC with a random IV from GenerateIV(), or AesGcm";
        private const string UseRandomIv = "call GenerateIV() (or RandomNumberGenerator.GetBytes) for every message and store the IV with the ciphertext, or use AesGcm";

        [Fact]
        public Task Flags_ecb_mode_and_ecb_calls()
        {
            const string source = """
                using System.Security.Cryptography;
                public class RecordCipher
                {
                    public byte[] A(Aes aes, byte[] data) { aes.Mode = {|#0:CipherMode.ECB|}; return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length); }
                    public Aes B() { var aes = Aes.Create(); aes.Mode = {|#1:CipherMode.ECB|}; return aes; }
                    public byte[] C(Aes aes, byte[] data) => {|#2:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(0).WithArguments("Aes.Mode", "selects ECB mode", UseCbc),
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(1).WithArguments("Aes.Mode", "selects ECB mode", UseCbc),
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(2).WithArguments("Aes.EncryptEcb", "encrypts in ECB mode",
                    "use EncryptCbc with a random IV stored with the ciphertext, or AesGcm"));
        }

        [Fact]
        public Task Flags_zero_constant_and_key_derived_ivs()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class RecordCipher
                {
                    private static readonly byte[] FixedIv = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                    public void A(Aes aes) { aes.IV = {|#0:new byte[16]|}; }
                    public void B(Aes aes) { aes.IV = {|#1:FixedIv|}; }
                    public ICryptoTransform C(Aes aes, byte[] key) => aes.CreateEncryptor(key, {|#2:key|});
                    public void D(Aes aes) { aes.IV = {|#3:Encoding.ASCII.GetBytes("placeholder-iv!!")|}; }
                    public void E(Aes aes) { var iv = new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }; aes.IV = {|#4:iv|}; }
                    public void F(AesGcm gcm, byte[] key, byte[] data, byte[] cipher, byte[] tag) => gcm.Encrypt({|#5:new byte[12]|}, data, cipher, tag);
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(0).WithArguments("Aes.IV", "uses an all-zero IV", UseRandomIv),
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(1).WithArguments("Aes.IV", "uses a constant IV shared by every message", UseRandomIv),
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(2).WithArguments("Aes.CreateEncryptor", "reuses the key as its IV", UseRandomIv),
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(3).WithArguments("Aes.IV", "uses a constant IV", UseRandomIv),
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(4).WithArguments("Aes.IV", "uses a constant IV", UseRandomIv),
                V.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(5).WithArguments("AesGcm.Encrypt", "uses an all-zero nonce",
                    "use a unique nonce per message (a counter or RandomNumberGenerator.GetBytes)"));
        }

        [Fact]
        public Task Does_not_flag_generated_or_transported_ivs_or_ecb_comparisons()
        {
            const string source = """
                using System;
                using System.IO;
                using System.Security.Cryptography;
                public class RecordCipher
                {
                    private static readonly byte[] Header = { 1, 2, 3 };
                    private static readonly byte[] SessionIv = RandomNumberGenerator.GetBytes(16);
                    public void A(Aes aes) { aes.Mode = CipherMode.CBC; aes.GenerateIV(); }
                    public void B(Aes aes) { var iv = new byte[16]; RandomNumberGenerator.Fill(iv); aes.IV = iv; }
                    public void C(Aes aes, byte[] payload) { var iv = new byte[16]; Array.Copy(payload, iv, 16); aes.IV = iv; }
                    public void D(Aes aes, Stream s) { var iv = new byte[aes.BlockSize / 8]; s.ReadExactly(iv); aes.IV = iv; }
                    public void E(Aes aes) { aes.IV = RandomNumberGenerator.GetBytes(16); }
                    public bool F(SymmetricAlgorithm alg) => alg.Mode == CipherMode.ECB;
                    public void G(Aes aes) { if (aes.Mode == CipherMode.ECB) throw new InvalidOperationException(); }
                    public byte[] H() => Header;
                    // Known false negative: one random IV per process is still reused across messages; not judged.
                    public void J(Aes aes) { aes.IV = SessionIv; }
                    public ICryptoTransform I(Aes aes, byte[] key, byte[] iv) => aes.CreateEncryptor(key, iv);
                    public void K(Aes aes) => Assert.NotEqual(CipherMode.ECB, aes.Mode);
                    public bool L(Aes aes) => aes.Mode.Equals(CipherMode.ECB);
                }
                public static class Assert { public static void NotEqual<T>(T expected, T actual) { } }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_uses_cbc_and_generate_iv_and_fix_all_covers_the_file()
        {
            const string source = """
                using System.Security.Cryptography;
                public class RecordCipher
                {
                    public Aes A()
                    {
                        var aes = Aes.Create();
                        aes.Mode = {|#0:CipherMode.ECB|};
                        aes.IV = {|#1:new byte[16]|};
                        return aes;
                    }

                    public void B(Aes other)
                    {
                        // keep this comment
                        other.IV = {|#2:new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }|};
                    }
                }
                """;
            const string fixedSource = """
                using System.Security.Cryptography;
                public class RecordCipher
                {
                    public Aes A()
                    {
                        var aes = Aes.Create();
                        aes.Mode = CipherMode.CBC;
                        aes.GenerateIV();
                        return aes;
                    }

                    public void B(Aes other)
                    {
                        // keep this comment
                        other.GenerateIV();
                    }
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(0).WithArguments("Aes.Mode", "selects ECB mode", UseCbc),
                VF.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(1).WithArguments("Aes.IV", "uses an all-zero IV", UseRandomIv),
                VF.Diagnostic(Descriptors.InsecureCipherMode).WithLocation(2).WithArguments("Aes.IV", "uses a constant IV", UseRandomIv));
        }

        [Fact]
        public async Task Message_never_contains_the_iv_literal()
        {
            var diagnostics = await CryptoTestHelpers.DiagnosticsAsync(new HipaaAnalyzers.Rules.Cryptography.InsecureCipherModeAnalyzer(),
                "public class C { public void M(System.Security.Cryptography.Aes a) { a.IV = System.Text.Encoding.ASCII.GetBytes(\"zq-secret-iv-xyz\"); } }");
            var d = Assert.Single(diagnostics);
            Assert.DoesNotContain("zq-secret", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(d.Properties.Values, v => v != null && v.Contains("zq-secret"));
        }
    }
}
