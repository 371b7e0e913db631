using System.Linq;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Phi;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HipaaAnalyzers.Tests.Phi
{
    /// <summary>Classifier precedence on real symbols: attributes, configuration, known types, names, value types.</summary>
    public class PhiClassifierSymbolTests
    {
        private const string Source = """
            using Microsoft.Extensions.Compliance.Classification;
            namespace App
            {
                class PhiAttribute : System.Attribute { public PhiAttribute() { } public PhiAttribute(string kind) { } }
                class NotPhiAttribute : System.Attribute { }
                class SensitiveDataAttribute : System.Attribute { }
                class HealthDataAttribute : DataClassificationAttribute { public HealthDataAttribute() : base(new DataClassification("t", "h")) { } }

                class Visit
                {
                    [Phi] public string Reference { get; set; } = "";
                    [Phi("caseNumber")] public string Tracking { get; set; } = "";
                    [SensitiveData] public string Remarks { get; set; } = "";
                    [HealthData] public string Code { get; set; } = "";
                    [NotPhi] public string Ssn { get; set; } = "";
                    public string Diagnosis { get; set; } = "";
                    public bool Diagnosis2Confirmed { get; set; }
                    public System.DateTime AdmissionDate { get; set; }
                    public System.DateTime Email { get; set; }
                    public int Mrn { get; set; }
                    public string ExternalKey { get; set; } = "";
                    public Patient Patient { get; set; } = new Patient();
                    public System.Collections.Generic.List<Hl7.Fhir.Model.HumanName> Names { get; set; } = new();
                }

                class Patient { public System.Guid Id { get; set; } }
                class PatientService { }
                class PatientId { }
                enum PatientStatus { Active }
                [Phi] class Referral { }
                class Applicant { public string Ssn { get; set; } = ""; }
                class Widget { public string Label { get; set; } = ""; }
                class Custom { }
            }
            """;

        private static (PhiClassifier Classifier, Compilation Compilation) Create(string? globalConfig = null)
        {
            var compilation = CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(Source) }, TestReferences.Libraries,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var options = globalConfig is null ? HipaaOptions.Default : HipaaOptions.Read(new DictionaryOptions(globalConfig));
            return (new PhiClassifier(compilation, options), compilation);
        }

        private static ISymbol Member(Compilation compilation, string type, string member) =>
            compilation.GetTypeByMetadataName("App." + type)!.GetMembers(member).Single();

        [Theory]
        [InlineData("Reference", "phi", PhiReason.Attribute)]
        [InlineData("Tracking", "caseNumber", PhiReason.Attribute)]
        [InlineData("Remarks", "phi", PhiReason.Attribute)]
        [InlineData("Code", "phi", PhiReason.Attribute)]
        [InlineData("Diagnosis", "diagnosis", PhiReason.Name)]
        [InlineData("AdmissionDate", "date", PhiReason.Name)]
        [InlineData("Mrn", "mrn", PhiReason.Name)]
        [InlineData("Patient", "patientRecord", PhiReason.KnownType)]
        [InlineData("Names", "name", PhiReason.KnownType)]
        public void Classifies_members(string member, string kind, PhiReason reason)
        {
            var (classifier, compilation) = Create();
            var match = classifier.Classify(Member(compilation, "Visit", member));
            Assert.NotNull(match);
            Assert.Equal(kind, match!.Kind);
            Assert.Equal(reason, match.Reason);
            Assert.Equal("'Visit." + member + "'", match.Source);
        }

        [Theory]
        [InlineData("Ssn")] // [NotPhi] wins over the name
        [InlineData("Diagnosis2Confirmed")] // booleans are flags about the data
        [InlineData("Email")] // a DateTime cannot hold an email address
        [InlineData("ExternalKey")]
        public void Does_not_classify(string member)
        {
            var (classifier, compilation) = Create();
            Assert.Null(classifier.Classify(Member(compilation, "Visit", member)));
        }

        [Fact]
        public void Configuration_adds_and_removes_names_and_types()
        {
            var (classifier, compilation) = Create(
                "hipaa_analyzers.phi_names = ExternalKey:caseNumber\nhipaa_analyzers.not_phi_names = Diagnosis\nhipaa_analyzers.phi_types = App.Custom");
            Assert.Equal("caseNumber", classifier.Classify(Member(compilation, "Visit", "ExternalKey"))!.Kind);
            Assert.Equal(PhiReason.Configuration, classifier.Classify(Member(compilation, "Visit", "ExternalKey"))!.Reason);
            Assert.Null(classifier.Classify(Member(compilation, "Visit", "Diagnosis")));
            Assert.Equal(PhiReason.Configuration, classifier.ClassifyType(compilation.GetTypeByMetadataName("App.Custom")!)!.Reason);
        }

        [Theory]
        [InlineData("App.Patient", "patientRecord")]
        [InlineData("App.Referral", "patientRecord")]
        [InlineData("App.Applicant", "ssn")]
        [InlineData("Hl7.Fhir.Model.Patient", "patientRecord")]
        [InlineData("Hl7.Fhir.Model.HumanName", "name")]
        [InlineData("Hl7.Fhir.Model.Address", "address")]
        [InlineData("Hl7.Fhir.Model.ContactPoint", "phone")]
        [InlineData("Hl7.Fhir.Model.Observation", "labResult")]
        [InlineData("Hl7.Fhir.Model.Condition", "condition")]
        public void Classifies_types(string metadataName, string kind)
        {
            var (classifier, compilation) = Create();
            var match = classifier.ClassifyType(compilation.GetTypeByMetadataName(metadataName)!);
            Assert.NotNull(match);
            Assert.Equal(kind, match!.Kind);
        }

        [Theory]
        [InlineData("App.PatientService")]
        [InlineData("App.PatientId")]
        [InlineData("App.PatientStatus")]
        [InlineData("App.Widget")]
        [InlineData("Hl7.Fhir.Model.Practitioner")]
        [InlineData("System.String")]
        public void Does_not_classify_types(string metadataName)
        {
            var (classifier, compilation) = Create();
            Assert.Null(classifier.ClassifyType(compilation.GetTypeByMetadataName(metadataName)!));
        }

        [Fact]
        public void Humanname_members_carry_the_name_kind()
        {
            var (classifier, compilation) = Create();
            var family = compilation.GetTypeByMetadataName("Hl7.Fhir.Model.HumanName")!.GetMembers("Family").First();
            Assert.Equal("name", classifier.Classify(family)!.Kind);
        }
    }

    /// <summary>AnalyzerConfigOptions over a small key = value text, as an .editorconfig section would give.</summary>
    internal sealed class DictionaryOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        private readonly System.Collections.Generic.Dictionary<string, string> _values =
            new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);

        public DictionaryOptions(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                var equals = line.IndexOf('=');
                if (equals > 0)
                {
                    _values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
                }
            }
        }

        public override System.Collections.Generic.IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
