using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Diagnostics
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor PhiInLog = RuleFactory.Create(
            RuleIds.PhiInLog,
            "PHI written to a log",
            "{0} ({1}, matched by {3}) is written to a log by '{2}'; logs are retained, shipped and widely readable, "
            + "so remove the value and its placeholder or pass it through a redactor (45 CFR 164.312(b), 164.502(b))",
            Categories.PhiExposure,
            DiagnosticSeverity.Warning,
            "164.312(b)",
            "CWE-532",
            "Protected health information must not reach log output: log stores are copied to aggregation services, "
            + "kept for years and read by people with no need to know (minimum necessary, 45 CFR 164.502(b)). "
            + "Log an opaque key instead, or redact the value before logging.");
    }
}
