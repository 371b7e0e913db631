using System.Threading.Tasks;
using HipaaAnalyzers.CodeFixes.Rules.Cryptography;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Cryptography;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.WeakHashAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.WeakHashAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Cryptography.WeakHashCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    [Trait("Rule", "HIPAA201")]
    public class WeakHashTests
    {
        private const string HmacSha1On = "hipaa_analyzers.HIPAA201.include_hmac_sha1 = true";

        [Fact]
        public Task Flags_every_entry_point()
        {
            const string source = """
                using System.IO;
                using System.Security.Cryptography;
                public class Checksums
                {
                    public byte[] Md5(byte[] data) { using var md5 = {|#0:MD5.Create()|}; return md5.ComputeHash(data); }
                    public byte[] Sha1(byte[] data) => {|#1:SHA1.HashData(data)|};
                    public System.Threading.Tasks.ValueTask<byte[]> Sha1Async(Stream s) => {|#2:SHA1.HashDataAsync(s)|};
                    #pragma warning disable SYSLIB0021
                    public HashAlgorithm Legacy() => {|#3:new SHA1CryptoServiceProvider()|};
                    #pragma warning restore SYSLIB0021
                    public byte[] Mac(byte[] key, byte[] data) { using var h = {|#4:new HMACMD5(key)|}; return h.ComputeHash(data); }
                    public IncrementalHash Incremental() => IncrementalHash.CreateHash({|#5:HashAlgorithmName.MD5|});
                    public object? Config() => CryptoConfig.CreateFromName({|#6:"SHA1"|});
                    public byte[] Sign(RSA rsa, byte[] data) => rsa.SignData(data, {|#7:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1);
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.WeakHash).WithLocation(0).WithArguments("MD5.Create", "MD5", "SHA-256 (SHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(1).WithArguments("SHA1.HashData", "SHA-1", "SHA-256 (SHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(2).WithArguments("SHA1.HashDataAsync", "SHA-1", "SHA-256 (SHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(3).WithArguments("new SHA1CryptoServiceProvider", "SHA-1", "SHA-256 (SHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(4).WithArguments("new HMACMD5", "HMAC-MD5", "HMAC-SHA256 (HMACSHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(5).WithArguments("IncrementalHash.CreateHash", "MD5", "SHA-256 (HashAlgorithmName.SHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(6).WithArguments("CryptoConfig.CreateFromName", "SHA-1", "SHA-256 (SHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(7).WithArguments("RSA.SignData", "SHA-1", "SHA-256 (HashAlgorithmName.SHA256)"));
        }

        [Fact]
        public Task Hmac_sha1_is_flagged_only_when_configured()
        {
            const string source = """
                using System.Security.Cryptography;
                public class Webhooks
                {
                    public byte[] Sign(byte[] key, byte[] body) => {|#0:HMACSHA1.HashData(key, body)|};
                    public IncrementalHash Stream(byte[] key) => IncrementalHash.CreateHMAC({|#1:HashAlgorithmName.SHA1|}, key);
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, HmacSha1On,
                V.Diagnostic(Descriptors.WeakHash).WithLocation(0).WithArguments("HMACSHA1.HashData", "HMAC-SHA1", "HMAC-SHA256 (HMACSHA256)"),
                V.Diagnostic(Descriptors.WeakHash).WithLocation(1).WithArguments("IncrementalHash.CreateHMAC", "HMAC-SHA1", "HMAC-SHA256 (HashAlgorithmName.SHA256)"));
        }

        [Fact]
        public Task Does_not_flag_strong_hashes_hmac_sha1_by_default_or_exempt_consumers()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Security.Cryptography.X509Certificates;
                public class Fine
                {
                    public byte[] Sha256(byte[] data) => SHA256.HashData(data);
                    public byte[] Sha512(byte[] data) { using var h = SHA512.Create(); return h.ComputeHash(data); }
                    public byte[] Mac(byte[] key, byte[] data) => HMACSHA1.HashData(key, data);
                    public IncrementalHash Hmac(byte[] key) => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
                    public byte[] Thumbprint(X509Certificate2 cert) => cert.GetCertHash(HashAlgorithmName.SHA1);
                    public RSAEncryptionPadding Oaep() => RSAEncryptionPadding.CreateOaep(HashAlgorithmName.SHA1);
                    public bool IsLegacy(HashAlgorithmName name) => name == HashAlgorithmName.MD5;
                    public int Size() => MD5.HashSizeInBytes;
                    public bool IsSha1(HashAlgorithmName alg) => alg.Equals(HashAlgorithmName.SHA1);
                    public void Rejects(HashAlgorithmName alg) => Assert.NotEqual(HashAlgorithmName.MD5, alg);
                    public void Legacy(System.Collections.Generic.List<HashAlgorithmName> list) => list.Add(HashAlgorithmName.SHA1);
                    public bool Same(HashAlgorithmName alg) => Equals(alg, HashAlgorithmName.MD5);
                }
                public static class Assert { public static void NotEqual<T>(T expected, T actual) { } }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task A_fast_hash_over_a_password_is_left_to_HIPAA206()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class Accounts
                {
                    public byte[] Store(string password) => MD5.HashData(Encoding.UTF8.GetBytes(password));
                    public byte[] Legacy(string newPassword)
                    {
                        using var sha = SHA1.Create();
                        var bytes = Encoding.UTF8.GetBytes(newPassword);
                        return sha.ComputeHash(bytes);
                    }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_keeps_the_call_shape_and_fix_all_covers_the_file()
        {
            const string source = """
                using System.Security.Cryptography;
                public class Checksums
                {
                    public byte[] A(byte[] data) => {|#0:MD5.HashData(data)|};
                    public byte[] B(byte[] data) { MD5 md5 = {|#1:MD5.Create()|}; return md5.ComputeHash(data); }
                    public IncrementalHash C() => IncrementalHash.CreateHash({|#2:HashAlgorithmName.SHA1|});
                    public object? D() => CryptoConfig.CreateFromName({|#3:"MD5"|});
                    public byte[] E(byte[] key, byte[] data) { using var h = {|#4:new HMACMD5(key)|}; return h.ComputeHash(data); }
                    #pragma warning disable SYSLIB0021
                    public HashAlgorithm F() => {|#5:new MD5CryptoServiceProvider()|};
                    #pragma warning restore SYSLIB0021
                }
                """;
            const string fixedSource = """
                using System.Security.Cryptography;
                public class Checksums
                {
                    public byte[] A(byte[] data) => SHA256.HashData(data);
                    public byte[] B(byte[] data) { SHA256 md5 = SHA256.Create(); return md5.ComputeHash(data); }
                    public IncrementalHash C() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    public object? D() => CryptoConfig.CreateFromName("SHA256");
                    public byte[] E(byte[] key, byte[] data) { using var h = new HMACSHA256(key); return h.ComputeHash(data); }
                    #pragma warning disable SYSLIB0021
                    public HashAlgorithm F() => SHA256.Create();
                    #pragma warning restore SYSLIB0021
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.WeakHash).WithLocation(0).WithArguments("MD5.HashData", "MD5", "SHA-256 (SHA256)"),
                VF.Diagnostic(Descriptors.WeakHash).WithLocation(1).WithArguments("MD5.Create", "MD5", "SHA-256 (SHA256)"),
                VF.Diagnostic(Descriptors.WeakHash).WithLocation(2).WithArguments("IncrementalHash.CreateHash", "SHA-1", "SHA-256 (HashAlgorithmName.SHA256)"),
                VF.Diagnostic(Descriptors.WeakHash).WithLocation(3).WithArguments("CryptoConfig.CreateFromName", "MD5", "SHA-256 (SHA256)"),
                VF.Diagnostic(Descriptors.WeakHash).WithLocation(4).WithArguments("new HMACMD5", "HMAC-MD5", "HMAC-SHA256 (HMACSHA256)"),
                VF.Diagnostic(Descriptors.WeakHash).WithLocation(5).WithArguments("new MD5CryptoServiceProvider", "MD5", "SHA-256 (SHA256)"));
        }

        [Fact]
        public async Task Properties_name_the_algorithm_and_the_fix()
        {
            var diagnostics = await CryptoTestHelpers.DiagnosticsAsync(new WeakHashAnalyzer(),
                "public class C { public byte[] H(byte[] d) => System.Security.Cryptography.MD5.HashData(d); }");
            var d = Assert.Single(diagnostics);
            Assert.Equal("MD5", d.Properties["algorithm"]);
            Assert.Equal("SHA256", d.Properties["replacement"]);
            Assert.Equal("164.312(c)(1)", d.Properties["safeguard"]);
        }
    }
}
