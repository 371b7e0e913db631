using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using HipaaAnalyzers.Tests.Rules.PhiExposure;
using Xunit;
using Xunit.Abstractions;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.PhiExposure.PhiInLogAnalyzer>;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// The four ways a team silences a finding, on HIPAA001 through the rule verifiers, then for every rule over the
    /// whole corpus. Each suppressed case has an unsuppressed twin that reports, so no test passes by saying nothing.
    /// </summary>
    [Trait("Category", "Reliability")]
    public class SuppressionTests
    {
        private const string Flagged = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Admit(ILogger logger, Patient patient)
                {
                    logger.LogInformation("Admitted {Ssn}", {|#0:patient.Ssn|});
                }
            }
            """ + PhiInLogReportsTests.Models;

        private readonly ITestOutputHelper _output;

        public SuppressionTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public Task Unsuppressed_twin_reports() => V.Analyzer(Flagged, ReferenceSet.Libraries, null,
            V.Diagnostic(Descriptors.PhiInLog).WithLocation(0).WithArguments("'Patient.Ssn'", "ssn", "ILogger.LogInformation"));

        [Fact]
        public Task Pragma_warning_disable() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Admit(ILogger logger, Patient patient)
                {
            #pragma warning disable HIPAA001 // Reviewed: test fixture data only
                    logger.LogInformation("Admitted {Ssn}", patient.Ssn);
            #pragma warning restore HIPAA001
                }
            }
            """ + PhiInLogReportsTests.Models);

        [Fact]
        public Task SuppressMessage_attribute() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                [System.Diagnostics.CodeAnalysis.SuppressMessage("HIPAA.PhiExposure", "HIPAA001:PHI written to a log", Justification = "Fixture data")]
                void Admit(ILogger logger, Patient patient)
                {
                    logger.LogInformation("Admitted {Ssn}", patient.Ssn);
                }
            }
            """ + PhiInLogReportsTests.Models);

        [Fact]
        public Task Editorconfig_severity_none() =>
            V.NoDiagnostic(Corpus.StripMarkup(Flagged), ReferenceSet.Libraries, "dotnet_diagnostic.HIPAA001.severity = none");

        [Fact]
        public Task GeneratedCode_attribute_on_type_and_member() => V.NoDiagnostic("""
            using Microsoft.Extensions.Logging;
            [System.CodeDom.Compiler.GeneratedCode("generator", "1.0")]
            class GeneratedService
            {
                void Admit(ILogger logger, Patient patient) => logger.LogInformation("Admitted {Ssn}", patient.Ssn);
            }
            class Service
            {
                [System.CodeDom.Compiler.GeneratedCode("generator", "1.0")]
                void Admit(ILogger logger, Patient patient) => logger.LogInformation("Admitted {Ssn}", patient.Ssn);
            }
            """ + PhiInLogReportsTests.Models);

        /// <summary>Every rule, every corpus source that triggers it: pragma and severity none both silence it.</summary>
        [Fact]
        public async Task Every_rule_is_silenced_by_pragma_and_severity_none()
        {
            var ids = HipaaAssemblies.RuleIds();
            var stats = new ReliabilityStats();
            var none = string.Join("\n", ids.Select(id => $"dotnet_diagnostic.{id}.severity = none"));
            var pragma = "#pragma warning disable " + string.Join(", ", ids) + "\n";
            using var plain = new Sandbox(TestReferences.Libraries);
            using var silenced = new Sandbox(TestReferences.Libraries, globalConfig: none);
            var failures = new List<string>();
            var triggered = new HashSet<string>();
            foreach (var source in Corpus.RuleSources.Concat(ModernSyntax.Sources))
            {
                var reported = (await Harness.AnalyzeAsync(plain.Load(source.Text), stats)).Diagnostics.Where(d => d.Location.IsInSource).ToList();
                if (reported.Count == 0)
                {
                    continue;
                }

                triggered.UnionWith(reported.Select(d => d.Id));
                var afterPragma = (await Harness.AnalyzeAsync(plain.Load(pragma + source.Text), stats)).Diagnostics.Where(d => d.Location.IsInSource).ToList();
                var afterNone = (await Harness.AnalyzeAsync(silenced.Load(source.Text), stats)).Diagnostics.Where(d => d.Location.IsInSource).ToList();
                failures.AddRange(afterPragma.Select(d => $"{source.Name}: {d.Id} survives #pragma warning disable"));
                failures.AddRange(afterNone.Select(d => $"{source.Name}: {d.Id} survives severity = none"));
            }

            stats.Print(_output, nameof(Every_rule_is_silenced_by_pragma_and_severity_none));
            _output.WriteLine("[reliability] rules seen and silenced: " + string.Join(", ", triggered.OrderBy(i => i, System.StringComparer.Ordinal)));
            Assert.NotEmpty(triggered);
            Assert.Empty(failures);
        }
    }
}
