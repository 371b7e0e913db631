using System.Threading.Tasks;
using HipaaAnalyzers.CodeFixes.Rules.Secrets;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Secrets;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using F = HipaaAnalyzers.Tests.Infrastructure.Verify<
    HipaaAnalyzers.Rules.Secrets.HardCodedCredentialAnalyzer,
    HipaaAnalyzers.CodeFixes.Rules.Secrets.SecretToEnvironmentCodeFixProvider>;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Secrets.HardCodedCredentialAnalyzer>;

namespace HipaaAnalyzers.Tests.Rules.Secrets
{
    [Trait("Rule", "HIPAA101")]
    public class HardCodedCredentialTests
    {
        private static DiagnosticResult Expected(int location, string symbol, string kind) =>
            V.Diagnostic(Descriptors.HardCodedCredential).WithLocation(location).WithArguments(symbol, kind);

        [Fact]
        public Task Flags_fields_properties_locals_and_object_initializers()
        {
            const string source = """
                public class SmtpSettings
                {
                    public string Password { get; set; } = {|#0:"Sm7p!Relay2024"|};
                    private readonly string _apiKey = {|#1:"a81f0c3d9e"|};
                    public const string ClientSecret = {|#2:"c1ient-s3cr3t-value"|};
                }
                public class Mailer
                {
                    public SmtpSettings Build()
                    {
                        var dbPassword = {|#3:"Hunter2!"|};
                        return new SmtpSettings { Password = {|#4:"N3wPass#1"|} };
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "'SmtpSettings.Password'", "password"),
                Expected(1, "'SmtpSettings._apiKey'", "API key"),
                Expected(2, "'SmtpSettings.ClientSecret'", "client secret"),
                Expected(3, "'dbPassword'", "password"),
                Expected(4, "'SmtpSettings.Password'", "password"));
        }

        [Fact]
        public Task Flags_arguments_to_credential_parameters_and_constants_passed_to_them()
        {
            const string source = """
                using System.Net;
                public static class Smtp
                {
                    private const string Fallback = "R0tat3-me-n0w";
                    public static NetworkCredential Admin() => new NetworkCredential("admin", {|#0:"Adm1n@2024"|});
                    public static NetworkCredential Backup() => new NetworkCredential("backup", {|#1:Fallback|});
                    public static string DbPassword() => System.Environment.GetEnvironmentVariable("DB_PASSWORD") ?? {|#2:"devPa55"|};
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "parameter 'password' of 'NetworkCredential'", "password"),
                Expected(1, "parameter 'password' of 'NetworkCredential'", "password"),
                Expected(2, "'DbPassword'", "password"));
        }

        [Fact]
        public Task Flags_headers_form_fields_and_authorization_values()
        {
            const string source = """
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Net.Http.Headers;
                public static class Api
                {
                    public static void Configure(HttpClient client)
                    {
                        client.DefaultRequestHeaders.Add("X-Api-Key", {|#0:"9f8e7d6c5b4a"|});
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|#1:"opaque-token-19af"|});
                        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_secret"] = {|#2:"Zx9-secret-42"|} };
                        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", {|#3:"Basic c3ZjOlBhNTV3MHJk"|});
                        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer <token>");
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "'X-Api-Key'", "API key"),
                Expected(1, "'AuthenticationHeaderValue' in 'Configure'", "bearer token"),
                Expected(2, "'client_secret'", "client secret"),
                Expected(3, "'Authorization'", "Basic authentication credential"));
        }

        [Fact]
        public Task Flags_basic_auth_and_jwt_signing_keys_built_from_literals()
        {
            const string source = """
                using System;
                using System.Net.Http.Headers;
                using System.Text;
                namespace Microsoft.IdentityModel.Tokens { public class SymmetricSecurityKey { public SymmetricSecurityKey(byte[] key) { } } }
                public static class Auth
                {
                    public static AuthenticationHeaderValue Basic() =>
                        new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes({|#0:"svc:Pa55w0rd"|})));
                    public static object Key() =>
                        new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes({|#1:"my-jwt-signing-phrase-2024"|}));
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "'AuthenticationHeaderValue' in 'Basic'", "Basic authentication credential"),
                Expected(1, "'SymmetricSecurityKey' in 'Key'", "JWT signing secret"));
        }

        [Fact]
        public Task Does_not_flag_near_misses()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using System.Net;
                using System.Net.Http;
                using System.Threading;
                public static class Labels
                {
                    public const string PasswordFieldLabel = "Password";                 // label: last word is not the secret
                    public const string PasswordResetRoute = "/account/password/reset";  // route
                    public const string PasswordRequired = "Password is required";       // message
                    public const string Password = "Password";                           // form field name constant
                    public const string AccessToken = "access_token";                    // OAuth parameter name
                    public const string ApiKeyHeaderName = "X-Api-Key";                  // header name
                    public const string TokenEndpoint = "https://login.example.org/token";
                }
                public class Settings
                {
                    public string Password { get; set; } = "";                                   // empty
                    public string ApiKey { get; set; } = "<your-api-key>";                       // placeholder
                    public string ClientSecret { get; set; } = "changeme";                       // placeholder
                    public string SmtpPassword { get; set; } = "SMTP_PASSWORD";                  // environment variable name
                    public string JwtSecret { get; set; } = "Jwt:Secret";                        // configuration key
                    public string Token { get; set; } = "${API_TOKEN}";                          // template
                    public string Secret { get; set; } = "xxxxxxxx";                             // masked
                    public string PasswordMessage { get; set; } = "Your password has expired";
                    public string PageToken { get; set; } = "first";                             // paging token
                    public string PasswordHash { get; set; } = "AQAAAAEAACcQ";                    // a hash, not the password
                    public string AdminPassword { get; set; } = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"; // bcrypt hash
                    public string UserPassword { get; set; } = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g";
                    public string RequireToken { get; set; } = "true";                           // a switch
                    public string StorageAccountKey { get; set; } = AzuriteKey;                  // the emulator's documented key
                    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" + "/K1SZFPTOtr/KBHBeksoGMGw==";
                }
                public static class Checks
                {
                    public static bool IsDefault(string password) => password == "admin";        // comparison in a validator
                    public static bool Same(string password) => password.Equals("admin", StringComparison.Ordinal);
                    public static string Read() => Environment.GetEnvironmentVariable("API_TOKEN") ?? "";
                    public static void Describe(IDictionary<string, string> errors) => errors.Add("Password", "Password is too short");
                    public static NetworkCredential FromEnv(string user) => new NetworkCredential(user, Environment.GetEnvironmentVariable("PW"));
                    public static int Length(string token) => token.Length;
                    public static CancellationToken None() => CancellationToken.None;
                    public static string Conn() => "Server=db;Database=app;User Id=app;Password=Zx81!";   // HIPAA103's
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Configured_placeholders_and_test_placeholders_are_not_flagged()
        {
            const string source = """
                public class Fixture
                {
                    public string Password { get; set; } = "local-dev-only";
                    public string ApiKey { get; set; } = "test-api-key-123";
                    public string Token { get; set; } = "FakeToken42";
                }
                """;
            const string config = "hipaa_analyzers.secret_placeholder_values = local-dev-only\nhipaa_analyzers.secret_test_placeholders = true\n";
            return V.NoDiagnostic(source, ReferenceSet.Net, config);
        }

        [Fact]
        public Task Test_placeholders_are_flagged_unless_configured()
        {
            const string source = """
                public class Fixture
                {
                    public string ApiKey { get; set; } = {|#0:"test-api-key-123"|};
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null, Expected(0, "'Fixture.ApiKey'", "API key"));
        }

        [Fact]
        public async Task Message_and_properties_never_contain_the_value()
        {
            const string secret = "Sm7p!Relay2024";
            const string source = "public class S { public string Password { get; set; } = \"" + secret + "\"; }";
            var diagnostics = await SecretTestHelpers.RunAsync(new HardCodedCredentialAnalyzer(), source);
            SecretTestHelpers.AssertNoLeak(diagnostics, secret, expectedCount: 1);
        }

        [Fact]
        public Task Fix_reads_from_the_environment_and_fix_all_handles_constants()
        {
            const string source = """
                using System;
                public class SmtpSettings
                {
                    public const string ClientSecret = {|#0:"c1ient-s3cr3t-value"|};
                    public string Password { get; set; } = {|#1:"Sm7p!Relay2024"|};
                    public void Connect()
                    {
                        var apiKey = {|#2:"a81f0c3d9e"|};
                        Console.WriteLine(apiKey.Length + ClientSecret.Length);
                    }
                }
                """;
            const string fixedSource = """
                using System;
                public class SmtpSettings
                {
                    public static readonly string ClientSecret = Environment.GetEnvironmentVariable("SMTP_CLIENT_SECRET") ?? throw new InvalidOperationException("SMTP_CLIENT_SECRET is not set");
                    public string Password { get; set; } = string.Empty;
                    public void Connect()
                    {
                        var apiKey = Environment.GetEnvironmentVariable("SMTP_API_KEY") ?? throw new InvalidOperationException("SMTP_API_KEY is not set");
                        Console.WriteLine(apiKey.Length + ClientSecret.Length);
                    }
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'SmtpSettings.ClientSecret'", "client secret"),
                Expected(1, "'SmtpSettings.Password'", "password"),
                Expected(2, "'apiKey'", "API key"));
        }

        [Fact]
        public Task Fix_uses_IConfiguration_when_in_scope()
        {
            const string source = """
                using System.Net;
                using Microsoft.Extensions.Configuration;
                public class MailSender
                {
                    private readonly IConfiguration _configuration;
                    public MailSender(IConfiguration configuration) => _configuration = configuration;
                    public NetworkCredential Credential() => new NetworkCredential("mailer", {|#0:"Adm1n@2024"|});
                    public string Key() { var apiKey = {|#1:"a81f0c3d9e"|}; return apiKey; }
                }
                """;
            const string fixedSource = """
                using System.Net;
                using Microsoft.Extensions.Configuration;
                public class MailSender
                {
                    private readonly IConfiguration _configuration;
                    public MailSender(IConfiguration configuration) => _configuration = configuration;
                    public NetworkCredential Credential() => new NetworkCredential("mailer", _configuration["MailSender:Password"] ?? throw new System.InvalidOperationException("MailSender:Password is not configured"));
                    public string Key() { var apiKey = _configuration["MailSender:ApiKey"] ?? throw new System.InvalidOperationException("MailSender:ApiKey is not configured"); return apiKey; }
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.AspNetCore, null, 0, null,
                Expected(0, "parameter 'password' of 'NetworkCredential'", "password"),
                Expected(1, "'apiKey'", "API key"));
        }

        [Fact]
        public Task Fix_turns_const_locals_into_runtime_reads()
        {
            const string source = """
                using System;
                using System.Net;
                public static class Ftp
                {
                    public static NetworkCredential Login()
                    {
                        const string ftpPassword = {|#0:"Ftp!Upl0ad"|};
                        const string token = {|#1:"9f8e7d6c5b4a"|};
                        return new NetworkCredential("upload", ftpPassword + token);
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net;
                public static class Ftp
                {
                    public static NetworkCredential Login()
                    {
                        string ftpPassword = Environment.GetEnvironmentVariable("FTP_PASSWORD") ?? throw new InvalidOperationException("FTP_PASSWORD is not set");
                        string token = Environment.GetEnvironmentVariable("FTP_TOKEN") ?? throw new InvalidOperationException("FTP_TOKEN is not set");
                        return new NetworkCredential("upload", ftpPassword + token);
                    }
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'ftpPassword'", "password"),
                Expected(1, "'token'", "token"));
        }

        [Fact]
        public Task Fix_clears_instance_initializers_reads_static_members_lazily_and_drops_fallbacks()
        {
            const string source = """
                using System;
                public class SmtpOptions
                {
                    public string Password { get; set; } = {|#0:"Sm7p!Relay2024"|};
                    private readonly string _apiKey = {|#1:"a81f0c3d9e"|};
                    public static string ApiToken { get; } = {|#2:"9f8e7d6c5b4a"|};
                    public string ClientSecret { get; set; } = Environment.GetEnvironmentVariable("SMTP_CLIENT_SECRET") ?? {|#3:"c1ient-s3cr3t-value"|};
                    public int KeyLength => _apiKey.Length;
                }
                public static class Db
                {
                    public static string Password() => Environment.GetEnvironmentVariable("DB_PASSWORD") ?? {|#4:"DevPassw0rd!"|};
                }
                """;
            const string fixedSource = """
                using System;
                public class SmtpOptions
                {
                    public string Password { get; set; } = string.Empty;
                    private readonly string _apiKey = string.Empty;
                    public static string ApiToken => Environment.GetEnvironmentVariable("SMTP_API_TOKEN") ?? throw new InvalidOperationException("SMTP_API_TOKEN is not set");
                    public string ClientSecret { get; set; } = Environment.GetEnvironmentVariable("SMTP_CLIENT_SECRET") ?? string.Empty;
                    public int KeyLength => _apiKey.Length;
                }
                public static class Db
                {
                    public static string Password() => Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("DB_PASSWORD is not set");
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'SmtpOptions.Password'", "password"),
                Expected(1, "'SmtpOptions._apiKey'", "API key"),
                Expected(2, "'SmtpOptions.ApiToken'", "token"),
                Expected(3, "'SmtpOptions.ClientSecret'", "client secret"),
                Expected(4, "'Password'", "password"));
        }

        [Fact]
        public async Task No_fix_for_values_written_to_the_environment_and_header_names_follow_the_type()
        {
            const string source = """
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;
                public static class DevSetup
                {
                    public static void Seed() => Environment.SetEnvironmentVariable("DB_PASSWORD", "Hunter2!x");
                }
                public class LabResultsClient
                {
                    public void Auth(HttpClient client) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "a81f0c3d9e77b1");
                }
                public class PharmacyClient
                {
                    public void Auth(HttpClient client) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "b72e1d4c8f66a2");
                }
                """;
            var diagnostics = await SecretTestHelpers.RunAsync(new HardCodedCredentialAnalyzer(), source);
            Assert.Equal(3, diagnostics.Length);
            Assert.Contains(diagnostics, d => d.Properties[DiagnosticProperties.Fix] == SecretDiagnostics.NoFix);
            Assert.Contains(diagnostics, d => d.Properties[SecretDiagnostics.EnvironmentName] == "LAB_RESULTS_CLIENT_API_TOKEN");
            Assert.Contains(diagnostics, d => d.Properties[SecretDiagnostics.EnvironmentName] == "PHARMACY_CLIENT_API_TOKEN");
        }

        [Fact]
        public Task Flags_jwt_signing_and_token_keys_and_utf8_literals()
        {
            const string source = """
                namespace Microsoft.IdentityModel.Tokens { public class SymmetricSecurityKey { public SymmetricSecurityKey(byte[] key) { } } }
                public class JwtOptions
                {
                    public string TokenKey { get; set; } = {|#0:"q8Wf3Zr7Lp2Nx5Vb"|};
                    public string JwtKey { get; set; } = {|#1:"h4Jk9Lm2Nb6Vc1Xz"|};
                    public string SigningKey { get; set; } = {|#2:"t7Yu3Io8Pa5Sd2Fg"|};
                    public string JwtSecret { get; set; } = {|#3:"z1Xc4Vb7Nm0Qw3Er"|};
                    public static object Key() => new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey({|#4:"my-jwt-signing-phrase-2024"u8|}.ToArray());
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "'JwtOptions.TokenKey'", "token key"),
                Expected(1, "'JwtOptions.JwtKey'", "jwt key"),
                Expected(2, "'JwtOptions.SigningKey'", "signing key"),
                Expected(3, "'JwtOptions.JwtSecret'", "secret"),
                Expected(4, "'SymmetricSecurityKey' in 'Key'", "JWT signing secret"));
        }

        [Fact]
        public Task Fix_names_each_seeded_object_after_its_variable()
        {
            const string source = """
                using System;
                public class User { public string Password { get; set; } = ""; }
                public static class Seed
                {
                    public static User[] Users()
                    {
                        var admin = new User { Password = {|#0:"Adm1n!Seed"|} };
                        var nurse = new User { Password = {|#1:"Nurs3!Seed"|} };
                        return new[] { admin, nurse };
                    }
                }
                """;
            const string fixedSource = """
                using System;
                public class User { public string Password { get; set; } = ""; }
                public static class Seed
                {
                    public static User[] Users()
                    {
                        var admin = new User { Password = Environment.GetEnvironmentVariable("ADMIN_PASSWORD") ?? throw new InvalidOperationException("ADMIN_PASSWORD is not set") };
                        var nurse = new User { Password = Environment.GetEnvironmentVariable("NURSE_PASSWORD") ?? throw new InvalidOperationException("NURSE_PASSWORD is not set") };
                        return new[] { admin, nurse };
                    }
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'User.Password'", "password"),
                Expected(1, "'User.Password'", "password"));
        }
    }
}
