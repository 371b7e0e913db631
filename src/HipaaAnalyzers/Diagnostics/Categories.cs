namespace HipaaAnalyzers.Diagnostics
{
    public static class Categories
    {
        public const string Configuration = "HIPAA.Configuration";
        public const string PhiExposure = "HIPAA.PhiExposure";
        public const string Secrets = "HIPAA.Secrets";
        public const string Cryptography = "HIPAA.Cryptography";
        public const string Transport = "HIPAA.Transport";
        public const string AccessControl = "HIPAA.AccessControl";
        public const string Integrity = "HIPAA.Integrity";
        public const string Audit = "HIPAA.Audit";
    }
}
