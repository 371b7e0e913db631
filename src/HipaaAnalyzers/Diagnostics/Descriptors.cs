using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Diagnostics
{
    /// <summary>
    /// Every descriptor, one partial file per rule family. The docs meta-test walks these, so a rule
    /// without a docs page, release line or README row fails the build's tests.
    /// </summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor InvalidConfiguration = RuleFactory.Create(
            RuleIds.InvalidConfiguration,
            "Invalid HipaaAnalyzers configuration value",
            "'{0}' in .editorconfig or .globalconfig is not valid: {1}; that value is ignored until it is fixed",
            Categories.Configuration,
            DiagnosticSeverity.Warning,
            "164.308(a)(1)",
            "CWE-1188",
            "A hipaa_analyzers.* option in .editorconfig or .globalconfig could not be read. The analyzers fall back to "
            + "the default for that option, which may hide or add findings.",
            isEnabledByDefault: true,
            WellKnownDiagnosticTags.CompilationEnd);
    }
}
