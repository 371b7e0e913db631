using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Secrets;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using F = HipaaAnalyzers.Tests.Infrastructure.Verify<
    HipaaAnalyzers.Rules.Secrets.InsecureConnectionStringAnalyzer,
    HipaaAnalyzers.CodeFixes.Rules.Secrets.ConnectionStringCodeFixProvider>;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Secrets.InsecureConnectionStringAnalyzer>;

namespace HipaaAnalyzers.Tests.Rules.Secrets
{
    [Trait("Rule", "HIPAA103")]
    public class InsecureConnectionStringTests
    {
        private const string BuilderStub = """
            namespace Npgsql
            {
                public enum SslMode { Disable, Allow, Prefer, Require, VerifyCA, VerifyFull }
                public sealed class NpgsqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
                {
                    public SslMode SslMode { get; set; }
                    public bool TrustServerCertificate { get; set; }
                }
            }
            namespace Microsoft.Data.SqlClient
            {
                public sealed class SqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
                {
                    public bool Encrypt { get; set; }
                    public bool TrustServerCertificate { get; set; }
                }
            }
            """;

        private static DiagnosticResult Expected(int location, string symbol, string problems) =>
            V.Diagnostic(Descriptors.InsecureConnectionString).WithLocation(location).WithArguments(symbol, problems);

        [Fact]
        public Task Flags_sql_server_postgres_and_mysql_strings()
        {
            const string source = """
                public static class Databases
                {
                    public const string Patients = {|#0:"Server=sql.clinic.internal;Database=Patients;User Id=app;Password=Wint3r!;"|};
                    public static string Billing = {|#1:"Server=sql.clinic.internal;Database=Billing;User Id=app;Password=;"|};
                    public static string Labs() => {|#2:"Data Source=sql.clinic.internal;Initial Catalog=Labs;Integrated Security=True;Encrypt=False"|};
                    public static string Imaging = {|#3:"Host=pg.clinic.internal;Database=imaging;Username=app;SSL Mode=Disable;Trust Server Certificate=true"|};
                    public static string Portal = {|#4:"Server=mysql.clinic.internal;Database=portal;Uid=app;Pwd=S3cret!;SslMode=None"|};
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "'Databases.Patients'", "has an inline password"),
                Expected(1, "'Databases.Billing'", "has an empty password for a SQL login"),
                Expected(2, "'Labs'", "turns encryption off"),
                Expected(3, "'Databases.Imaging'", "turns encryption off and trusts any server certificate"),
                Expected(4, "'Databases.Portal'", "has an inline password and turns encryption off"));
        }

        [Fact]
        public Task Flags_unsafe_options_on_connection_string_builders()
        {
            const string source = BuilderStub + """
                public static class Builders
                {
                    public static string Sql()
                    {
                        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { Encrypt = {|#0:false|} };
                        builder.TrustServerCertificate = {|#1:true|};
                        return builder.ConnectionString;
                    }
                    public static string Pg()
                    {
                        var pg = new Npgsql.NpgsqlConnectionStringBuilder();
                        pg.SslMode = {|#2:Npgsql.SslMode.Disable|};
                        pg["Trust Server Certificate"] = {|#3:"true"|};
                        return pg.ConnectionString;
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                Expected(0, "'SqlConnectionStringBuilder'", "turns encryption off"),
                Expected(1, "'builder'", "trusts any server certificate"),
                Expected(2, "'pg'", "turns encryption off"),
                Expected(3, "'pg'", "trusts any server certificate"));
        }

        [Fact]
        public Task Does_not_flag_near_misses()
        {
            const string source = BuilderStub + """
                public static class Safe
                {
                    public const string Windows = "Server=sql.clinic.internal;Database=Patients;Integrated Security=True;Encrypt=True";
                    public const string Trusted = "Server=sql.clinic.internal;Database=Patients;Trusted_Connection=True;";
                    public const string LocalDb = "Server=(localdb)\\mssqllocaldb;Database=Dev;Trusted_Connection=True;Encrypt=False";
                    public const string Localhost = "Host=localhost;Database=dev;Username=dev;SSL Mode=Disable";
                    public const string Placeholder = "Server=sql;Database=Patients;User Id=app;Password=<your-password>;";
                    public const string Template = "Server={0};Database={1};User Id={2};Password={3};";
                    public const string NotAConnectionString = "a=1;b=2";
                    public const string Message = "Set Encrypt=False; only for local tests";
                    public static string FromConfig(string password) => "Server=sql;Database=Patients;User Id=app;Password=" + password;
                    public static string Parts(string? password) => "Server=sql;" + "Database=Patients;User Id=app;Password="
                        + (password ?? throw new System.InvalidOperationException("DB_PASSWORD is not set")) + ";Encrypt=True";
                    public static string Interpolated(string password) => $"Server=sql;Database=Patients;User Id=app;Password={password};";
                    public static string Managed() => "Server=tcp:phi.database.windows.net;Database=Patients;Authentication=Active Directory Default;Encrypt=True";
                    public static void Ok(Microsoft.Data.SqlClient.SqlConnectionStringBuilder b) { b.Encrypt = true; b.TrustServerCertificate = false; }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public async Task Message_and_properties_never_contain_the_password()
        {
            const string source = "public static class C { public static string Cs = \"Server=sql;Database=P;User Id=app;Password=Wint3r!Blue;\"; }";
            var diagnostics = await SecretTestHelpers.RunAsync(new InsecureConnectionStringAnalyzer(), source);
            SecretTestHelpers.AssertNoLeak(diagnostics, "Wint3r!Blue", expectedCount: 1);
        }

        [Fact]
        public Task Fix_moves_the_password_to_the_environment_and_secures_options()
        {
            const string source = """
                public static class Databases
                {
                    public const string PatientsConnectionString = {|#0:"Server=sql.clinic.internal;Database=Patients;User Id=app;Password=Wint3r!;Encrypt=False"|};
                    public static string Labs() => {|#1:"Data Source=sql.clinic.internal;Initial Catalog=Labs;Integrated Security=True;TrustServerCertificate=True"|};
                }
                """;
            const string fixedSource = """
                public static class Databases
                {
                    public static readonly string PatientsConnectionString = "Server=sql.clinic.internal;Database=Patients;User Id=app;Encrypt=True;Password=" + (System.Environment.GetEnvironmentVariable("PATIENTS_PASSWORD") ?? throw new System.InvalidOperationException("PATIENTS_PASSWORD is not set"));
                    public static string Labs() => "Data Source=sql.clinic.internal;Initial Catalog=Labs;Integrated Security=True;TrustServerCertificate=False";
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'Databases.PatientsConnectionString'", "has an inline password and turns encryption off"),
                Expected(1, "'Labs'", "trusts any server certificate"));
        }

        [Fact]
        public Task Fix_sets_builder_options()
        {
            const string source = BuilderStub + """
                public static class Builders
                {
                    public static void Sql(Microsoft.Data.SqlClient.SqlConnectionStringBuilder b, Npgsql.NpgsqlConnectionStringBuilder pg)
                    {
                        b.Encrypt = {|#0:false|};
                        b.TrustServerCertificate = {|#1:true|};
                        pg.SslMode = {|#2:Npgsql.SslMode.Disable|};
                    }
                }
                """;
            const string fixedSource = BuilderStub + """
                public static class Builders
                {
                    public static void Sql(Microsoft.Data.SqlClient.SqlConnectionStringBuilder b, Npgsql.NpgsqlConnectionStringBuilder pg)
                    {
                        b.Encrypt = true;
                        b.TrustServerCertificate = false;
                        pg.SslMode = Npgsql.SslMode.Require;
                    }
                }
                """;
            return F.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                Expected(0, "'SqlConnectionStringBuilder'", "turns encryption off"),
                Expected(1, "'SqlConnectionStringBuilder'", "trusts any server certificate"),
                Expected(2, "'NpgsqlConnectionStringBuilder'", "turns encryption off"));
        }
    }
}
