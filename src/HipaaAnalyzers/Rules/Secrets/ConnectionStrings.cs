using System;
using System.Collections.Generic;
using System.Text;

namespace HipaaAnalyzers.Rules.Secrets
{
    [Flags]
    public enum ConnectionStringProblems
    {
        None = 0,
        InlinePassword = 1,
        EmptyPassword = 2,
        EncryptDisabled = 4,
        TrustServerCertificate = 8,
    }

    /// <summary>
    /// A tolerant reader of ADO.NET-style connection strings (SQL Server, PostgreSQL, MySQL, generic
    /// DbConnectionStringBuilder syntax): finds inline or empty passwords and disabled transport security.
    /// </summary>
    public static class ConnectionStrings
    {
        private static readonly HashSet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "server", "datasource", "host", "address", "addr", "networkaddress", "database", "initialcatalog", "userid",
            "uid", "username", "user", "password", "pwd", "port", "encrypt", "trustservercertificate", "sslmode",
            "integratedsecurity", "trustedconnection", "applicationname", "multipleactiveresultsets", "connecttimeout",
            "timeout", "pooling", "provider", "persistsecurityinfo", "connectionreset",
        };

        private static readonly HashSet<string> AnchorKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "server", "datasource", "host", "database", "initialcatalog", "userid", "uid", "username", "password", "pwd",
        };

        /// <param name="continues">The literal is followed by more text (a concatenation): a trailing "Password=" is filled in later.</param>
        public static ConnectionStringProblems Analyze(string text, SecretValues values, bool continues)
        {
            if (text.IndexOf('=') < 0 || text.IndexOf(';') < 0)
            {
                return ConnectionStringProblems.None;
            }

            var pairs = Parse(text);
            var known = 0;
            var anchored = false;
            string? server = null;
            var hasUser = false;
            var integrated = false;
            foreach (var pair in pairs)
            {
                known += KnownKeys.Contains(pair.Key) ? 1 : 0;
                anchored |= AnchorKeys.Contains(pair.Key);
                server ??= pair.Key is "server" or "datasource" or "host" or "address" or "addr" or "networkaddress" ? pair.Value : null;
                hasUser |= pair.Key is "userid" or "uid" or "username" or "user";
                integrated |= (pair.Key is "integratedsecurity" or "trustedconnection") && IsTrue(pair.Value, alsoSspi: true);
            }

            if (known < 2 || !anchored)
            {
                return ConnectionStringProblems.None;
            }

            var problems = ConnectionStringProblems.None;
            var local = IsLoopback(server);
            for (var i = 0; i < pairs.Count; i++)
            {
                var pair = pairs[i];
                var value = pair.Value.Trim();
                switch (pair.Key)
                {
                    case "password" or "pwd" when value.Length == 0:
                        var filledLater = continues && i == pairs.Count - 1;
                        if (hasUser && !integrated && !filledLater)
                        {
                            problems |= ConnectionStringProblems.EmptyPassword;
                        }

                        break;
                    case "password" or "pwd" when !values.IsPlaceholder(value) && value.IndexOf('{') < 0:
                        problems |= ConnectionStringProblems.InlinePassword;
                        break;
                    case "encrypt" when !local && IsFalse(value, alsoOptional: true):
                    case "sslmode" when !local && value.ToLowerInvariant() is "disable" or "disabled" or "none":
                        problems |= ConnectionStringProblems.EncryptDisabled;
                        break;
                    case "trustservercertificate" when !local && IsTrue(value, alsoSspi: false):
                        problems |= ConnectionStringProblems.TrustServerCertificate;
                        break;
                }
            }

            return problems;
        }

        /// <summary>"has an inline password and sets Encrypt=False": never the value.</summary>
        public static string Describe(ConnectionStringProblems problems)
        {
            var parts = new List<string>();
            if ((problems & ConnectionStringProblems.InlinePassword) != 0) parts.Add("has an inline password");
            if ((problems & ConnectionStringProblems.EmptyPassword) != 0) parts.Add("has an empty password for a SQL login");
            if ((problems & ConnectionStringProblems.EncryptDisabled) != 0) parts.Add("turns encryption off");
            if ((problems & ConnectionStringProblems.TrustServerCertificate) != 0) parts.Add("trusts any server certificate");
            return parts.Count <= 1
                ? string.Join("", parts)
                : string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1];
        }

        /// <summary>
        /// The text with transport options made safe and, when asked, password pairs removed;
        /// <paramref name="passwordKey"/> is the removed key as written.
        /// </summary>
        public static string Fix(string text, bool removePassword, out string? passwordKey)
        {
            passwordKey = null;
            var segments = text.Split(';');
            var kept = new List<string>();
            foreach (var segment in segments)
            {
                var equals = segment.IndexOf('=');
                var rawKey = equals < 0 ? segment : segment.Substring(0, equals);
                var key = Normalize(rawKey);
                var value = equals < 0 ? "" : segment.Substring(equals + 1).Trim();
                switch (key)
                {
                    case "password" or "pwd" when removePassword:
                        passwordKey = rawKey.Trim();
                        continue;
                    case "encrypt" when IsFalse(value, alsoOptional: true):
                        kept.Add(rawKey + "=True");
                        continue;
                    case "sslmode" when value.ToLowerInvariant() is "disable":
                        kept.Add(rawKey + "=Require");
                        continue;
                    case "sslmode" when value.ToLowerInvariant() is "disabled" or "none":
                        kept.Add(rawKey + "=Required");
                        continue;
                    case "trustservercertificate" when IsTrue(value, alsoSspi: false):
                        kept.Add(rawKey + "=False");
                        continue;
                    default:
                        kept.Add(segment);
                        continue;
                }
            }

            while (kept.Count > 0 && kept[kept.Count - 1].Trim().Length == 0)
            {
                kept.RemoveAt(kept.Count - 1);
            }

            var builder = new StringBuilder(string.Join(";", kept));
            var terminated = passwordKey is not null || text.TrimEnd().EndsWith(";", StringComparison.Ordinal);
            return terminated ? builder.Append(';').ToString() : builder.ToString();
        }

        internal static string Normalize(string key) => key.Trim().Replace(" ", "").Replace("_", "").ToLowerInvariant();

        private static List<KeyValuePair<string, string>> Parse(string text)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var segment in text.Split(';'))
            {
                var equals = segment.IndexOf('=');
                if (equals > 0)
                {
                    pairs.Add(new KeyValuePair<string, string>(Normalize(segment.Substring(0, equals)), segment.Substring(equals + 1)));
                }
            }

            return pairs;
        }

        private static bool IsLoopback(string? server)
        {
            if (server is null)
            {
                return false;
            }

            var host = server.Trim().ToLowerInvariant();
            host = host.StartsWith("tcp:", StringComparison.Ordinal) ? host.Substring(4) : host;
            var cut = host.IndexOfAny(new[] { ',', '\\' });
            var name = cut < 0 ? host : host.Substring(0, cut);
            return name is "localhost" or "127.0.0.1" or "::1" or "." or "(local)" or "(localdb)"
                || host.StartsWith("(localdb)", StringComparison.Ordinal);
        }

        private static bool IsFalse(string value, bool alsoOptional) =>
            value.Trim().ToLowerInvariant() is "false" or "no" or "0"
            || (alsoOptional && value.Trim().Equals("optional", StringComparison.OrdinalIgnoreCase));

        private static bool IsTrue(string value, bool alsoSspi) =>
            value.Trim().ToLowerInvariant() is "true" or "yes" or "1"
            || (alsoSspi && value.Trim().Equals("sspi", StringComparison.OrdinalIgnoreCase));
    }
}
