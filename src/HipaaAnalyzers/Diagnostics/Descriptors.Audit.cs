using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Diagnostics
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor MissingAudit = RuleFactory.Create(
            RuleIds.MissingAudit,
            "PHI endpoint without an audit record",
            "'{0}' handles PHI ({1}) but calls none of the configured audit methods ({2}); record who accessed or changed "
            + "which record by calling one of them in this handler (45 CFR 164.312(b))",
            Categories.Audit,
            DiagnosticSeverity.Warning,
            "164.312(b)",
            "CWE-778",
            "HIPAA requires mechanisms that record and examine activity in systems that contain electronic PHI "
            + "(45 CFR 164.312(b)). This rule is off until hipaa_analyzers.audit_methods names the project's audit "
            + "methods; then every controller action or minimal API handler that handles PHI must call one.");
    }
}
