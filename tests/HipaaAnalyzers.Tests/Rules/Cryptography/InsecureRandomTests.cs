using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.InsecureRandomAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.InsecureRandomAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Cryptography.InsecureRandomCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    [Trait("Rule", "HIPAA205")]
    public class InsecureRandomTests
    {
        private const string GetInt32 = "RandomNumberGenerator.GetInt32";

        [Fact]
        public Task Flags_random_values_that_become_security_values()
        {
            const string source = """
                using System;
                using System.Linq;
                using System.Text;
                public class User { public string ResetToken { get; set; } = ""; }
                public class Accounts
                {
                    private readonly Random _random = new Random();
                    public string Otp() { var otp = {|#0:_random.Next(100000, 999999)|}.ToString(); return otp; }
                    public void Reset(User user) { user.ResetToken = {|#1:Random.Shared.NextInt64()|}.ToString("x"); }
                    public byte[] NewSalt() { var salt = new byte[16]; {|#2:_random.NextBytes(salt)|}; return salt; }
                    public string GeneratePassword(int length)
                    {
                        const string chars = "abcdefghijkmnpqrstuvwxyz23456789";
                        var sb = new StringBuilder();
                        for (var i = 0; i < length; i++) sb.Append(chars[{|#3:_random.Next(chars.Length)|}]);
                        return sb.ToString();
                    }
                    public int SessionId => {|#4:_random.Next()|};
                    public static string GenerateToken(int length)
                    {
                        var random = new Random();
                        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
                        return new string(System.Linq.Enumerable.Repeat(alphabet, length).Select(s => s[{|#6:random.Next(s.Length)|}]).ToArray());
                    }
                    public void Send(string verificationCode) { }
                    public void Verify() => Send({|#5:_random.Next(1000, 9999)|}.ToString());
                    public string Issue()
                    {
                        const string chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
                        var token = new string(Enumerable.Range(0, 32).Select(_ => chars[{|#7:_random.Next(chars.Length)|}]).ToArray());
                        return token;
                    }
                    public string Mail() { var resetCode = {|#8:_random.Next(100000, 999999)|}.ToString(); return resetCode; }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(0).WithArguments("Random.Next", "the one-time code", "otp", GetInt32),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(1).WithArguments("Random.NextInt64", "the token", "ResetToken", "RandomNumberGenerator.GetBytes or GetInt32"),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(2).WithArguments("Random.NextBytes", "the salt", "salt", "RandomNumberGenerator.Fill"),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(3).WithArguments("Random.Next", "the password", "GeneratePassword", GetInt32),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(4).WithArguments("Random.Next", "the identifier", "SessionId", GetInt32),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(5).WithArguments("Random.Next", "the code", "verificationCode", GetInt32),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(6).WithArguments("Random.Next", "the token", "GenerateToken", GetInt32),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(7).WithArguments("Random.Next", "the token", "token", GetInt32),
                V.Diagnostic(Descriptors.InsecureRandom).WithLocation(8).WithArguments("Random.Next", "the code", "resetCode", GetInt32));
        }

        [Fact]
        public Task Does_not_flag_games_ui_jitter_sampling_or_shuffles()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                public class Everyday
                {
                    private readonly Random _random = new Random(42);
                    public int RollDice() => _random.Next(1, 7);
                    public void Shuffle(int[] deck) => _random.Shuffle(deck);
                    public List<string> Quiz(List<string> questions) => questions.OrderBy(_ => _random.Next()).ToList();
                    public async Task RefreshTokenAsync() { var delay = _random.Next(100, 500); await Task.Delay(delay); }
                    public Task RetryAsync() => Task.Delay(TimeSpan.FromMilliseconds(_random.Next(50, 250)));
                    public bool ShouldSample() => _random.NextDouble() < 0.05;
                    public string PickColor(string[] palette) { var index = _random.Next(palette.Length); return palette[index]; }
                    public int StatusCode() => _random.Next(200, 204);
                    public string CacheKey() => "k" + _random.Next();
                    public int PickServer(int count) => _random.Next(count);
                    public int tokenRefreshJitterMs = new Random().Next(1000);
                    public string SeedDiagnosis(string[] icdCodes) => icdCodes[Random.Shared.Next(icdCodes.Length)];
                    public string ProbeKey(List<string> keys, int n) { var key = keys[_random.Next(n)]; return key; }
                    public string Room() { var roomCode = "R" + _random.Next(100, 500); return roomCode; }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_uses_random_number_generator_and_fix_all_covers_the_file()
        {
            const string source = """
                using System;
                public class Accounts
                {
                    private readonly Random _random = new Random();
                    public string Otp() { var otp = {|#0:_random.Next(100000, 1000000)|}.ToString("D6"); return otp; }
                    public byte[] NewSalt() { var salt = new byte[16]; {|#1:_random.NextBytes(salt)|}; return salt; }
                    public int NewSessionId() => {|#2:_random.Next()|};
                }
                """;
            const string fixedSource = """
                using System;
                public class Accounts
                {
                    private readonly Random _random = new Random();
                    public string Otp() { var otp = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100000, 1000000).ToString("D6"); return otp; }
                    public byte[] NewSalt() { var salt = new byte[16]; System.Security.Cryptography.RandomNumberGenerator.Fill(salt); return salt; }
                    public int NewSessionId() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue);
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.InsecureRandom).WithLocation(0).WithArguments("Random.Next", "the one-time code", "otp", GetInt32),
                VF.Diagnostic(Descriptors.InsecureRandom).WithLocation(1).WithArguments("Random.NextBytes", "the salt", "salt", "RandomNumberGenerator.Fill"),
                VF.Diagnostic(Descriptors.InsecureRandom).WithLocation(2).WithArguments("Random.Next", "the identifier", "NewSessionId", GetInt32));
        }

        [Fact]
        public Task Fix_uses_the_short_name_when_the_namespace_is_imported()
        {
            const string source = """
                using System;
                using System.Security.Cryptography;
                public class Invites
                {
                    public string NewInviteCode(Random random) => {|#0:random.Next(0, 1_000_000)|}.ToString("D6");
                    public byte[] NewApiKey(Random random) { var apiKey = new byte[32]; {|#1:random.NextBytes(apiKey)|}; return apiKey; }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Security.Cryptography;
                public class Invites
                {
                    public string NewInviteCode(Random random) => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
                    public byte[] NewApiKey(Random random) { var apiKey = new byte[32]; RandomNumberGenerator.Fill(apiKey); return apiKey; }
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.InsecureRandom).WithLocation(0).WithArguments("Random.Next", "the code", "NewInviteCode", GetInt32),
                VF.Diagnostic(Descriptors.InsecureRandom).WithLocation(1).WithArguments("Random.NextBytes", "the key", "apiKey", "RandomNumberGenerator.Fill"));
        }
    }
}
