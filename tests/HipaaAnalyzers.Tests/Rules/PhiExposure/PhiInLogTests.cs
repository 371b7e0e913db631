using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.PhiExposure;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.PhiExposure.PhiInLogAnalyzer>;

namespace HipaaAnalyzers.Tests.Rules.PhiExposure
{
    /// <summary>HIPAA001: what it reports.</summary>
    [Trait("Rule", "HIPAA001")]
    public class PhiInLogReportsTests
    {
        internal const string Models = """

            public class Patient
            {
                public System.Guid Id { get; set; }
                public string FirstName { get; set; } = "";
                public string Ssn { get; set; } = "";
                public string MedicalRecordNumber { get; set; } = "";
                public string Email { get; set; } = "";
                public System.DateTime DateOfBirth { get; set; }
                public string PrimaryDiagnosis { get; set; } = "";
                public int VisitCount { get; set; }
                public bool EmailConfirmed { get; set; }
            }

            public record PatientSummary(string FullName, string Mrn);
            """;

        private static DiagnosticResult Expect(int location, string source, string kind, string sink, string reason = "name") =>
            V.Diagnostic(Descriptors.PhiInLog).WithLocation(location).WithArguments(source, kind, sink, reason);

        [Fact]
        public Task ILogger_template_argument() => V.Analyzer("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Admit(ILogger<Service> logger, Patient patient)
                {
                    logger.LogInformation("Admitting {Ssn}", {|#0:patient.Ssn|});
                    logger.LogError(new System.Exception(), "Failed for {Mrn}", {|#1:patient.MedicalRecordNumber|});
                    logger.Log(LogLevel.Warning, "Born {Dob}", {|#2:patient.DateOfBirth|});
                }
            }
            """ + Models,
            Expect(0, "'Patient.Ssn'", "ssn", "ILogger.LogInformation"),
            Expect(1, "'Patient.MedicalRecordNumber'", "mrn", "ILogger.LogError"),
            Expect(2, "'Patient.DateOfBirth'", "dateOfBirth", "ILogger.Log"));

        [Fact]
        public Task Interpolated_and_concatenated_messages() => V.Analyzer("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Admit(ILogger logger, Patient patient)
                {
                    logger.LogDebug($"Patient {patient.Id} email {|#0:{patient.Email}|}");
                    logger.LogDebug("Diagnosis: " + {|#1:patient.PrimaryDiagnosis|});
                    logger.LogDebug({|#2:string.Format("Name {0}", patient.FirstName)|});
                }
            }
            """ + Models,
            Expect(0, "'Patient.Email'", "email", "ILogger.LogDebug"),
            Expect(1, "'Patient.PrimaryDiagnosis'", "diagnosis", "ILogger.LogDebug"),
            Expect(2, "'Patient.FirstName'", "name", "ILogger.LogDebug"));

        [Fact]
        public Task Locals_parameters_ToString_and_StringBuilder() => V.Analyzer("""
            using Microsoft.Extensions.Logging;
            using System.Text;
            class Service
            {
                void Admit(ILogger logger, Patient patient, string ssn)
                {
                    var dob = patient.DateOfBirth.ToString("yyyy-MM-dd");
                    logger.LogInformation("DOB {Value}", {|#0:dob|});
                    logger.LogInformation("SSN {Value}", {|#1:ssn|});
                    var sb = new StringBuilder();
                    sb.Append("mrn=").Append(patient.MedicalRecordNumber);
                    var text = sb.ToString();
                    logger.LogInformation({|#2:text|});
                    var last4 = ssn.Substring(ssn.Length - 4);
                    System.Console.WriteLine({|#3:last4|});
                }
            }
            """ + Models,
            Expect(0, "local 'dob'", "dateOfBirth", "ILogger.LogInformation"),
            Expect(1, "parameter 'ssn'", "ssn", "ILogger.LogInformation"),
            Expect(2, "'Patient.MedicalRecordNumber'", "mrn", "ILogger.LogInformation"),
            Expect(3, "parameter 'ssn'", "ssn", "Console.WriteLine"));

        [Fact]
        public Task Whole_objects_destructured_records_and_anonymous_objects() => V.Analyzer("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Admit(ILogger logger, Patient patient, PatientSummary summary)
                {
                    logger.LogInformation("Admitted {@Patient}", {|#0:patient|});
                    logger.LogInformation("Summary {Summary}", {|#1:summary|});
                    logger.LogInformation("State {@State}", {|#2:new { patient.Id, patient.Email }|});
                    logger.LogInformation("Json {Json}", {|#3:System.Text.Json.JsonSerializer.Serialize(patient)|});
                }
            }
            """ + Models,
            Expect(0, "parameter 'patient'", "patientRecord", "ILogger.LogInformation", "type"),
            Expect(1, "parameter 'summary'", "patientRecord", "ILogger.LogInformation", "type"),
            Expect(2, "'Patient.Email'", "email", "ILogger.LogInformation"),
            Expect(3, "parameter 'patient'", "patientRecord", "ILogger.LogInformation", "type"));

        [Fact]
        public Task One_diagnostic_per_call_with_additional_locations() => V.Analyzer("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Admit(ILogger logger, Patient patient)
                {
                    logger.LogInformation("{Ssn} {Email} {Id}", {|#0:patient.Ssn|}, {|#1:patient.Email|}, patient.Id);
                }
            }
            """ + Models,
            Expect(0, "'Patient.Ssn'", "ssn", "ILogger.LogInformation").WithLocation(1));

        [Fact]
        public Task Serilog_NLog_log4net_Debug_Trace() => V.Analyzer("""
            class Service
            {
                void Admit(Serilog.ILogger serilog, NLog.Logger nlog, log4net.ILog log4, Patient patient)
                {
                    serilog.Information("Patient {Ssn}", {|#0:patient.Ssn|});
                    Serilog.Log.Warning("Patient {@Patient}", {|#1:patient|});
                    nlog.Info("Patient {Email}", {|#2:patient.Email|});
                    log4.InfoFormat("Patient {0}", {|#3:patient.MedicalRecordNumber|});
                    log4.Info({|#4:patient.PrimaryDiagnosis|});
                    System.Diagnostics.Debug.WriteLine({|#5:patient.Ssn|});
                    System.Diagnostics.Trace.TraceInformation("Patient {0}", {|#6:patient.Email|});
                }
            }
            """ + Models,
            Expect(0, "'Patient.Ssn'", "ssn", "Serilog.Information"),
            Expect(1, "parameter 'patient'", "patientRecord", "Serilog.Warning", "type"),
            Expect(2, "'Patient.Email'", "email", "NLog.Info"),
            Expect(3, "'Patient.MedicalRecordNumber'", "mrn", "log4net.InfoFormat"),
            Expect(4, "'Patient.PrimaryDiagnosis'", "diagnosis", "log4net.Info"),
            Expect(5, "'Patient.Ssn'", "ssn", "Debug.WriteLine"),
            Expect(6, "'Patient.Email'", "email", "Trace.TraceInformation"));

        [Fact]
        public Task LoggerMessage_define_delegate_and_BeginScope() => V.Analyzer("""
            using System;
            using Microsoft.Extensions.Logging;
            class Service
            {
                private static readonly Action<ILogger, string, Exception?> Admitted =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Admitted {Value}");

                void Admit(ILogger logger, Patient patient)
                {
                    Admitted(logger, {|#0:patient.Ssn|}, null);
                    using var scope = logger.BeginScope("Patient {Email}", {|#1:patient.Email|});
                }
            }
            """ + Models,
            Expect(0, "'Patient.Ssn'", "ssn", "LoggerMessage.Define delegate"),
            Expect(1, "'Patient.Email'", "email", "ILogger.BeginScope"));

        [Fact]
        public Task Attributes_FHIR_types_and_configured_names() => V.Analyzer("""
            using Microsoft.Extensions.Logging;
            using Microsoft.Extensions.Compliance.Classification;
            class PhiAttribute : System.Attribute { }
            class PrivateDataAttribute : DataClassificationAttribute { public PrivateDataAttribute() : base(new DataClassification("t", "c")) { } }
            class Claim { [Phi] public string Reference { get; set; } = ""; [PrivateData] public string Note2 { get; set; } = ""; public string Tracker { get; set; } = ""; }
            class Service
            {
                void Admit(ILogger logger, Claim claim, Hl7.Fhir.Model.Patient fhir, Hl7.Fhir.Model.HumanName name)
                {
                    logger.LogInformation("Ref {Ref}", {|#0:claim.Reference|});
                    logger.LogInformation("Note {Note}", {|#1:claim.Note2|});
                    logger.LogInformation("Given {Given}", {|#2:name.Family|});
                    logger.LogInformation("Born {BirthDate}", {|#3:fhir.BirthDate|});
                    logger.LogInformation("Tracker {Tracker}", {|#4:claim.Tracker|});
                }
            }
            """, ReferenceSet.Libraries, "hipaa_analyzers.phi_names = Tracker:caseNumber",
            Expect(0, "'Claim.Reference'", "phi", "ILogger.LogInformation", "attribute"),
            Expect(1, "'Claim.Note2'", "phi", "ILogger.LogInformation", "attribute"),
            Expect(2, "'HumanName.Family'", "name", "ILogger.LogInformation", "type"),
            Expect(3, "'Patient.BirthDate'", "dateOfBirth", "ILogger.LogInformation"),
            Expect(4, "'Claim.Tracker'", "caseNumber", "ILogger.LogInformation", "configuration"));

        [Fact]
        public Task LoggerMessage_attribute_parameter_is_reported_at_declaration()
        {
            // The generator's implementation part is supplied by hand so the test compiles without running the generator.
            return V.Analyzer("""
                using Microsoft.Extensions.Logging;
                static partial class Log
                {
                    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Diagnosis} for {PatientId}")]
                    public static partial void Recorded(ILogger logger, string {|#0:diagnosis|}, System.Guid patientId);
                }
                static partial class Log
                {
                    public static partial void Recorded(ILogger logger, string diagnosis, System.Guid patientId) { }
                }
                class Service
                {
                    void Run(ILogger logger, Patient patient)
                    {
                        Log.Recorded(logger, patient.PrimaryDiagnosis, patient.Id);
                    }
                }
                """ + Models,
                Expect(0, "parameter 'diagnosis'", "diagnosis", "[LoggerMessage] Recorded"));
        }
    }

    /// <summary>HIPAA001: flow shapes and sinks found by the first round of adversarial testing.</summary>
    [Trait("Rule", "HIPAA001")]
    public class PhiInLogMoreReportsTests
    {
        private static DiagnosticResult Expect(int location, string source, string kind, string sink, string reason = "name") =>
            V.Diagnostic(Descriptors.PhiInLog).WithLocation(location).WithArguments(source, kind, sink, reason);

        [Fact]
        public Task Conditional_access_switch_and_nested_members() => V.Analyzer("""
            using Microsoft.Extensions.Logging;
            class Address { public string City { get; set; } = ""; }
            class Person2 { public Address HomeAddress { get; set; } = new(); }
            class Service
            {
                void Run(ILogger logger, Patient? p, Person2 person, int mode)
                {
                    logger.LogInformation("{S}", {|#0:p?.Ssn|});
                    logger.LogInformation("Mail " + {|#1:p?.Email?.Trim()|});
                    var shown = mode switch { 0 => p!.MedicalRecordNumber, _ => "none" };
                    logger.LogInformation("{Value}", {|#2:shown|});
                    logger.LogInformation("{City}", {|#3:person.HomeAddress.City|});
                }
            }
            """ + PhiInLogReportsTests.Models,
            Expect(0, "'Patient.Ssn'", "ssn", "ILogger.LogInformation"),
            Expect(1, "'Patient.Email'", "email", "ILogger.LogInformation"),
            Expect(2, "'Patient.MedicalRecordNumber'", "mrn", "ILogger.LogInformation"),
            Expect(3, "'Person2.HomeAddress'", "address", "ILogger.LogInformation"));

        [Fact]
        public Task Scope_state_ILogger_Log_Console_streams_and_LogContext() => V.Analyzer("""
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Patient p)
                {
                    using var scope = logger.BeginScope({|#0:new Dictionary<string, object> { ["Ssn"] = p.Ssn }|});
                    logger.Log(LogLevel.Information, new EventId(1), {|#1:p.Email|}, null, (s, e) => s);
                    System.Console.Error.WriteLine({|#2:p.Ssn|});
                    System.Console.Out.WriteLine($"MRN {|#3:{p.MedicalRecordNumber}|}");
                    using var property = Serilog.Context.LogContext.PushProperty("Dob", {|#4:p.DateOfBirth|});
                }
            }
            """ + PhiInLogReportsTests.Models,
            Expect(0, "'Patient.Ssn'", "ssn", "ILogger.BeginScope"),
            Expect(1, "'Patient.Email'", "email", "ILogger.Log"),
            Expect(2, "'Patient.Ssn'", "ssn", "Console.Error.WriteLine"),
            Expect(3, "'Patient.MedicalRecordNumber'", "mrn", "Console.Out.WriteLine"),
            Expect(4, "'Patient.DateOfBirth'", "dateOfBirth", "Serilog.PushProperty"));
    }

    /// <summary>HIPAA001: LINQ projections, tuples, slices and array elements.</summary>
    [Trait("Rule", "HIPAA001")]
    public class PhiInLogProjectionTests
    {
        private static DiagnosticResult Expect(int location, string source, string kind, string sink) =>
            V.Diagnostic(Descriptors.PhiInLog).WithLocation(location).WithArguments(source, kind, sink, "name");

        [Fact]
        public Task Linq_tuples_slices_and_elements() => V.Analyzer("""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, List<Patient> patients, Patient p, string[] emails)
                {
                    logger.LogInformation("SSNs {Ssns}", {|#0:string.Join(",", patients.Select(x => x.Ssn))|});
                    logger.LogInformation("Names {@Names}", {|#1:patients.Select(x => x.FirstName).ToList()|});
                    logger.LogInformation("Pair {Pair}", {|#2:(p.FirstName, p.Id)|});
                    logger.LogInformation("Prefix {Prefix}", {|#3:p.Ssn[..3]|});
                    logger.LogInformation("First {Email}", {|#4:emails[0]|});
                    logger.LogInformation("Count {Count}", patients.Count(x => x.Ssn.Length > 0));
                    logger.LogInformation("Any {Any}", patients.Any(x => x.Email == "a"));
                }
            }
            """ + PhiInLogReportsTests.Models,
            Expect(0, "'Patient.Ssn'", "ssn", "ILogger.LogInformation"),
            Expect(1, "'Patient.FirstName'", "name", "ILogger.LogInformation"),
            Expect(2, "'Patient.FirstName'", "name", "ILogger.LogInformation"),
            Expect(3, "'Patient.Ssn'", "ssn", "ILogger.LogInformation"),
            Expect(4, "parameter 'emails'", "email", "ILogger.LogInformation"));
    }

    /// <summary>HIPAA001: business data and framework idioms in healthcare-named code must stay quiet.</summary>
    [Trait("Rule", "HIPAA001")]
    public class PhiInLogHealthcareNamingTests
    {
        [Fact]
        public Task Organisation_and_reference_data_members() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            class Clinic { public string Phone { get; set; } = ""; public string Email { get; set; } = ""; public string Street { get; set; } = ""; }
            class Warehouse { public string ZipCode { get; set; } = ""; }
            class DrugCatalogItem { public string DrugName { get; set; } = ""; }
            class TestRun { public string TestResult { get; set; } = ""; }
            class InsurancePlan { public string Name { get; set; } = ""; }
            class ChartSeries { public string Name { get; set; } = ""; }
            class LabEnvironment { public string Name { get; set; } = ""; }
            class AppointmentType { public string Name { get; set; } = ""; }
            class Provider { public string LicenseNumber { get; set; } = ""; }
            class Service
            {
                void Run(ILogger logger, Clinic clinic, Warehouse warehouse, DrugCatalogItem drug, TestRun run, InsurancePlan plan,
                    ChartSeries series, LabEnvironment lab, AppointmentType type, Provider provider, Patient p)
                {
                    logger.LogInformation("{A} {B} {C}", clinic.Phone, clinic.Email, clinic.Street);
                    logger.LogInformation("{A} {B} {C}", warehouse.ZipCode, drug.DrugName, run.TestResult);
                    logger.LogInformation("{A} {B} {C} {D}", plan.Name, series.Name, lab.Name, type.Name);
                    logger.LogInformation("{A}", provider.LicenseNumber);
                    logger.LogInformation("Valid {V}", p.Email.Contains('@'));
                    logger.LogInformation("Length {V}", p.Ssn.Trim().Length);
                }
            }
            """ + PhiInLogReportsTests.Models);

        [Fact]
        public Task Locals_in_patient_named_services_take_no_context_from_the_class() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            class PatientImportJob
            {
                void Run(ILogger logger, string path, string name)
                {
                    var fileName = System.IO.Path.GetFileName(path);
                    var procedureName = "usp_Import";
                    logger.LogInformation("Job {Name} file {File} via {Proc}", name, fileName, procedureName);
                }
            }
            class HealthCheckPublisher
            {
                void Publish(ILogger logger, System.Collections.Generic.Dictionary<string, int> entries)
                {
                    foreach (var (name, entry) in entries) logger.LogWarning("Check {Name} {Entry}", name, entry);
                }
            }
            """ + PhiInLogReportsTests.Models);
    }

    /// <summary>HIPAA001: near misses that must stay quiet.</summary>
    [Trait("Rule", "HIPAA001")]
    public class PhiInLogNoDiagnosticTests
    {
        [Fact]
        public Task Opaque_keys_counts_flags_and_settings() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            class EmailOptions { public string EmailTemplate { get; set; } = ""; public bool DiagnosticsEnabled { get; set; } }
            class Service
            {
                void Run(ILogger logger, Patient patient, EmailOptions options, string zipFile, int patientCount)
                {
                    logger.LogInformation("Patient {PatientId}", patient.Id);
                    logger.LogInformation("Visits {Count}", patient.VisitCount);
                    logger.LogInformation("Confirmed {Confirmed}", patient.EmailConfirmed);
                    logger.LogInformation("Template {Template}", options.EmailTemplate);
                    logger.LogInformation("Diagnostics {On}", options.DiagnosticsEnabled);
                    logger.LogInformation("Archive {File}", zipFile);
                    logger.LogInformation("Count {Count}", patientCount);
                    logger.LogInformation("Length {Length}", patient.Ssn.Length);
                }
            }
            """ + PhiInLogReportsTests.Models);

        [Fact]
        public Task Redacted_values_and_plain_class_objects() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            static class Privacy { public static string Scrub(string value) => "***"; }
            class Service
            {
                static string MaskSsn(string ssn) => "***-**-" + ssn.Substring(ssn.Length - 4);
                void Run(ILogger logger, Patient patient)
                {
                    logger.LogInformation("SSN {Ssn}", Privacy.Scrub(patient.Ssn));
                    logger.LogInformation("SSN {Ssn}", MaskSsn(patient.Ssn));
                    // A plain class prints its type name only; without '@' nothing of the patient is written.
                    logger.LogInformation("Patient {Patient}", patient);
                    logger.LogInformation("Unrelated {Name}", typeof(Patient).Name);
                    logger.LogInformation("Const {Value}", Constants.SsnLabel);
                }
            }
            static class Constants { public const string SsnLabel = "SSN"; }
            """ + PhiInLogReportsTests.Models, ReferenceSet.Libraries, "hipaa_analyzers.redactor_methods = Privacy.Scrub");

        [Fact]
        public Task Non_person_names_and_excluded_names() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            class Product { public string Name { get; set; } = ""; public string Address { get; set; } = ""; }
            class Bakery { public string BirthdayCakeRecipe { get; set; } = ""; }
            class Service
            {
                void Run(ILogger logger, Product product, Bakery bakery, System.Uri baseAddress, string ticketCode)
                {
                    logger.LogInformation("Product {Name}", product.Name);
                    logger.LogInformation("Warehouse {Address}", product.Address);
                    logger.LogInformation("Recipe {Recipe}", bakery.BirthdayCakeRecipe);
                    logger.LogInformation("Base {Address}", baseAddress);
                    logger.LogInformation("Ticket {Code}", ticketCode);
                }
            }
            """);

        [Fact]
        public Task Not_phi_configuration_and_generated_code() => V.NoDiagnostic("""
            // <auto-generated/>
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, string ssn) => logger.LogInformation("{Ssn}", ssn);
            }
            """);

        [Fact]
        public Task Not_phi_names_option_excludes_a_name() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, string clinicEmail) => logger.LogInformation("{Email}", clinicEmail);
            }
            """, ReferenceSet.Libraries, "hipaa_analyzers.not_phi_names = clinicEmail");

        [Fact]
        public Task Non_log_calls_are_not_sinks() => V.NoDiagnostic("""
            class Service
            {
                void Run(Patient patient, System.IO.TextWriter writer)
                {
                    var copy = patient.Ssn.Trim();
                    writer.WriteLine(copy);
                    string.Format("{0}", patient.Ssn);
                }
            }
            """ + PhiInLogReportsTests.Models);
    }
}
