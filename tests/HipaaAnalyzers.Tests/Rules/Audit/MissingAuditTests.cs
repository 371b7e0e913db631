using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Audit.MissingAuditAnalyzer>;

namespace HipaaAnalyzers.Tests.Rules.Audit
{
    [Trait("Rule", "HIPAA601")]
    public class MissingAuditTests
    {
        private const string Config = "hipaa_analyzers.audit_methods = Clinic.IAuditLog.Record, Clinic.AuditedAttribute\n";

        private const string Model = """

            namespace Clinic
            {
                public class Patient { public int Id { get; set; } public string Ssn { get; set; } = ""; public string DisplayName { get; set; } = ""; }
                public interface IAuditLog { void Record(string action, int recordId); }
                public sealed class AuditLog : IAuditLog { public void Record(string action, int recordId) { } }
                public sealed class PatientStore { public Patient Find(int id) => new Patient(); public int Count() => 0; }
                [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
                public sealed class AuditedAttribute : System.Attribute { }
            }
            """;

        private const string Controller = """
            using Microsoft.AspNetCore.Mvc;
            using Clinic;
            [ApiController, Route("patients")]
            public class PatientsController : ControllerBase
            {
                private readonly PatientStore _store = new PatientStore();
                private readonly IAuditLog _audit = new AuditLog();

                [HttpGet("{id}")]
                public ActionResult<Patient> {|#0:Get|}(int id) => _store.Find(id);

                [HttpPut("{id}/ssn")]
                public IActionResult {|#1:UpdateSsn|}(int id, string ssn)
                {
                    _store.Find(id).Ssn = ssn;
                    return NoContent();
                }

                [HttpGet("{id}/audited")]
                public ActionResult<Patient> GetAudited(int id)
                {
                    _audit.Record("read", id);
                    return _store.Find(id);
                }

                [HttpGet("{id}/filtered"), Audited]
                public ActionResult<Patient> GetFiltered(int id) => _store.Find(id);

                [HttpGet("count")]
                public int Count() => _store.Count();

                private Patient Helper(int id) => _store.Find(id);
            }
            """;

        [Fact]
        public Task Off_until_audit_methods_is_configured()
        {
            var source = Controller.Replace("{|#0:Get|}", "Get").Replace("{|#1:UpdateSsn|}", "UpdateSsn") + Model;
            return V.NoDiagnostic(source, ReferenceSet.AspNetCore);
        }

        [Fact]
        public Task Flags_unaudited_controller_actions_that_handle_phi()
        {
            return V.Analyzer(Controller + Model, ReferenceSet.AspNetCore, Config,
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("PatientsController.Get", "patientRecord in 'Patient'"),
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(1).WithArguments("PatientsController.UpdateSsn", "ssn in parameter 'ssn'"));
        }

        [Fact]
        public Task Flags_unaudited_minimal_api_handlers()
        {
            const string source = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Clinic;
                public static class Endpoints
                {
                    public static void Map(WebApplication app, PatientStore store, IAuditLog audit)
                    {
                        app.{|#0:MapGet|}("/patients/{id}", (int id) => store.Find(id));
                        app.MapGet("/patients/{id}/audited", (int id) =>
                        {
                            audit.Record("read", id);
                            return store.Find(id);
                        });
                        app.{|#1:MapPost|}("/patients/{id}/ssn", Update);
                        app.MapPost("/patients/{id}/ssn-audited", UpdateAudited);
                        app.MapGet("/health", () => "ok");
                    }

                    private static IResult Update(int id, string ssn) => Results.NoContent();

                    private static IResult UpdateAudited(int id, string ssn, IAuditLog audit)
                    {
                        audit.Record("update", id);
                        return Results.NoContent();
                    }
                }
                """;
            return V.Analyzer(source + Model, ReferenceSet.AspNetCore, Config,
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("MapGet handler", "patientRecord in 'Patient'"),
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(1).WithArguments("MapPost handler", "ssn in parameter 'ssn'"));
        }

        [Fact]
        public Task Audit_call_through_the_concrete_class_counts()
        {
            const string source = """
                using Microsoft.AspNetCore.Mvc;
                using Clinic;
                public class ChartController : Controller
                {
                    private readonly AuditLog _audit = new AuditLog();
                    public Patient Show(int id)
                    {
                        _audit.Record("read", id);
                        return new Patient();
                    }
                }
                """;
            return V.NoDiagnostic(source + Model, ReferenceSet.AspNetCore, Config);
        }

        [Fact]
        public async Task Turned_on_by_an_editorconfig_section_alone()
        {
            var test = new AnalyzerTest<HipaaAnalyzers.Rules.Audit.MissingAuditAnalyzer>(ReferenceSet.AspNetCore) { TestCode = Controller + Model };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + Config));
            test.ExpectedDiagnostics.Add(V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("PatientsController.Get", "patientRecord in 'Patient'"));
            test.ExpectedDiagnostics.Add(V.Diagnostic(Descriptors.MissingAudit).WithLocation(1).WithArguments("PatientsController.UpdateSsn", "ssn in parameter 'ssn'"));
            await test.RunAsync();
        }

        [Fact]
        public Task Malformed_audit_method_is_reported_by_configuration_rule()
        {
            const string source = "public class C { }";
            return Verify<HipaaAnalyzers.Rules.Configuration.ConfigurationAnalyzer>.Analyzer(source, ReferenceSet.Net,
                "hipaa_analyzers.audit_methods = Record()\n",
                Verify<HipaaAnalyzers.Rules.Configuration.ConfigurationAnalyzer>.Diagnostic(Descriptors.InvalidConfiguration)
                    .WithArguments("hipaa_analyzers.audit_methods", "'Record()' is not of the form Namespace.Type.Method"));
        }
    }
}
