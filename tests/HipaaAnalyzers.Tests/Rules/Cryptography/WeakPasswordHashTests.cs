using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.WeakPasswordHashAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.WeakPasswordHashAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Cryptography.WeakPasswordHashCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    [Trait("Rule", "HIPAA206")]
    public class WeakPasswordHashTests
    {
        private static string Instead(int min = 600000) =>
            $"Rfc2898DeriveBytes.Pbkdf2 with a random per-user salt, HashAlgorithmName.SHA256 and at least {min} iterations (or ASP.NET Core Identity's PasswordHasher)";

        [Fact]
        public Task Flags_fast_hashes_over_passwords()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class LoginStore
                {
                    public string Hash(string password) => System.Convert.ToHexString({|#0:SHA256.HashData(Encoding.UTF8.GetBytes(password))|});
                    public byte[] Legacy(string userPassword)
                    {
                        using var md5 = MD5.Create();
                        var bytes = Encoding.UTF8.GetBytes(userPassword + "pepper");
                        return {|#1:md5.ComputeHash(bytes)|};
                    }
                    public byte[] Register(Account account) => {|#2:SHA512.HashData(Encoding.UTF8.GetBytes(account.Password))|};
                }
                public class Account { public string Password { get; set; } = ""; }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(0).WithArguments("SHA256.HashData", "hashes a password with the fast hash SHA256", Instead()),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(1).WithArguments("MD5.ComputeHash", "hashes a password with the fast hash MD5", Instead()),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(2).WithArguments("SHA512.HashData", "hashes a password with the fast hash SHA512", Instead()));
        }

        [Fact]
        public Task Flags_weak_pbkdf2()
        {
            const string source = """
                using System.Security.Cryptography;
                #pragma warning disable SYSLIB0041, SYSLIB0060
                public class LoginStore
                {
                    public byte[] A(string password, byte[] salt) => {|#0:new Rfc2898DeriveBytes(password, salt)|}.GetBytes(32);
                    public byte[] B(string password, byte[] salt) => {|#1:new Rfc2898DeriveBytes(password, salt, 10000)|}.GetBytes(32);
                    public byte[] C(string password, byte[] salt) => {|#2:Rfc2898DeriveBytes.Pbkdf2(password, salt, 100_000, HashAlgorithmName.SHA256, 32)|};
                    public byte[] D(string password, byte[] salt) => {|#3:Rfc2898DeriveBytes.Pbkdf2(password, salt, 1_000_000, HashAlgorithmName.SHA1, 32)|};
                    #pragma warning disable SYSLIB0022
                    public byte[] E(string password, byte[] salt) => {|#4:new PasswordDeriveBytes(password, salt)|}.GetBytes(32);
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(0).WithArguments("new Rfc2898DeriveBytes",
                    "runs PBKDF2 with the legacy default HMAC-SHA1 and 1000 iterations (the legacy default), below 600000", Instead()),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(1).WithArguments("new Rfc2898DeriveBytes",
                    "runs PBKDF2 with the legacy default HMAC-SHA1 and 10000 iterations, below 600000", Instead()),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(2).WithArguments("Rfc2898DeriveBytes.Pbkdf2",
                    "runs PBKDF2 with 100000 iterations, below 600000", Instead()),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(3).WithArguments("Rfc2898DeriveBytes.Pbkdf2",
                    "runs PBKDF2 with HMAC-SHA1", Instead()),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(4).WithArguments("new PasswordDeriveBytes",
                    "derives a password key with the obsolete PBKDF1", Instead()));
        }

        [Fact]
        public Task Flags_aspnetcore_key_derivation_and_honours_the_configured_minimum()
        {
            const string source = """
                using Microsoft.AspNetCore.Cryptography.KeyDerivation;
                public class LoginStore
                {
                    public byte[] A(string password, byte[] salt) => {|#0:KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA1, 10000, 32)|};
                    public byte[] B(string password, byte[] salt) => {|#1:KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA256, 200000, 32)|};
                    public byte[] C(string password, byte[] salt) => KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA256, 310000, 32);
                }
                """;
            return V.Analyzer(source, ReferenceSet.AspNetCore, "hipaa_analyzers.HIPAA206.min_pbkdf2_iterations = 310000",
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(0).WithArguments("KeyDerivation.Pbkdf2",
                    "runs PBKDF2 with HMAC-SHA1 and 10000 iterations, below 310000", Instead(310000)),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(1).WithArguments("KeyDerivation.Pbkdf2",
                    "runs PBKDF2 with 200000 iterations, below 310000", Instead(310000)));
        }

        [Fact]
        public Task Does_not_flag_strong_derivation_or_hashes_of_non_passwords()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                public class Fine
                {
                    private readonly int _iterations = 1000;
                    public byte[] A(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
                    public byte[] B(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 210_000, HashAlgorithmName.SHA512, 64);
                    public byte[] C(byte[] document) => SHA256.HashData(document);
                    public byte[] D(string passwordResetUrl) => SHA256.HashData(Encoding.UTF8.GetBytes(passwordResetUrl));
                    public byte[] E(byte[] key, string password) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("challenge"));
                    public byte[] F(string password, byte[] salt, int iterations) => Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
                    public byte[] G(string fileName) => SHA1.HashData(Encoding.UTF8.GetBytes(fileName));
                    public byte[] H(string passwordResetToken) => SHA256.HashData(Encoding.UTF8.GetBytes(passwordResetToken));
                    public byte[] I(byte[] ikm, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(ikm, salt, 1000, HashAlgorithmName.SHA256, 32);
                    public byte[] J(string masterKey, byte[] ctx) => Rfc2898DeriveBytes.Pbkdf2(masterKey, ctx, 1, HashAlgorithmName.SHA256, 32);
                    public byte[] K(string password, byte[] salt)
                    {
                        using var hmac = new HMACSHA256(salt);
                        var block = hmac.ComputeHash(Encoding.UTF8.GetBytes(password));
                        for (var i = 1; i < 600_000; i++) block = hmac.ComputeHash(block);
                        return block;
                    }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_uses_pbkdf2_sha256_and_fix_all_covers_the_file()
        {
            const string source = """
                using System.Security.Cryptography;
                #pragma warning disable SYSLIB0041, SYSLIB0060
                public class LoginStore
                {
                    public byte[] A(string password, byte[] salt) => {|#0:new Rfc2898DeriveBytes(password, salt, 1000)|}.GetBytes(32);
                    public byte[] B(string password, byte[] salt) => {|#1:Rfc2898DeriveBytes.Pbkdf2(password, salt, 10000, HashAlgorithmName.SHA1, 32)|};
                    public byte[] C(string password, byte[] salt)
                    {
                        using var kdf = {|#2:new Rfc2898DeriveBytes(password, salt)|};
                        return kdf.GetBytes(32);
                    }
                }
                """;
            const string fixedSource = """
                using System.Security.Cryptography;
                #pragma warning disable SYSLIB0041, SYSLIB0060
                public class LoginStore
                {
                    public byte[] A(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
                    public byte[] B(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
                    public byte[] C(string password, byte[] salt)
                    {
                        using var kdf = new Rfc2898DeriveBytes(password, salt, 600000, HashAlgorithmName.SHA256);
                        return kdf.GetBytes(32);
                    }
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(0).WithArguments("new Rfc2898DeriveBytes",
                    "runs PBKDF2 with the legacy default HMAC-SHA1 and 1000 iterations, below 600000", Instead()),
                VF.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(1).WithArguments("Rfc2898DeriveBytes.Pbkdf2",
                    "runs PBKDF2 with HMAC-SHA1 and 10000 iterations, below 600000", Instead()),
                VF.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(2).WithArguments("new Rfc2898DeriveBytes",
                    "runs PBKDF2 with the legacy default HMAC-SHA1 and 1000 iterations (the legacy default), below 600000", Instead()));
        }

        [Fact]
        public Task Flags_a_single_hmac_over_a_password_and_weak_identity_hasher_options()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Text;
                using Microsoft.AspNetCore.Identity;
                public class LoginStore
                {
                    public byte[] Mac(string password) => {|#0:new HMACSHA512().ComputeHash(Encoding.UTF8.GetBytes(password))|};
                    public void Configure(PasswordHasherOptions options)
                    {
                        options.CompatibilityMode = {|#1:PasswordHasherCompatibilityMode.IdentityV2|};
                        options.IterationCount = {|#2:10_000|};
                    }
                    public void Strong(PasswordHasherOptions options) => options.IterationCount = 600_000;
                }
                namespace Microsoft.AspNetCore.Identity
                {
                    public enum PasswordHasherCompatibilityMode { IdentityV2, IdentityV3 }
                    public class PasswordHasherOptions
                    {
                        public PasswordHasherCompatibilityMode CompatibilityMode { get; set; }
                        public int IterationCount { get; set; }
                    }
                }
                """;
            const string identity = "PasswordHasherCompatibilityMode.IdentityV3 with at least 210000 iterations (or leave the defaults)";
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(0).WithArguments("HMACSHA512.ComputeHash", "hashes a password with the fast hash HMACSHA512", Instead()),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(1).WithArguments("PasswordHasherOptions.CompatibilityMode",
                    "selects the Identity V2 format (PBKDF2 with HMAC-SHA1 and 1000 iterations)", identity),
                V.Diagnostic(Descriptors.WeakPasswordHash).WithLocation(2).WithArguments("PasswordHasherOptions.IterationCount",
                    "sets 10000 PBKDF2 iterations, below 210000", identity));
        }
    }
}
