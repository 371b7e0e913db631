using System.Collections.Immutable;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>Diagnostic properties shared by the secret rules and read by their code fixes. None carries a value.</summary>
    public static class SecretDiagnostics
    {
        public const string EnvironmentName = "envName";
        public const string ConfigurationKey = "configKey";
        public const string SecretKind = "secretKind";
        public const string Format = "format";
        public const string Problems = "problems";
        public const string ReadFromEnvironment = "readFromEnvironment";
        public const string MoveToSecretStore = "moveToSecretStore";
        public const string NoFix = "none";

        public static ImmutableDictionary<string, string?> Properties(
            DiagnosticDescriptor descriptor, string fix, string? environmentName, string? configurationKey, string kindKey, string kind)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder.Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(descriptor));
            builder.Add(DiagnosticProperties.Fix, fix);
            builder.Add(kindKey, kind);
            if (environmentName is not null)
            {
                builder.Add(EnvironmentName, environmentName);
            }

            if (configurationKey is not null)
            {
                builder.Add(ConfigurationKey, configurationKey);
            }

            return builder.ToImmutable();
        }

        /// <summary>Literals that look like connection strings are HIPAA103's, whatever their name.</summary>
        public static bool LooksLikeConnectionString(string value) =>
            value.IndexOf('=') > 0 && value.IndexOf(';') > 0;
    }
}
