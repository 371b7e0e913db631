namespace HipaaAnalyzers.Diagnostics
{
    public static partial class RuleIds
    {
        public const string DynamicSql = "HIPAA501";
        public const string InsecureDeserialization = "HIPAA502";
        public const string UploadFileName = "HIPAA503";
    }
}
