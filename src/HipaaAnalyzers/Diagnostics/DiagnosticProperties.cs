namespace HipaaAnalyzers.Diagnostics
{
    /// <summary>Keys of <c>Diagnostic.Properties</c>; SARIF and the scanner's JSON carry them.</summary>
    public static class DiagnosticProperties
    {
        public const string PhiKind = "phiKind";
        public const string Reason = "phiReason";
        public const string Sink = "sink";
        public const string Safeguard = "safeguard";
        public const string Fix = "fix";
    }
}
