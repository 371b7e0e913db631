using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Diagnostics
{
    /// <summary>Builds descriptors so that help links, tags and safeguards are uniform across rules.</summary>
    internal static class RuleFactory
    {
        public const string DocsBaseUri = "https://github.com/hipaa-analyzers/hipaa-analyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => DocsBaseUri + id + ".md";

        /// <param name="safeguard">The 45 CFR section the message cites, e.g. "164.312(b)".</param>
        /// <param name="cwe">The CWE id, e.g. "CWE-532".</param>
        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity severity,
            string safeguard,
            string cwe,
            string description,
            bool isEnabledByDefault = true,
            params string[] extraTags)
        {
            var tags = new string[3 + extraTags.Length];
            tags[0] = "HIPAA";
            tags[1] = "45 CFR " + safeguard;
            tags[2] = cwe;
            extraTags.CopyTo(tags, 3);

            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault,
                description,
                HelpLink(id),
                tags);
        }

        /// <summary>The safeguard a descriptor cites, read back from its custom tags.</summary>
        public static string SafeguardOf(DiagnosticDescriptor descriptor)
        {
            foreach (var tag in descriptor.CustomTags)
            {
                if (tag.StartsWith("45 CFR ", System.StringComparison.Ordinal))
                {
                    return tag.Substring("45 CFR ".Length);
                }
            }

            return "";
        }
    }
}
