namespace HipaaAnalyzers.Diagnostics
{
    /// <summary>Stable rule IDs. An ID never changes meaning once shipped.</summary>
    public static partial class RuleIds
    {
        public const string InvalidConfiguration = "HIPAA000";
        public const string PhiInLog = "HIPAA001";
    }
}
