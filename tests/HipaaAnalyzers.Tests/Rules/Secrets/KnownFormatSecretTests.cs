using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Secrets;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using F = HipaaAnalyzers.Tests.Infrastructure.Verify<
    HipaaAnalyzers.Rules.Secrets.KnownFormatSecretAnalyzer,
    HipaaAnalyzers.CodeFixes.Rules.Secrets.SecretToEnvironmentCodeFixProvider>;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Secrets.KnownFormatSecretAnalyzer>;

namespace HipaaAnalyzers.Tests.Rules.Secrets
{
    [Trait("Rule", "HIPAA102")]
    public class KnownFormatSecretTests
    {
        // Samples are assembled from pieces so that this file itself holds no complete secret-shaped string.
        public static readonly TheoryData<string, string, string> Samples = new TheoryData<string, string, string>
        {
            { "aws-access-key-id", "AKIA" + "Q3EGRTWS6ZB2NKX7", "Q3EGRTWS6ZB2NKX7" },
            { "google-api-key", "AIza" + "SyB7kq2Lm9xP0vR4tW8yZ1cD5fG3hJ6nM2o", "SyB7kq2Lm9xP0vR4tW8yZ1cD5fG3hJ6nM2o" },
            { "azure-storage-account-key", "DefaultEndpointsProtocol=https;AccountName=phi;AccountKey=" + Base64(86) + "==;EndpointSuffix=core.windows.net", Base64(86) },
            { "azure-sas-key", "Endpoint=sb://phi.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=" + Base64(43) + "=", Base64(43) },
            { "stripe-live-key", "sk_" + "live_" + "51Hq7bK2LmN8pQ4rS6tU9vW3", "51Hq7bK2LmN8pQ4rS6tU9vW3" },
            { "square-access-token", "sq0" + "atp-" + "Q7bK2LmN8pQ4rS6tU9vW3a", "Q7bK2LmN8pQ4rS6tU9vW3a" },
            { "github-token", "gh" + "p_" + "Q7bK2LmN8pQ4rS6tU9vW3aB5cD7eF9gH1jK2", "Q7bK2LmN8pQ4rS6tU9vW3aB5cD7eF9gH1jK2" },
            { "gitlab-token", "gl" + "pat-" + "Q7bK2LmN8pQ4rS6tU9vW", "Q7bK2LmN8pQ4rS6tU9vW" },
            { "slack-token", "xo" + "xb-" + "2345678901-98765432109-Q7bK2LmN8pQ4rS6tU9vW", "Q7bK2LmN8pQ4rS6tU9vW" },
            { "slack-webhook", "https://hooks.slack.com/services/" + "T0A1B2C3D4/B0A1B2C3D4E/" + "Q7bK2LmN8pQ4rS6tU9vW3aB5", "Q7bK2LmN8pQ4rS6tU9vW3aB5" },
            { "sendgrid-api-key", "SG" + ".Q7bK2LmN8pQ4rS6tU9vW3a." + Base64(43).Replace('+', 'x').Replace('/', 'y'), "Q7bK2LmN8pQ4rS6tU9vW3a" },
            { "openai-api-key", "sk-proj-" + "Q7bK2LmN8pQ4rS6tU9vW" + "T3Blbk" + "FJ" + "a5cD7eF9gH1jK2LmN8pQ", "a5cD7eF9gH1jK2LmN8pQ" },
            { "private-key-block", "-----BEGIN RSA PRIVATE KEY-----\n" + Base64(64) + "\n" + Base64(64) + "\n-----END RSA PRIVATE KEY-----", Base64(64) },
            { "jwt", "eyJ" + "hbGciOiJIUzI1NiJ9" + ".eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0" + ".Q7bK2LmN8pQ4rS6tU9vW3aB5cD7eF9gH1jK2LmN8pQ4", "Q7bK2LmN8pQ4rS6tU9vW3aB5cD7eF9gH1jK2LmN8pQ4" },
        };

        private static string Base64(int length) =>
            new string(Enumerable.Range(0, length).Select(i => "Q7bK2LmN8pQ4rS6tU9vW3aB5cD7eF9gH1jK+/"[(i * 7) % 37]).ToArray());

        private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

        [Fact]
        public void Every_format_in_the_table_has_a_sample()
        {
            var covered = Samples.Select(row => (string)row[0]).ToHashSet();
            Assert.All(SecretFormats.All, format => Assert.Contains(format.Id, covered));
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public async Task Flags_each_format_and_never_leaks_it(string formatId, string sample, string secretPart)
        {
            var format = SecretFormats.All.Single(f => f.Id == formatId);
            var source = "public static class Integrations { public static string Value() { var text = {|#0:\"" + Escape(sample) + "\"|}; return text; } }";
            await V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.KnownFormatSecret).WithLocation(0).WithArguments("'text'", format.WithArticle));

            var diagnostics = await SecretTestHelpers.RunAsync(new KnownFormatSecretAnalyzer(), source.Replace("{|#0:", "").Replace("|}", ""));
            SecretTestHelpers.AssertNoLeak(diagnostics, secretPart, expectedCount: 1);
            Assert.Equal(formatId, diagnostics[0].Properties[SecretDiagnostics.Format]);
        }

        // The Azure Storage emulator's publicly documented account key.
        private static readonly string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"
            + "/K1SZFPTOtr/KBHBeksoGMGw==";

        [Fact]
        public Task Does_not_flag_near_misses()
        {
            var source = """
                public static class NearMisses
                {
                    public const string AwsDocsExample = "AKIAIOSFODNN7EXAMPLE";                                   // documented placeholder
                    public const string StripeTestKey = "sk_test_51Hq7bK2LmN8pQ4rS6tU9vW3";                      // test mode, not live
                    public const string PemHeader = "-----BEGIN RSA PRIVATE KEY-----";                            // marker used by a parser
                    public const string JwtHeaderOnly = "eyJhbGciOiJIUzI1NiJ9";                                   // no payload
                    public const string ShortAkia = "AKIA1234";                                                    // too short
                    public const string GitHubPrefixDoc = "Tokens start with ghp_ followed by 36 characters";
                    public const string SlackMasked = "xoxb-xxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx";
                    public const string StorageDev = "UseDevelopmentStorage=true";
                    public const string JwtIoSample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
                    public const string AccountKeyTemplate = "DefaultEndpointsProtocol=https;AccountName={0};AccountKey={1}";
                    public const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AZURITE_KEY;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
                    public const string AzuriteKeyOnly = "AccountKey=AZURITE_KEY";
                }
                """.Replace("AZURITE_KEY", AzuriteKey);
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_reads_from_the_environment_with_the_format_name_or_the_symbol_name()
        {
            var stripe = "sk_" + "live_" + "51Hq7bK2LmN8pQ4rS6tU9vW3";
            var github = "gh" + "p_" + "Q7bK2LmN8pQ4rS6tU9vW3aB5cD7eF9gH1jK2";
            var source = "using System;\npublic class Billing\n{\n    public string StripeKey { get; } = {|#0:\"" + stripe + "\"|};\n"
                + "    public void Sync() { Console.WriteLine({|#1:\"" + github + "\"|}); }\n}\n";
            var fixedSource = "using System;\npublic class Billing\n{\n"
                + "    public string StripeKey { get; } = Environment.GetEnvironmentVariable(\"STRIPE_SECRET_KEY\") ?? throw new InvalidOperationException(\"STRIPE_SECRET_KEY is not set\");\n"
                + "    public void Sync() { Console.WriteLine(Environment.GetEnvironmentVariable(\"GITHUB_TOKEN\") ?? throw new InvalidOperationException(\"GITHUB_TOKEN is not set\")); }\n}\n";
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                F.Diagnostic(Descriptors.KnownFormatSecret).WithLocation(0).WithArguments("'Billing.StripeKey'", "a Stripe live secret key"),
                F.Diagnostic(Descriptors.KnownFormatSecret).WithLocation(1).WithArguments("parameter 'value' of 'Console'", "a GitHub token"));
        }
    }
}
