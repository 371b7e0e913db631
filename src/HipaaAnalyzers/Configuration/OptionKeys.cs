namespace HipaaAnalyzers.Configuration
{
    /// <summary>Keys read from .editorconfig / .globalconfig. Documented in docs/configuration.md.</summary>
    public static class OptionKeys
    {
        public const string Prefix = "hipaa_analyzers.";

        /// <summary>Comma-separated identifiers that are PHI, optionally as <c>name:kind</c>.</summary>
        public const string PhiNames = Prefix + "phi_names";

        /// <summary>Comma-separated identifiers that are never PHI (whole identifier, case-insensitive).</summary>
        public const string NotPhiNames = Prefix + "not_phi_names";

        /// <summary>Comma-separated type names (simple or fully qualified) whose instances are PHI.</summary>
        public const string PhiTypes = Prefix + "phi_types";

        /// <summary>Comma-separated static methods (Namespace.Type.Method) that redact a value.</summary>
        public const string RedactorMethods = Prefix + "redactor_methods";

        /// <summary>Comma-separated audit methods (Namespace.Type.Method, or Type.Method) or audit filter attributes; turns HIPAA601 on.</summary>
        public const string AuditMethods = Prefix + "audit_methods";

        /// <summary>true to analyse generated code too.</summary>
        public const string AnalyzeGeneratedCode = Prefix + "analyze_generated_code";
    }
}
