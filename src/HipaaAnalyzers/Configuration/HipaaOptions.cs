using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Configuration
{
    /// <summary>
    /// The hipaa_analyzers.* options in force for one syntax tree. Only the compilation's analyzer
    /// config (editorconfig / globalconfig) is read: never the environment or the user profile.
    /// </summary>
    public sealed class HipaaOptions : IEquatable<HipaaOptions>
    {
        public static readonly HipaaOptions Default = new HipaaOptions(
            ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase),
            ImmutableHashSet<string>.Empty.WithComparer(StringComparer.OrdinalIgnoreCase),
            ImmutableArray<string>.Empty,
            ImmutableArray<string>.Empty,
            analyzeGeneratedCode: false,
            ImmutableArray<OptionError>.Empty,
            "");

        private readonly string _fingerprint;

        private HipaaOptions(
            ImmutableDictionary<string, string> phiNames,
            ImmutableHashSet<string> notPhiNames,
            ImmutableArray<string> phiTypes,
            ImmutableArray<string> redactorMethods,
            bool analyzeGeneratedCode,
            ImmutableArray<OptionError> errors,
            string fingerprint)
        {
            PhiNames = phiNames;
            NotPhiNames = notPhiNames;
            PhiTypes = phiTypes;
            RedactorMethods = redactorMethods;
            AnalyzeGeneratedCode = analyzeGeneratedCode;
            Errors = errors;
            _fingerprint = fingerprint;
        }

        /// <summary>Configured PHI identifiers mapped to their PHI kind ("custom" when none is given).</summary>
        public ImmutableDictionary<string, string> PhiNames { get; }

        public ImmutableHashSet<string> NotPhiNames { get; }

        public ImmutableArray<string> PhiTypes { get; }

        public ImmutableArray<string> RedactorMethods { get; }

        /// <summary>Configured audit methods or audit attributes (HIPAA601); empty leaves the rule off.</summary>
        public ImmutableArray<string> AuditMethods { get; private set; } = ImmutableArray<string>.Empty;

        public bool AnalyzeGeneratedCode { get; }

        /// <summary>Malformed values, reported by HIPAA000; the option falls back to its default.</summary>
        public ImmutableArray<OptionError> Errors { get; }

        /// <summary>A raw per-rule or project option, e.g. <c>hipaa_analyzers.HIPAA201.include_hmac_sha1</c>.</summary>
        public ImmutableDictionary<string, string> Raw { get; private set; } =
            ImmutableDictionary<string, string>.Empty;

        public static HipaaOptions Read(AnalyzerConfigOptions options)
        {
            var raw = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            var fingerprint = new System.Text.StringBuilder();
            var keys = new List<string>();
            foreach (var key in options.Keys)
            {
                if (key.StartsWith(OptionKeys.Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    keys.Add(key);
                }
            }

            // Sorted so that equal configurations share one classifier cache whatever the file order.
            keys.Sort(StringComparer.OrdinalIgnoreCase);
            foreach (var key in keys)
            {
                if (options.TryGetValue(key, out var value))
                {
                    raw[key] = value;
                    fingerprint.Append(key).Append('=').Append(value).Append('\n');
                }
            }

            if (raw.Count == 0)
            {
                return Default;
            }

            var errors = ImmutableArray.CreateBuilder<OptionError>();
            var phiNames = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in SplitList(raw, OptionKeys.PhiNames))
            {
                var colon = item.IndexOf(':');
                var name = colon < 0 ? item : item.Substring(0, colon).Trim();
                var kind = colon < 0 ? "custom" : item.Substring(colon + 1).Trim();
                if (!IsIdentifier(name) || (colon >= 0 && !IsIdentifier(kind)))
                {
                    errors.Add(new OptionError(OptionKeys.PhiNames, "'" + item + "' is not an identifier or identifier:kind"));
                    continue;
                }

                phiNames[name] = kind;
            }

            var notPhi = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in SplitList(raw, OptionKeys.NotPhiNames))
            {
                if (IsIdentifier(item)) notPhi.Add(item);
                else errors.Add(new OptionError(OptionKeys.NotPhiNames, "'" + item + "' is not an identifier"));
            }

            var phiTypes = ReadQualifiedNames(raw, OptionKeys.PhiTypes, minimumParts: 1, errors);
            var redactors = ReadQualifiedNames(raw, OptionKeys.RedactorMethods, minimumParts: 2, errors);
            var audits = ReadQualifiedNames(raw, OptionKeys.AuditMethods, minimumParts: 2, errors);

            var analyzeGenerated = raw.TryGetValue(OptionKeys.AnalyzeGeneratedCode, out var generated)
                && TryParseBool(generated, out var parsed) && parsed;
            foreach (var option in TypedOptions.All)
            {
                if (!raw.TryGetValue(option.Key, out var text))
                {
                    continue;
                }

                if (option.IsBoolean ? !TryParseBool(text, out _) : !TryParseInt(text, option.Minimum, out _))
                {
                    errors.Add(new OptionError(option.Key, option.IsBoolean
                        ? "expected true or false"
                        : "expected a whole number of at least " + option.Minimum));
                }
            }

            return new HipaaOptions(
                phiNames.ToImmutable(),
                notPhi.ToImmutable(),
                phiTypes,
                redactors,
                analyzeGenerated,
                errors.ToImmutable(),
                fingerprint.ToString()) { Raw = raw.ToImmutable(), AuditMethods = audits };
        }

        /// <summary>Reads a per-rule integer option; malformed values are returned as an error.</summary>
        public int GetInt32(string key, int defaultValue, int minimum, out OptionError? error)
        {
            error = null;
            if (!Raw.TryGetValue(key, out var text))
            {
                return defaultValue;
            }

            if (TryParseInt(text, minimum, out var value))
            {
                return value;
            }

            error = new OptionError(key, "expected a whole number of at least " + minimum);
            return defaultValue;
        }

        /// <summary>Reads a per-rule boolean option; malformed values are returned as an error.</summary>
        public bool GetBoolean(string key, bool defaultValue, out OptionError? error)
        {
            error = null;
            if (!Raw.TryGetValue(key, out var text))
            {
                return defaultValue;
            }

            if (TryParseBool(text, out var value))
            {
                return value;
            }

            error = new OptionError(key, "expected true or false");
            return defaultValue;
        }

        internal static bool TryParseInt(string text, int minimum, out int value) =>
            int.TryParse(text.Trim().Replace("_", ""), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out value) && value >= minimum;

        internal static bool TryParseBool(string text, out bool value)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                    value = true;
                    return true;
                case "false":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        private static IEnumerable<string> SplitList(IDictionary<string, string> raw, string key)
        {
            if (!raw.TryGetValue(key, out var value))
            {
                yield break;
            }

            foreach (var part in value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    yield return trimmed;
                }
            }
        }

        private static ImmutableArray<string> ReadQualifiedNames(
            IDictionary<string, string> raw, string key, int minimumParts, ImmutableArray<OptionError>.Builder errors)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var item in SplitList(raw, key))
            {
                var name = item.StartsWith("global::", StringComparison.Ordinal) ? item.Substring(8) : item;
                var parts = name.Split('.');
                var valid = parts.Length >= minimumParts;
                foreach (var part in parts)
                {
                    valid &= IsIdentifier(part);
                }

                if (valid)
                {
                    builder.Add(name);
                }
                else
                {
                    var expected = minimumParts > 1 ? "is not of the form Namespace.Type.Method" : "is not a type name (Namespace.Type)";
                    errors.Add(new OptionError(key, "'" + item + "' " + expected));
                }
            }

            return builder.ToImmutable();
        }

        internal static bool IsIdentifier(string text)
        {
            if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        public bool Equals(HipaaOptions? other) => other is not null && other._fingerprint == _fingerprint;

        public override bool Equals(object? obj) => Equals(obj as HipaaOptions);

        public override int GetHashCode() => _fingerprint.GetHashCode();
    }
}
