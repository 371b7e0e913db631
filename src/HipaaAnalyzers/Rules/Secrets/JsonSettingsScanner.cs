using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>A string value in a settings file: its configuration path ("ConnectionStrings:Default") and where it is.</summary>
    public readonly struct JsonSetting
    {
        public JsonSetting(string path, string key, string section, string value, TextSpan span)
        {
            Path = path;
            Key = key;
            Section = section;
            Value = value;
            Span = span;
        }

        public string Path { get; }

        public string Key { get; }

        public string Section { get; }

        public string Value { get; }

        public TextSpan Span { get; }
    }

    /// <summary>
    /// A tolerant scanner for "key": "value" pairs in appsettings*.json, with comments and trailing commas allowed.
    /// It never throws: malformed input ends the scan early. (Analyzers cannot ship a JSON library.)
    /// </summary>
    public static class JsonSettingsScanner
    {
        public static List<JsonSetting> Scan(string text)
        {
            var settings = new List<JsonSetting>();
            var path = new List<string>();
            string? pendingKey = null;
            var expectKey = false;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    i = SkipComment(text, i);
                    continue;
                }

                switch (c)
                {
                    case '{':
                        path.Add(pendingKey ?? "");
                        pendingKey = null;
                        expectKey = true;
                        break;
                    case '[':
                        path.Add(pendingKey ?? "");
                        pendingKey = null;
                        expectKey = false;
                        break;
                    case '}':
                    case ']':
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        pendingKey = null;
                        expectKey = false;
                        break;
                    case ',':
                        expectKey = true;
                        pendingKey = null;
                        break;
                    case '"':
                        var start = i;
                        var value = ReadString(text, ref i);
                        if (value is null)
                        {
                            return settings;
                        }

                        if (expectKey && NextSignificant(text, i) == ':')
                        {
                            pendingKey = value;
                            expectKey = false;
                        }
                        else
                        {
                            var key = pendingKey ?? (path.Count > 0 ? path[path.Count - 1] : "");
                            settings.Add(new JsonSetting(Join(path, pendingKey), key, path.Count > 0 ? path[path.Count - 1] : "", value,
                                TextSpan.FromBounds(start, i)));
                            pendingKey = null;
                        }

                        continue;
                }

                i++;
            }

            return settings;
        }

        private static string Join(List<string> path, string? key)
        {
            var parts = new List<string>();
            foreach (var part in path)
            {
                if (part.Length > 0) parts.Add(part);
            }

            if (key is not null) parts.Add(key);
            return string.Join(":", parts);
        }

        /// <summary>Reads a JSON string starting at the opening quote; leaves <paramref name="i"/> after the closing quote.</summary>
        private static string? ReadString(string text, ref int i)
        {
            var builder = new System.Text.StringBuilder();
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"')
                {
                    i++;
                    return builder.ToString();
                }

                if (c == '\\' && i + 1 < text.Length)
                {
                    var next = text[i + 1];
                    builder.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => next });
                    if (next == 'u' && i + 5 < text.Length
                        && int.TryParse(text.Substring(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                    {
                        builder.Length--;
                        builder.Append((char)code);
                        i += 4;
                    }

                    i += 2;
                    continue;
                }

                if (c == '\n')
                {
                    return null;
                }

                builder.Append(c);
                i++;
            }

            return null;
        }

        private static char NextSignificant(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i < text.Length ? text[i] : '\0';
        }

        private static int SkipComment(string text, int i)
        {
            if (text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                return end < 0 ? text.Length : end + 1;
            }

            var close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 2;
        }
    }
}
