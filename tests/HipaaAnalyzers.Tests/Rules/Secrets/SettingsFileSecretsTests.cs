using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Secrets;
using Xunit;

namespace HipaaAnalyzers.Tests.Rules.Secrets
{
    [Trait("Rule", "HIPAA101")]
    [Trait("Rule", "HIPAA102")]
    [Trait("Rule", "HIPAA103")]
    public class SettingsFileSecretsTests
    {
        private const string Code = "public class Program { }";
        private static readonly string Stripe = "sk_" + "live_" + "51Hq7bK2LmN8pQ4rS6tU9vW3";

        private static readonly string Settings = """
            {
              // comments and trailing commas are tolerated
              "ConnectionStrings": {
                "Patients": "Server=sql.clinic.internal;Database=Patients;User Id=app;Password=Wint3r!Blue;",
                "Audit": "Server=sql.clinic.internal;Database=Audit;Integrated Security=True;Encrypt=True",
              },
              "Smtp": { "Host": "smtp.clinic.internal", "Password": "Sm7p!Relay2024", "PasswordLabel": "Password" },
              "Jwt": { "Key": "my-jwt-signing-phrase-2024", "Issuer": "https://clinic.example" },
              "Stripe": { "Publishable": "STRIPE_SECRET_PLACEHOLDER" },
              "Api": { "Token": "", "ClientSecret": "<from-key-vault>", "ApiKey": "${API_KEY}" },
              "Logging": { "LogLevel": { "Default": "Information" } },
              "AllowedHosts": "*"
            }
            """.Replace("STRIPE_SECRET_PLACEHOLDER", Stripe);

        [Fact]
        public async Task Reports_each_rule_at_the_json_line()
        {
            var diagnostics = (await SecretTestHelpers.RunAsync(new SettingsFileSecretsAnalyzer(), Code, ("/app/appsettings.json", Settings)))
                .OrderBy(d => d.Location.SourceSpan.Start).ToList();

            Assert.Collection(diagnostics,
                d => AssertAt(d, RuleIds.InsecureConnectionString, 3, "key 'ConnectionStrings:Patients' in appsettings.json", "has an inline password"),
                d => AssertAt(d, RuleIds.HardCodedCredential, 6, "key 'Smtp:Password' in appsettings.json", "password"),
                d => AssertAt(d, RuleIds.HardCodedCredential, 7, "key 'Jwt:Key' in appsettings.json", "jwt key"),
                d => AssertAt(d, RuleIds.KnownFormatSecret, 8, "key 'Stripe:Publishable' in appsettings.json", "a Stripe live secret key"));
            Assert.All(diagnostics, d => Assert.Equal(SecretDiagnostics.MoveToSecretStore, d.Properties[DiagnosticProperties.Fix]));
        }

        [Fact]
        public async Task Never_leaks_any_value()
        {
            var diagnostics = await SecretTestHelpers.RunAsync(new SettingsFileSecretsAnalyzer(), Code, ("/app/appsettings.Production.json", Settings));
            foreach (var secret in new[] { "Wint3r!Blue", "Sm7p!Relay2024", "my-jwt-signing-phrase-2024", "51Hq7bK2LmN8pQ4rS6tU9vW3" })
            {
                SecretTestHelpers.AssertNoLeak(diagnostics, secret, expectedCount: 4);
            }
        }

        [Fact]
        public async Task Ignores_other_json_files_and_malformed_json()
        {
            var other = await SecretTestHelpers.RunAsync(new SettingsFileSecretsAnalyzer(), Code, ("/app/launchSettings.json", Settings));
            Assert.Empty(other);

            var broken = await SecretTestHelpers.RunAsync(new SettingsFileSecretsAnalyzer(), Code,
                ("/app/appsettings.json", "{ \"Smtp\": { \"Password\": \"Sm7p!Relay2024\" , \"x\": [1, {\"y\": \"unterminated"),
                ("/app/appsettings.Development.json", "}}}]]] \"\\u12"),
                ("/app/appsettings.Staging.json", ""));
            var only = Assert.Single(broken);
            Assert.Equal(RuleIds.HardCodedCredential, only.Id);
        }

[Fact]
        public async Task Routes_json_key_material_to_HIPAA104_and_ignores_password_hashes_and_switches()
        {
            const string json = """
                {
                  "Encryption": { "Key": "k9Fz2Lq8Rw4Tx6Vb3Nm", "Iv": "a1b2c3d4e5f6g7h8" },
                  "Jwt": { "SigningKey": "t7Yu3Io8Pa5Sd2Fg" },
                  "Seed": { "AdminPassword": "$2a$11$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "RequireToken": "false" }
                }
                """;
            var diagnostics = (await SecretTestHelpers.RunAsync(new SettingsFileSecretsAnalyzer(), Code, ("/app/appsettings.json", json)))
                .OrderBy(d => d.Location.SourceSpan.Start).ToList();
            Assert.Collection(diagnostics,
                d => AssertAt(d, RuleIds.HardCodedKeyMaterial, 1, "key 'Encryption:Key' in appsettings.json", "key material"),
                d => AssertAt(d, RuleIds.HardCodedKeyMaterial, 1, "key 'Encryption:Iv' in appsettings.json", "IV"),
                d => AssertAt(d, RuleIds.HardCodedCredential, 2, "key 'Jwt:SigningKey' in appsettings.json", "signing key"));
        }

                private static void AssertAt(Microsoft.CodeAnalysis.Diagnostic diagnostic, string id, int zeroBasedLine, string where, string what)
        {
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(zeroBasedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
            Assert.EndsWith("appsettings.json", diagnostic.Location.GetLineSpan().Path);
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith((id == RuleIds.InsecureConnectionString ? "The connection string in " : "") + where, message);
            Assert.Contains(what, message);
        }
    }
}
