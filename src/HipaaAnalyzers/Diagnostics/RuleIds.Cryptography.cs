namespace HipaaAnalyzers.Diagnostics
{
    public static partial class RuleIds
    {
        public const string WeakHash = "HIPAA201";
        public const string WeakCipher = "HIPAA202";
        public const string InsecureCipherMode = "HIPAA203";
        public const string ShortKey = "HIPAA204";
        public const string InsecureRandom = "HIPAA205";
        public const string WeakPasswordHash = "HIPAA206";
    }
}
