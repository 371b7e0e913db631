using System.Collections.Immutable;

namespace HipaaAnalyzers.Configuration
{
    /// <summary>A per-rule or project option with a typed value; HIPAA000 validates every one listed in <see cref="TypedOptions.All"/>.</summary>
    public sealed class TypedOption
    {
        public TypedOption(string key, bool isBoolean, int minimum = 0)
        {
            Key = key;
            IsBoolean = isBoolean;
            Minimum = minimum;
        }

        public string Key { get; }

        public bool IsBoolean { get; }

        public int Minimum { get; }
    }

    /// <summary>
    /// The registry of typed options. A rule that reads an option adds it here, so a malformed value is reported
    /// by HIPAA000 (ConfigurationAnalyzer) and the rule itself only reads the value or falls back to the default.
    /// </summary>
    public static class TypedOptions
    {
        public static readonly ImmutableArray<TypedOption> All = ImmutableArray.Create(
            new TypedOption(OptionKeys.AnalyzeGeneratedCode, isBoolean: true),
            new TypedOption(OptionKeys.Prefix + "secret_test_placeholders", isBoolean: true),
            new TypedOption(OptionKeys.Prefix + "HIPAA201.include_hmac_sha1", isBoolean: true),
            new TypedOption(OptionKeys.Prefix + "HIPAA206.min_pbkdf2_iterations", isBoolean: false, minimum: 1));
    }
}
