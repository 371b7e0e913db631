using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.WeakCipherAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.WeakCipherAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Cryptography.WeakCipherCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    [Trait("Rule", "HIPAA202")]
    public class WeakCipherTests
    {
        private const string Aes = "AES (Aes.Create())";

        [Fact]
        public Task Flags_des_triple_des_rc2_and_non_aes_rijndael()
        {
            const string source = """
                using System.Security.Cryptography;
                #pragma warning disable SYSLIB0021, SYSLIB0022, SYSLIB0045
                public class LegacyVault
                {
                    public SymmetricAlgorithm A() => {|#0:DES.Create()|};
                    public SymmetricAlgorithm B() => {|#1:TripleDES.Create()|};
                    public SymmetricAlgorithm C() => {|#2:new RC2CryptoServiceProvider()|};
                    public SymmetricAlgorithm D() => {|#3:new TripleDESCryptoServiceProvider()|};
                    public object? E() => CryptoConfig.CreateFromName({|#4:"3DES"|});
                    public SymmetricAlgorithm F() => new RijndaelManaged { BlockSize = {|#5:256|} };
                    public void G(RijndaelManaged r) { r.BlockSize = {|#6:192|}; }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.WeakCipher).WithLocation(0).WithArguments("DES.Create", "DES", Aes),
                V.Diagnostic(Descriptors.WeakCipher).WithLocation(1).WithArguments("TripleDES.Create", "Triple DES", Aes),
                V.Diagnostic(Descriptors.WeakCipher).WithLocation(2).WithArguments("new RC2CryptoServiceProvider", "RC2", Aes),
                V.Diagnostic(Descriptors.WeakCipher).WithLocation(3).WithArguments("new TripleDESCryptoServiceProvider", "Triple DES", Aes),
                V.Diagnostic(Descriptors.WeakCipher).WithLocation(4).WithArguments("CryptoConfig.CreateFromName", "Triple DES", Aes),
                V.Diagnostic(Descriptors.WeakCipher).WithLocation(5).WithArguments("RijndaelManaged.BlockSize", "Rijndael with a 256-bit block", "AES: a 128-bit block, or Aes.Create()"),
                V.Diagnostic(Descriptors.WeakCipher).WithLocation(6).WithArguments("RijndaelManaged.BlockSize", "Rijndael with a 192-bit block", "AES: a 128-bit block, or Aes.Create()"));
        }

        [Fact]
        public Task Does_not_flag_aes_or_rijndael_with_aes_parameters()
        {
            const string source = """
                using System.Security.Cryptography;
                #pragma warning disable SYSLIB0022
                public class Vault
                {
                    public SymmetricAlgorithm A() => Aes.Create();
                    public SymmetricAlgorithm B() => new RijndaelManaged { BlockSize = 128, KeySize = 256 };
                    public SymmetricAlgorithm C() => Rijndael.Create();
                    public AesGcm D(byte[] key) => new AesGcm(key, 16);
                    public object? E() => CryptoConfig.CreateFromName("AES");
                    public bool IsLegacy(SymmetricAlgorithm s) => s is DES or TripleDES;
                    public void F(Aes aes) { aes.BlockSize = 128; }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_uses_aes_and_fix_all_covers_the_file()
        {
            const string source = """
                using System.Security.Cryptography;
                #pragma warning disable SYSLIB0021, SYSLIB0022
                public class LegacyVault
                {
                    public byte[] A(byte[] data, byte[] key)
                    {
                        using var des = {|#0:DES.Create()|};
                        des.Key = key;
                        return des.EncryptCbc(data, des.IV);
                    }

                    public ICryptoTransform B(byte[] key, byte[] iv)
                    {
                        TripleDES tdes = {|#1:TripleDES.Create()|};
                        return tdes.CreateEncryptor(key, iv);
                    }

                    public SymmetricAlgorithm C() => {|#2:new DESCryptoServiceProvider()|};
                    public object? D() => CryptoConfig.CreateFromName({|#3:"DES"|});
                    public SymmetricAlgorithm E() => new RijndaelManaged { BlockSize = {|#4:256|} };
                }
                """;
            const string fixedSource = """
                using System.Security.Cryptography;
                #pragma warning disable SYSLIB0021, SYSLIB0022
                public class LegacyVault
                {
                    public byte[] A(byte[] data, byte[] key)
                    {
                        using var des = Aes.Create();
                        des.Key = key;
                        return des.EncryptCbc(data, des.IV);
                    }

                    public ICryptoTransform B(byte[] key, byte[] iv)
                    {
                        Aes tdes = Aes.Create();
                        return tdes.CreateEncryptor(key, iv);
                    }

                    public SymmetricAlgorithm C() => Aes.Create();
                    public object? D() => CryptoConfig.CreateFromName("AES");
                    public SymmetricAlgorithm E() => new RijndaelManaged { BlockSize = 128 };
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.WeakCipher).WithLocation(0).WithArguments("DES.Create", "DES", Aes),
                VF.Diagnostic(Descriptors.WeakCipher).WithLocation(1).WithArguments("TripleDES.Create", "Triple DES", Aes),
                VF.Diagnostic(Descriptors.WeakCipher).WithLocation(2).WithArguments("new DESCryptoServiceProvider", "DES", Aes),
                VF.Diagnostic(Descriptors.WeakCipher).WithLocation(3).WithArguments("CryptoConfig.CreateFromName", "DES", Aes),
                VF.Diagnostic(Descriptors.WeakCipher).WithLocation(4).WithArguments("RijndaelManaged.BlockSize", "Rijndael with a 256-bit block", "AES: a 128-bit block, or Aes.Create()"));
        }

        [Fact]
        public Task No_fix_when_the_consumer_needs_the_weak_type()
        {
            const string source = """
                using System.Security.Cryptography;
                public class LegacyVault
                {
                    private DES _des = null!;
                    public void Init() { _des = {|#0:DES.Create()|}; }
                }
                """;
            return VF.Fix(source, source, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.WeakCipher).WithLocation(0).WithArguments("DES.Create", "DES", Aes));
        }
    }
}
