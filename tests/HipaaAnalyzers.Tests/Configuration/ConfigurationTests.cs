using System.Threading.Tasks;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Configuration;
using HipaaAnalyzers.Tests.Infrastructure;
using HipaaAnalyzers.Tests.Phi;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Configuration.ConfigurationAnalyzer>;

namespace HipaaAnalyzers.Tests.Configuration
{
    [Trait("Rule", "HIPAA000")]
    public class ConfigurationTests
    {
        [Fact]
        public void Reads_every_documented_key()
        {
            var options = HipaaOptions.Read(new DictionaryOptions(
                "hipaa_analyzers.phi_names = CaseRef:caseNumber, Tracker\n"
                + "hipaa_analyzers.not_phi_names = clinicEmail; SupportPhone\n"
                + "hipaa_analyzers.phi_types = Contoso.Health.Chart, Visit\n"
                + "hipaa_analyzers.redactor_methods = global::Contoso.Privacy.Scrubber.Scrub\n"
                + "hipaa_analyzers.analyze_generated_code = TRUE"));

            Assert.Equal("caseNumber", options.PhiNames["caseref"]);
            Assert.Equal("custom", options.PhiNames["Tracker"]);
            Assert.Contains("SUPPORTPHONE", options.NotPhiNames);
            Assert.Equal(new[] { "Contoso.Health.Chart", "Visit" }, options.PhiTypes);
            Assert.Equal(new[] { "Contoso.Privacy.Scrubber.Scrub" }, options.RedactorMethods);
            Assert.True(options.AnalyzeGeneratedCode);
            Assert.Empty(options.Errors);
        }

        [Fact]
        public void Equal_configurations_are_equal_whatever_the_key_order()
        {
            var a = HipaaOptions.Read(new DictionaryOptions("hipaa_analyzers.phi_names = A\nhipaa_analyzers.phi_types = B"));
            var b = HipaaOptions.Read(new DictionaryOptions("hipaa_analyzers.phi_types = B\nhipaa_analyzers.phi_names = A"));
            Assert.Equal(a, b);
            Assert.Same(HipaaOptions.Default, HipaaOptions.Read(new DictionaryOptions("other.key = 1")));
        }

        [Fact]
        public void Malformed_values_fall_back_and_are_listed()
        {
            var options = HipaaOptions.Read(new DictionaryOptions(
                "hipaa_analyzers.redactor_methods = Scrub\nhipaa_analyzers.analyze_generated_code = sometimes\nhipaa_analyzers.phi_names = 9lives"));
            Assert.Empty(options.RedactorMethods);
            Assert.False(options.AnalyzeGeneratedCode);
            Assert.Equal(3, options.Errors.Length);
        }

        [Fact]
        public Task HIPAA000_names_the_key_and_never_throws() => V.Analyzer(
            "class C { }",
            ReferenceSet.Net,
            "hipaa_analyzers.redactor_methods = Scrub\nhipaa_analyzers.analyze_generated_code = sometimes",
            V.Diagnostic(Descriptors.InvalidConfiguration).WithNoLocation()
                .WithArguments("hipaa_analyzers.analyze_generated_code", "expected true or false"),
            V.Diagnostic(Descriptors.InvalidConfiguration).WithNoLocation()
                .WithArguments("hipaa_analyzers.redactor_methods", "'Scrub' is not of the form Namespace.Type.Method"));

        [Fact]
        public Task Valid_configuration_reports_nothing() => V.NoDiagnostic(
            "class C { }", ReferenceSet.Net, "hipaa_analyzers.redactor_methods = A.B.Scrub\nhipaa_analyzers.analyze_generated_code = false");
    }
}
