using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using HipaaAnalyzers.Phi;

namespace HipaaAnalyzers.Rules.Secrets
{
    public enum SecretNameKind
    {
        None,
        Credential,
        KeyMaterial,
    }

    /// <summary>
    /// Decides from an identifier (or a header / form field name) whether it holds a credential or key material.
    /// The secret word must be the last word: PasswordFieldLabel, TokenEndpoint and ApiKeyHeaderName name things
    /// about a secret, not the secret itself.
    /// </summary>
    public static class SecretNames
    {
        private static readonly HashSet<string> CredentialWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "credential", "passcode",
        };

        private static readonly HashSet<string> CredentialKeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "api", "access", "secret", "private", "account", "subscription", "shared", "auth", "client", "master",
            "sas", "storage", "consumer", "license", "token", "jwt", "signing",
        };

        private static readonly HashSet<string> MaterialKeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "encryption", "decryption", "crypto", "cipher", "aes", "hmac", "symmetric", "des",
            "security", "data", "hash", "mac", "protection", "wrapping",
        };

        private static readonly HashSet<string> MaterialWords = new HashSet<string>(StringComparer.Ordinal) { "iv", "salt", "pepper" };

        private static readonly HashSet<string> PassQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "db", "smtp", "ftp", "sftp", "user", "admin", "mail", "sql", "root", "proxy", "ldap", "redis", "email",
        };

        // Tokens that are not credentials: paging, cancellation and anti-forgery tokens.
        private static readonly HashSet<string> HarmlessTokenQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "cancellation", "continuation", "page", "next", "csrf", "xsrf", "antiforgery", "verification", "sync", "resume",
            "change", "syntax", "lexer", "parse", "skip",
        };

        private static readonly HashSet<string> TrailingNoise = new HashSet<string>(StringComparer.Ordinal)
        {
            "value", "plain", "plaintext", "raw", "literal",
        };

        public static SecretNameKind Classify(string name) => Classify(Words(name));

        public static SecretNameKind Classify(ImmutableArray<string> words)
        {
            var count = words.Length;
            if (count == 0)
            {
                return SecretNameKind.None;
            }

            var last = words[count - 1];
            var previous = count > 1 ? words[count - 2] : "";
            if (last == "token" && HarmlessTokenQualifiers.Contains(previous))
            {
                return SecretNameKind.None;
            }

            if (CredentialWords.Contains(last) || (last == "credentials" && count == 1)
                || (last == "key" && CredentialKeyQualifiers.Contains(previous))
                || (last == "pass" && PassQualifiers.Contains(previous)))
            {
                return SecretNameKind.Credential;
            }

            if (MaterialWords.Contains(last) || (last == "key" && MaterialKeyQualifiers.Contains(previous))
                || (last == "vector" && previous == "initialization"))
            {
                return SecretNameKind.KeyMaterial;
            }

            return SecretNameKind.None;
        }

        /// <summary>Lower-case words without trailing digits or noise words (AdminPassword2, SecretValue).</summary>
        public static ImmutableArray<string> Words(string name)
        {
            var words = IdentifierWords.Split(name);
            var end = words.Length;
            while (end > 1 && (char.IsDigit(words[end - 1][0]) || TrailingNoise.Contains(words[end - 1])))
            {
                end--;
            }

            return end == words.Length ? words : ImmutableArray.Create(words, 0, end);
        }

        /// <summary>What the message calls the secret: "password", "API key", "client secret"...</summary>
        public static string Describe(string name)
        {
            var words = Words(name);
            var last = words.IsEmpty ? "" : words[words.Length - 1];
            var previous = words.Length > 1 ? words[words.Length - 2] : "";
            switch (last)
            {
                case "password": case "passwd": case "pwd": case "pass": case "passcode": return "password";
                case "passphrase": return "passphrase";
                case "apikey": return "API key";
                case "token": return previous == "access" || previous == "bearer" || previous == "refresh" ? previous + " token" : "token";
                case "secret": return previous == "client" ? "client secret" : "secret";
                case "key": return previous == "api" ? "API key" : previous == "private" ? "private key" : previous + " key";
                case "iv": case "vector": return "IV";
                case "salt": case "pepper": return last;
                default: return "credential";
            }
        }

        /// <summary>An environment variable name for a symbol: SmtpPassword -> SMTP_PASSWORD; a bare Password is qualified by its type.</summary>
        public static string EnvironmentName(string name, string? container)
        {
            var words = new List<string>(Words(name));
            var generic = true;
            foreach (var word in words)
            {
                generic &= CredentialWords.Contains(word) || word is "key" or "api" or "client" or "private" or "iv" or "salt";
            }

            if (generic && !string.IsNullOrEmpty(container))
            {
                var prefix = new List<string>(IdentifierWords.Split(container!));
                while (prefix.Count > 1 && prefix[prefix.Count - 1] is "settings" or "options" or "config" or "configuration" or "constants")
                {
                    prefix.RemoveAt(prefix.Count - 1);
                }

                words.InsertRange(0, prefix);
            }

            var builder = new StringBuilder();
            foreach (var word in words)
            {
                if (builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(word.ToUpperInvariant());
            }

            return builder.Length == 0 ? "APP_SECRET" : builder.ToString();
        }

        /// <summary>A configuration key for a symbol: "EmailSender:SmtpPassword".</summary>
        public static string ConfigurationKey(string name, string? container)
        {
            var trimmed = name.TrimStart('_');
            if (trimmed.Length == 0)
            {
                trimmed = "Secret";
            }

            var member = char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1);
            return string.IsNullOrEmpty(container) ? "Secrets:" + member : container + ":" + member;
        }
    }
}
