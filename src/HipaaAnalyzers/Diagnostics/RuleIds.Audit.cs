namespace HipaaAnalyzers.Diagnostics
{
    public static partial class RuleIds
    {
        public const string MissingAudit = "HIPAA601";
    }
}
