using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Secrets;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using F = HipaaAnalyzers.Tests.Infrastructure.Verify<
    HipaaAnalyzers.Rules.Secrets.HardCodedKeyMaterialAnalyzer,
    HipaaAnalyzers.CodeFixes.Rules.Secrets.SecretToEnvironmentCodeFixProvider>;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Secrets.HardCodedKeyMaterialAnalyzer>;

namespace HipaaAnalyzers.Tests.Rules.Secrets
{
    [Trait("Rule", "HIPAA104")]
    public class HardCodedKeyMaterialTests
    {
        private static DiagnosticResult Expected(int location, string symbol, string kind) =>
            V.Diagnostic(Descriptors.HardCodedKeyMaterial).WithLocation(location).WithArguments(symbol, kind);

        [Fact]
        public Task Flags_keys_ivs_and_salts_from_literals()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class RecordCipher
                {
                    private static readonly byte[] Key = {|#0:new byte[] { 0x10, 0x22, 0x3A, 0x4B, 0x5C, 0x6D, 0x7E, 0x8F, 0x90, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6, 0x07 }|};
                    private const string EncryptionKey = {|#1:"k9Fz2Lq8Rw4Tx6Vb"|};
                    private static readonly byte[] Salt = {|#2:Encoding.UTF8.GetBytes("clinic-salt-2024")|};
                    public Aes Create()
                    {
                        var aes = Aes.Create();
                        aes.Key = Key;
                        aes.IV = {|#3:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|};
                        return aes;
                    }
                    public byte[] Mac(byte[] data) => new HMACSHA256({|#4:Encoding.ASCII.GetBytes("hmac-signing-material")|}).ComputeHash(data);
                    public byte[] Derive(string password) =>
                        Rfc2898DeriveBytes.Pbkdf2(password, {|#5:System.Convert.FromBase64String("c2FsdHNhbHRzYWx0")|}, 600000, HashAlgorithmName.SHA256, 32);
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "'RecordCipher.Key'", "key material"),
                Expected(1, "'RecordCipher.EncryptionKey'", "key material"),
                Expected(2, "'RecordCipher.Salt'", "salt"),
                Expected(3, "'SymmetricAlgorithm.IV'", "IV bytes"),
                Expected(4, "parameter 'key' of 'HMACSHA256'", "key material"),
                Expected(5, "parameter 'salt' of 'Rfc2898DeriveBytes'", "salt"));
        }

        [Fact]
        public Task Does_not_flag_near_misses()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class Safe
                {
                    private static readonly byte[] Magic = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 };   // a file signature
                    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
                    private const string CacheKey = "patients:list";                                                        // cache key
                    private const string SaltConfigKey = "Crypto:Salt";                                                    // configuration key
                    private const string EncryptionKeyName = "ENCRYPTION_KEY";
                    private static readonly byte[] Short = new byte[] { 1, 2, 3 };
                    public void Use(Aes aes, byte[] key)
                    {
                        aes.Key = key;
                        aes.IV = RandomNumberGenerator.GetBytes(16);
                        var payload = Encoding.UTF8.GetBytes("hello world");
                        var header = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
                        var iv = new byte[16];
                        System.Console.WriteLine(payload.Length + header.Length + iv.Length + Magic.Length + Key.Length + Short.Length);
                    }
                    public string SortKey { get; } = "lastName";
                    public string PartitionKey { get; } = "tenant-a";
                    public string Salt { get; } = "<generated-per-user>";
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public async Task Message_and_properties_never_contain_the_key()
        {
            const string source = "public class C { private const string EncryptionKey = \"k9Fz2Lq8Rw4Tx6Vb\"; }";
            var diagnostics = await SecretTestHelpers.RunAsync(new HardCodedKeyMaterialAnalyzer(), source);
            SecretTestHelpers.AssertNoLeak(diagnostics, "k9Fz2Lq8Rw4Tx6Vb", expectedCount: 1);
        }

        [Fact]
        public Task Fix_decodes_a_bare_array_initializer_from_base64()
        {
            const string source = """
                public class RecordCipher
                {
                    private static readonly byte[] Key = {|#0:{ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|};
                }
                """;
            const string fixedSource = """
                public class RecordCipher
                {
                    private static readonly byte[] Key = System.Convert.FromBase64String(System.Environment.GetEnvironmentVariable("RECORD_CIPHER_KEY") ?? throw new System.InvalidOperationException("RECORD_CIPHER_KEY is not set"));
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null, Expected(0, "'RecordCipher.Key'", "key material"));
        }

        [Fact]
        public Task Fix_loads_key_material_from_the_environment()
        {
            const string source = """
                using System;
                using System.Security.Cryptography;
                using System.Text;
                public class RecordCipher
                {
                    private static readonly byte[] Key = {|#0:new byte[] { 0x10, 0x22, 0x3A, 0x4B, 0x5C, 0x6D, 0x7E, 0x8F }|};
                    private static readonly byte[] Salt = {|#1:Encoding.UTF8.GetBytes("clinic-salt-2024")|};
                }
                """;
            const string fixedSource = """
                using System;
                using System.Security.Cryptography;
                using System.Text;
                public class RecordCipher
                {
                    private static readonly byte[] Key = Convert.FromBase64String(Environment.GetEnvironmentVariable("RECORD_CIPHER_KEY") ?? throw new InvalidOperationException("RECORD_CIPHER_KEY is not set"));
                    private static readonly byte[] Salt = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("RECORD_CIPHER_SALT") ?? throw new InvalidOperationException("RECORD_CIPHER_SALT is not set"));
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'RecordCipher.Key'", "key material"),
                Expected(1, "'RecordCipher.Salt'", "salt"));
        }

        [Fact]
        public async Task No_environment_fix_for_ivs_and_nonces()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class RecordCipher
                {
                    private static readonly byte[] Iv = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                    public ICryptoTransform Encryptor(Aes aes, byte[] key) => aes.CreateEncryptor(key, Encoding.UTF8.GetBytes("fixed-iv-1234567"));
                }
                """;
            var diagnostics = await SecretTestHelpers.RunAsync(new HardCodedKeyMaterialAnalyzer(), source);
            Assert.Equal(2, diagnostics.Length);
            Assert.All(diagnostics, d => Assert.Equal(SecretDiagnostics.NoFix, d.Properties[DiagnosticProperties.Fix]));
        }

        [Fact]
        public Task Fix_reads_utf8_literal_key_material_from_the_environment()
        {
            const string source = """
                public class RecordCipher
                {
                    private static readonly byte[] EncryptionKey = {|#0:"k9Fz2Lq8Rw4Tx6Vb"u8.ToArray()|};
                    public static System.ReadOnlySpan<byte> HmacKey => {|#1:"p7Qw3Er9Ty5Ui1Op"u8|};
                }
                """;
            const string fixedSource = """
                public class RecordCipher
                {
                    private static readonly byte[] EncryptionKey = System.Text.Encoding.UTF8.GetBytes(System.Environment.GetEnvironmentVariable("ENCRYPTION_KEY") ?? throw new System.InvalidOperationException("ENCRYPTION_KEY is not set"));
                    public static System.ReadOnlySpan<byte> HmacKey => System.Text.Encoding.UTF8.GetBytes(System.Environment.GetEnvironmentVariable("HMAC_KEY") ?? throw new System.InvalidOperationException("HMAC_KEY is not set"));
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'RecordCipher.EncryptionKey'", "key material"),
                Expected(1, "'RecordCipher.HmacKey'", "key material"));
        }
    }
}
