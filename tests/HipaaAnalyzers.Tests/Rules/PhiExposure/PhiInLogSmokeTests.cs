using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.PhiExposure;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.PhiExposure.PhiInLogAnalyzer>;

namespace HipaaAnalyzers.Tests.Rules.PhiExposure
{
    public class PhiInLogSmokeTests
    {
        [Fact]
        public Task LogInformation_with_ssn_argument()
        {
            const string source = """
                using Microsoft.Extensions.Logging;
                public class Patient { public string Ssn { get; set; } = ""; public int Id { get; set; } }
                public class Service
                {
                    private readonly ILogger<Service> _logger;
                    public Service(ILogger<Service> logger) => _logger = logger;
                    public void Admit(Patient patient)
                    {
                        _logger.LogInformation("Admitting {Ssn}", {|#0:patient.Ssn|});
                        _logger.LogInformation("Admitting {Id}", patient.Id);
                    }
                }
                """;
            return V.Analyzer(source, V.Diagnostic(Descriptors.PhiInLog).WithLocation(0).WithArguments("'Patient.Ssn'", "ssn", "ILogger.LogInformation"));
        }
    }
}
