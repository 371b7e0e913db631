using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Rules.Secrets;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HipaaAnalyzers.Tests.Rules.Secrets
{
    public class SecretsRobustnessTests
    {
        public static readonly TheoryData<string> Analyzers = new TheoryData<string>
        {
            nameof(HardCodedCredentialAnalyzer), nameof(KnownFormatSecretAnalyzer), nameof(InsecureConnectionStringAnalyzer),
            nameof(HardCodedKeyMaterialAnalyzer), nameof(SettingsFileSecretsAnalyzer),
        };

        private static DiagnosticAnalyzer Create(string name) => name switch
        {
            nameof(HardCodedCredentialAnalyzer) => new HardCodedCredentialAnalyzer(),
            nameof(KnownFormatSecretAnalyzer) => new KnownFormatSecretAnalyzer(),
            nameof(InsecureConnectionStringAnalyzer) => new InsecureConnectionStringAnalyzer(),
            nameof(HardCodedKeyMaterialAnalyzer) => new HardCodedKeyMaterialAnalyzer(),
            _ => new SettingsFileSecretsAnalyzer(),
        };

        [Theory]
        [MemberData(nameof(Analyzers))]
        public async Task Broken_code_and_broken_json_never_throw(string analyzer)
        {
            const string source = """
                public class Broken
                {
                    public string Password { get; set; } = 
                    private byte[] Key = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, x };
                    public void M() { var apiKey = Missing.Value ?? "Zx81!abc"; new Unknown("Server=a;Password=b;", }
                    string Token => "eyJ" + ;
                """;
            var diagnostics = await SecretTestHelpers.RunAsync(Create(analyzer), source,
                ("/p/appsettings.json", "{ \"a\": { \"Password\": \"\\"), ("/p/appsettings.Local.json", new string('{', 5000)));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        [Fact]
        public void Json_scanner_tolerates_comments_escapes_and_arrays()
        {
            var settings = JsonSettingsScanner.Scan("""
                /* header */ { "A": { "B": "x\"y", "C": [ "one", { "D": "two" } ], "E": 5, "F": true, }, // tail
                  "G": "\u0041" }
                """);
            Assert.Equal(new[] { "A:B", "A:C", "A:C:D", "G" }, settings.Select(s => s.Path).ToArray());
            Assert.Equal("x\"y", settings[0].Value);
            Assert.Equal("A", settings[3].Value);
        }

        [Theory]
        [InlineData("SmtpPassword", SecretNameKind.Credential)]
        [InlineData("_apiKey", SecretNameKind.Credential)]
        [InlineData("API_KEY", SecretNameKind.Credential)]
        [InlineData("ClientSecret", SecretNameKind.Credential)]
        [InlineData("AdminPassword2", SecretNameKind.Credential)]
        [InlineData("dbPass", SecretNameKind.Credential)]
        [InlineData("SecretValue", SecretNameKind.Credential)]
        [InlineData("EncryptionKey", SecretNameKind.KeyMaterial)]
        [InlineData("InitializationVector", SecretNameKind.KeyMaterial)]
        [InlineData("PasswordSalt", SecretNameKind.KeyMaterial)]
        [InlineData("PasswordFieldLabel", SecretNameKind.None)]
        [InlineData("TokenEndpoint", SecretNameKind.None)]
        [InlineData("ApiKeyHeaderName", SecretNameKind.None)]
        [InlineData("PasswordHash", SecretNameKind.None)]
        [InlineData("CancellationToken", SecretNameKind.None)]
        [InlineData("NextPageToken", SecretNameKind.None)]
        [InlineData("CacheKey", SecretNameKind.None)]
        [InlineData("Bypass", SecretNameKind.None)]
        [InlineData("FirstPass", SecretNameKind.None)]
        [InlineData("SecretManagerUrl", SecretNameKind.None)]
        public void Names_are_classified_by_their_last_word(string name, SecretNameKind expected) =>
            Assert.Equal(expected, SecretNames.Classify(name));

        [Theory]
        [InlineData("Hunter2!", true)]
        [InlineData("admin", true)]
        [InlineData("", false)]
        [InlineData("   ", false)]
        [InlineData("changeme", false)]
        [InlineData("<your-password>", false)]
        [InlineData("YOUR_API_KEY_HERE", false)]
        [InlineData("${DB_PASSWORD}", false)]
        [InlineData("{{token}}", false)]
        [InlineData("%SECRET%", false)]
        [InlineData("********", false)]
        [InlineData("DB_PASSWORD", false)]
        [InlineData("Jwt:Secret", false)]
        [InlineData("access_token", false)]
        [InlineData("X-Api-Key", false)]
        [InlineData("Password is required", false)]
        [InlineData("/account/password/reset", false)]
        [InlineData("https://login.example.org/token", false)]
        [InlineData("dummy-secret", false)]
        [InlineData("example", false)]
        public void Values_are_judged_before_reporting(string value, bool maySecret) =>
            Assert.Equal(maySecret, SecretValues.Default.MayBeSecret(value, targetIsConstant: false));
    }
}
