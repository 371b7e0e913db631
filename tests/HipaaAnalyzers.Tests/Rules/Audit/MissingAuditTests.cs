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
        private const string Config = "hipaa_analyzers.audit_methods = Clinic.IAuditLog.Record, Clinic.AuditedAttribute, Clinic.AuditFilter\n";

        private const string Audits = "Clinic.IAuditLog.Record, Clinic.AuditedAttribute, Clinic.AuditFilter";

        private const string Model = """

            namespace Clinic
            {
                public class Patient { public int Id { get; set; } public string Ssn { get; set; } = ""; public string DisplayName { get; set; } = ""; }
                public interface IAuditLog { void Record(string action, int recordId); }
                public sealed class AuditLog : IAuditLog { public void Record(string action, int recordId) { } }
                public sealed class PatientStore { public Patient Find(int id) => new Patient(); public int Count() => 0; }
                [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
                public sealed class AuditedAttribute : System.Attribute { }
                public sealed class AuditFilter { }
                public sealed class Notes { public void Record(string action, int recordId) { } }
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
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("PatientsController.Get", "patientRecord in 'Patient'", Audits),
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(1).WithArguments("PatientsController.UpdateSsn", "ssn in parameter 'ssn'", Audits));
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
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("MapGet /patients/{id} handler", "patientRecord in 'Patient'", Audits),
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(1).WithArguments("MapPost /patients/{id}/ssn handler", "ssn in parameter 'ssn'", Audits));
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
            test.ExpectedDiagnostics.Add(V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("PatientsController.Get", "patientRecord in 'Patient'", Audits));
            test.ExpectedDiagnostics.Add(V.Diagnostic(Descriptors.MissingAudit).WithLocation(1).WithArguments("PatientsController.UpdateSsn", "ssn in parameter 'ssn'", Audits));
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

        [Fact]
        public Task Service_and_type_filters_and_inherited_audit_attributes_count()
        {
            const string source = """
                using Microsoft.AspNetCore.Mvc;
                using Clinic;
                [Audited]
                public abstract class AuditedControllerBase : ControllerBase { }
                public class ChartController : AuditedControllerBase
                {
                    public Patient Show(int id) => new Patient();
                }
                [ServiceFilter(typeof(AuditFilter))]
                public class LabsController : ControllerBase
                {
                    public Patient Show(int id) => new Patient();
                }
                public class ScansController : ControllerBase
                {
                    [TypeFilter(typeof(AuditFilter))]
                    public Patient Show(int id) => new Patient();
                    [ServiceFilter(typeof(Notes))]
                    public Patient {|#0:Other|}(int id) => new Patient();
                }
                """;
            return V.Analyzer(source + Model, ReferenceSet.AspNetCore, Config,
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("ScansController.Other", "patientRecord in 'Patient'", Audits));
        }

        [Fact]
        public Task Method_group_handler_is_bound_by_symbol_not_by_name()
        {
            const string source = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Clinic;
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.{|#0:MapPost|}("/patients/{id}/ssn", Update);
                        app.MapPost("/patients/{id}/ssn-audited", UpdateAudited);
                    }

                    private static IResult Update(int id, string ssn, Notes notes)
                    {
                        notes.Record("update", id);
                        return Results.NoContent();
                    }

                    private static IResult UpdateAudited(int id, string ssn, IAuditLog audit)
                    {
                        audit.Record("update", id);
                        return Results.NoContent();
                    }
                }
                """;
            return V.Analyzer(source + Model, ReferenceSet.AspNetCore, Config,
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("MapPost /patients/{id}/ssn handler", "ssn in parameter 'ssn'", Audits));
        }

        [Fact]
        public Task Queries_over_phi_entities_count_as_handling_phi()
        {
            const string source = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;
                using Clinic;
                public class ListController : ControllerBase
                {
                    private readonly ClinicDb _db = new ClinicDb();
                    public IQueryable<Patient> {|#0:Query|}() => _db.Items;
                    public Task<ActionResult<IEnumerable<Patient>>> {|#1:All|}() => Task.FromResult<ActionResult<IEnumerable<Patient>>>(new List<Patient>());
                    public IActionResult {|#2:Names|}() => Ok(_db.Items.Select(p => p.Id).ToList());
                }
                public static class Routes
                {
                    public static void Map(WebApplication app, ClinicDb db, string prefix)
                    {
                        app.{|#3:MapGet|}(prefix + "/all", () => db.Items.Count());
                    }
                }
                namespace Clinic { public class ClinicDb { public Microsoft.EntityFrameworkCore.DbSet<Patient> Items { get; } = null!; } }
                """;
            return V.Analyzer(source + Model + HipaaAnalyzers.Tests.Rules.Integrity.IntegrityStubs.EfCore, ReferenceSet.AspNetCore, Config,
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(0).WithArguments("ListController.Query", "patientRecord in 'Patient'", Audits),
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(1).WithArguments("ListController.All", "patientRecord in 'Patient'", Audits),
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(2).WithArguments("ListController.Names", "patientRecord in 'Patient'", Audits),
                V.Diagnostic(Descriptors.MissingAudit).WithLocation(3).WithArguments("MapGet handler", "patientRecord in 'Patient'", Audits));
        }
    }
}
