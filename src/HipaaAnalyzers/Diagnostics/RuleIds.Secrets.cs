namespace HipaaAnalyzers.Diagnostics
{
    public static partial class RuleIds
    {
        public const string HardCodedCredential = "HIPAA101";
        public const string KnownFormatSecret = "HIPAA102";
        public const string InsecureConnectionString = "HIPAA103";
        public const string HardCodedKeyMaterial = "HIPAA104";
    }
}
