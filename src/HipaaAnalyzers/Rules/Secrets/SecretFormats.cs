using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>One known secret format: a cheap ordinal prefix check, then a bounded regular expression.</summary>
    public sealed class SecretFormat
    {
        public SecretFormat(string id, string display, string environmentName, string[] prefixes, string pattern)
        {
            Id = id;
            Display = display;
            EnvironmentName = environmentName;
            Prefixes = prefixes;
            Regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));
        }

        /// <summary>Machine-readable id, carried in the diagnostic's <c>format</c> property.</summary>
        public string Id { get; }

        public string Display { get; }

        /// <summary>The display with its article, for messages: "an Azure storage account key".</summary>
        public string WithArticle => ("AEIOU".IndexOf(Display[0]) >= 0 ? "an " : "a ") + Display;

        /// <summary>The variable the code fix reads when the literal has no named target.</summary>
        public string EnvironmentName { get; }

        public string[] Prefixes { get; }

        public Regex Regex { get; }
    }

    /// <summary>The table of known secret formats (HIPAA102). Each entry has its own test.</summary>
    public static class SecretFormats
    {
        public static readonly ImmutableArray<SecretFormat> All = ImmutableArray.Create(
            new SecretFormat("aws-access-key-id", "AWS access key ID", "AWS_ACCESS_KEY_ID",
                new[] { "AKIA", "ASIA", "ABIA", "ACCA" }, @"\b(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b"),
            new SecretFormat("google-api-key", "Google API key", "GOOGLE_API_KEY",
                new[] { "AIza" }, @"\bAIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])"),
            new SecretFormat("azure-storage-account-key", "Azure storage account key", "AZURE_STORAGE_CONNECTION_STRING",
                new[] { "AccountKey=" }, @"AccountKey=[A-Za-z0-9+/]{86}=="),
            new SecretFormat("azure-sas-key", "Azure shared access key", "AZURE_SERVICE_BUS_CONNECTION_STRING",
                new[] { "SharedAccessKey=" }, @"SharedAccessKey=[A-Za-z0-9+/]{43}="),
            new SecretFormat("stripe-live-key", "Stripe live secret key", "STRIPE_SECRET_KEY",
                new[] { "sk_live_", "rk_live_" }, @"\b[sr]k_live_[0-9A-Za-z]{24,99}\b"),
            new SecretFormat("square-access-token", "Square access token", "SQUARE_ACCESS_TOKEN",
                new[] { "sq0atp-", "sq0csp-" }, @"\bsq0(atp|csp)-[0-9A-Za-z_\-]{22,43}"),
            new SecretFormat("github-token", "GitHub token", "GITHUB_TOKEN",
                new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_" }, @"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b"),
            new SecretFormat("gitlab-token", "GitLab personal access token", "GITLAB_TOKEN",
                new[] { "glpat-" }, @"\bglpat-[0-9A-Za-z_\-]{20}"),
            new SecretFormat("slack-token", "Slack token", "SLACK_TOKEN",
                new[] { "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-" }, @"\bxox[bpars]-[0-9A-Za-z]{10,}-[0-9A-Za-z\-]{10,}"),
            new SecretFormat("slack-webhook", "Slack incoming webhook URL", "SLACK_WEBHOOK_URL",
                new[] { "hooks.slack.com/services/" }, @"hooks\.slack\.com/services/T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{20,}"),
            new SecretFormat("sendgrid-api-key", "SendGrid API key", "SENDGRID_API_KEY",
                new[] { "SG." }, @"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"),
            new SecretFormat("openai-api-key", "OpenAI API key", "OPENAI_API_KEY",
                new[] { "T3BlbkFJ" }, @"\bsk-[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}"),
            new SecretFormat("private-key-block", "private key block", "PRIVATE_KEY",
                new[] { "PRIVATE KEY-----" }, @"-----BEGIN ([A-Z]+ )?PRIVATE KEY( BLOCK)?-----\s*([A-Za-z0-9+/=:\-,]+\s*){2,}"),
            new SecretFormat("jwt", "JSON Web Token with a payload", "JWT",
                new[] { "eyJ" }, @"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]*"));

        /// <summary>The first format the text matches, ignoring matches that are documentation placeholders.</summary>
        public static SecretFormat? Match(string text, SecretValues values)
        {
            if (text.Length < 16)
            {
                return null;
            }

            // The Azure Storage emulator's well-known account is documentation, not a secret.
            var emulator = text.IndexOf("devstoreaccount1", StringComparison.OrdinalIgnoreCase) >= 0;
            foreach (var format in All)
            {
                if (emulator && format.Id == "azure-storage-account-key")
                {
                    continue;
                }

                if (!HasPrefix(text, format.Prefixes))
                {
                    continue;
                }

                try
                {
                    for (var match = format.Regex.Match(text); match.Success; match = match.NextMatch())
                    {
                        if (!values.IsPlaceholder(match.Value))
                        {
                            return format;
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pathological literal is skipped rather than slowing the build.
                }
            }

            return null;
        }

        private static bool HasPrefix(string text, string[] prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (text.IndexOf(prefix, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
