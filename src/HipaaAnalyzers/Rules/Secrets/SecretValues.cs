using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Decides whether a literal could be a real secret rather than a placeholder, a message, a route, or the name of
    /// an environment variable, configuration key or form field. Shared by HIPAA101-104 and the settings-file scan.
    /// </summary>
    public sealed class SecretValues
    {
        public const string PlaceholdersKey = OptionKeys.Prefix + "secret_placeholder_values";
        public const string TestPlaceholdersKey = OptionKeys.Prefix + "secret_test_placeholders";

        private static readonly string[] PlaceholderWords =
        {
            "changeme", "change_me", "change-me", "changeit", "replaceme", "replace_me", "replace-me", "placeholder",
            "example", "dummy", "your_", "your-", "yourpassword", "yoursecret", "yourtoken", "yourkey", "yourapikey",
            "redacted", "xxxx", "****", "...", "todo", "notset", "not-set", "not_set",

            // The signature of the sample token on jwt.io, pasted into countless tests and docs.
            "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",

            // The start of the publicly documented Azure Storage emulator (Azurite) account key, and its account name.
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1", "devstoreaccount1", "UseDevelopmentStorage=true",
        };

        // Stored password hashes (bcrypt, scrypt, Argon2): the output of a slow hash, not a credential.
        private static readonly string[] PasswordHashPrefixes = { "$2a$", "$2b$", "$2y$", "$argon2", "$scrypt$", "$7$" };

        private static readonly HashSet<string> PlaceholderValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "none", "null", "undefined", "n/a", "na", "tbd", "secret-here", "password-here", "token-here", "key-here",
        };

        private static readonly string[] TestWords = { "test", "fake", "mock", "sample", "fixture", "stub" };

        private static readonly string[] SecretWordsInValues = { "password", "passwd", "pwd", "secret", "token", "key", "credential" };

        public static readonly SecretValues Default = new SecretValues(ImmutableHashSet<string>.Empty, includeTestWords: false);

        private readonly ImmutableHashSet<string> _configured;
        private readonly bool _includeTestWords;

        private SecretValues(ImmutableHashSet<string> configured, bool includeTestWords)
        {
            _configured = configured;
            _includeTestWords = includeTestWords;
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HipaaOptions, SecretValues> Cache =
            new System.Runtime.CompilerServices.ConditionalWeakTable<HipaaOptions, SecretValues>();

        /// <summary>The placeholder policy of one configuration, built once per distinct options instance.</summary>
        public static SecretValues For(HipaaOptions options) => Cache.GetValue(options, Create);

        private static SecretValues Create(HipaaOptions options)
        {
            var configured = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
            if (options.Raw.TryGetValue(PlaceholdersKey, out var list))
            {
                foreach (var item in list.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (item.Trim().Length > 0)
                    {
                        configured.Add(item.Trim());
                    }
                }
            }

            var tests = options.GetBoolean(TestPlaceholdersKey, false, out _);
            return configured.Count == 0 && !tests ? Default : new SecretValues(configured.ToImmutable(), tests);
        }

        /// <summary>True for obvious placeholders: built-in words, templates, repeated characters, configured values.</summary>
        public bool IsPlaceholder(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length == 0 || _configured.Contains(trimmed) || PlaceholderValues.Contains(trimmed) || IsRepeated(trimmed))
            {
                return true;
            }

            if ((trimmed[0] == '<' && trimmed[trimmed.Length - 1] == '>') || (trimmed[0] == '[' && trimmed[trimmed.Length - 1] == ']')
                || trimmed.IndexOf("${", StringComparison.Ordinal) >= 0 || trimmed.IndexOf("{{", StringComparison.Ordinal) >= 0
                || trimmed.IndexOf("$(", StringComparison.Ordinal) >= 0 || trimmed.IndexOf("#{", StringComparison.Ordinal) >= 0
                || (trimmed[0] == '{' && trimmed[trimmed.Length - 1] == '}')
                || (trimmed.Length > 2 && trimmed[0] == '%' && trimmed[trimmed.Length - 1] == '%'))
            {
                return true;
            }

            return ContainsAny(trimmed, PlaceholderWords) || (_includeTestWords && ContainsAny(trimmed, TestWords));
        }

        /// <summary>
        /// True when a literal given to a secret-named symbol may be the secret: not empty, not a placeholder, not a
        /// sentence, route or URL, not an environment-variable or configuration key name.
        /// </summary>
        public bool MayBeSecret(string value, bool targetIsConstant)
        {
            if (IsPlaceholder(value) || HasWhitespace(value) || value.StartsWith("/", StringComparison.Ordinal)
                || value.StartsWith("~/", StringComparison.Ordinal) || value.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return false;
            }

            if (IsEnvironmentName(value) || IsConfigurationKey(value) || IsPasswordHash(value)
                || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // "access_token", "X-Api-Key", "Password": names of fields, claims and headers. A bare word is a name only
            // when declared as a constant; "password" given to a credential at run time is a weak password.
            if (IsWordsOnly(value) && ContainsAny(value, SecretWordsInValues))
            {
                return !(targetIsConstant || value.IndexOfAny(new[] { '_', '-', '.', ':' }) >= 0 || HasInnerCapital(value));
            }

            return true;
        }

        private static bool IsPasswordHash(string value)
        {
            foreach (var prefix in PasswordHashPrefixes)
            {
                if (value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEnvironmentName(string value)
        {
            var underscore = false;
            var letter = false;
            foreach (var c in value)
            {
                if (c == '_') underscore = true;
                else if (c >= 'A' && c <= 'Z') letter = true;
                else if (!(c >= '0' && c <= '9')) return false;
            }

            return underscore && letter;
        }

        private static bool IsConfigurationKey(string value)
        {
            var parts = value.Split(':');
            if (parts.Length < 2)
            {
                return false;
            }

            var capitalised = false;
            foreach (var part in parts)
            {
                if (part.Length == 0 || !char.IsLetter(part[0]) || !IsWordsOnly(part))
                {
                    return false;
                }

                capitalised |= char.IsUpper(part[0]);
            }

            return capitalised || ContainsAny(value, SecretWordsInValues);
        }

        private static bool IsWordsOnly(string value)
        {
            foreach (var c in value)
            {
                if (!(char.IsLetter(c) || c == '_' || c == '-' || c == '.' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasInnerCapital(string value)
        {
            for (var i = 1; i < value.Length; i++)
            {
                if (char.IsUpper(value[i]) && char.IsLower(value[i - 1]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasWhitespace(string value)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRepeated(string value)
        {
            foreach (var c in value)
            {
                if (c != value[0])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ContainsAny(string value, string[] words)
        {
            foreach (var word in words)
            {
                if (value.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
