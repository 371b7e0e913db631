using System.Collections.Generic;
using HipaaAnalyzers.Phi;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>
    /// Decides from a name whether a random value guards access (token, password, salt, nonce, key, code, OTP, identifier).
    /// Words are whole words of the identifier; qualifiers such as "status code" or "cache key" and timing or sampling
    /// words ("tokenRefreshDelay") turn the answer off.
    /// </summary>
    internal static class SecurityValueNames
    {
        private static readonly Dictionary<string, string> Kinds = new Dictionary<string, string>
        {
            ["token"] = "token", ["password"] = "password", ["passwd"] = "password", ["pwd"] = "password",
            ["passphrase"] = "password", ["passcode"] = "code", ["salt"] = "salt", ["nonce"] = "nonce", ["secret"] = "secret",
            ["key"] = "key", ["apikey"] = "key", ["code"] = "code", ["otp"] = "one-time code", ["totp"] = "one-time code",
            ["hotp"] = "one-time code", ["pin"] = "code", ["verification"] = "code", ["confirmation"] = "code",
            ["activation"] = "code", ["csrf"] = "token", ["xsrf"] = "token", ["mfa"] = "code",
            ["id"] = "identifier", ["identifier"] = "identifier", ["sessionid"] = "identifier",
        };

        // "key" and "code" name many harmless things; these qualifiers mark them as such.
        private static readonly HashSet<string> HarmlessQualifiers = new HashSet<string>
        {
            "cache", "partition", "sort", "dictionary", "lookup", "primary", "foreign", "row", "hot", "map", "hash", "group",
            "status", "error", "http", "exit", "color", "colour", "country", "zip", "postal", "area", "currency", "language",
            "response", "result", "return", "reason", "diagnosis", "icd", "cpt", "procedure", "billing", "product", "region",
            "delay", "jitter", "backoff", "retry", "timeout", "interval", "sample", "sampling", "percent", "percentage",
            "probability", "rate", "shuffle", "index", "position", "offset", "weight", "dice", "roll", "seed", "score",
            "latency", "width", "height", "size", "length", "count", "expiry", "expiration", "lifetime", "ttl",
            "request", "correlation", "trace", "span", "activity", "operation", "event", "message", "test", "demo",
        };

        // An "id" only needs to be unguessable when it stands for a session, an account or a record.
        private static readonly HashSet<string> GuardedIds = new HashSet<string>
        {
            "session", "user", "account", "patient", "member", "invite", "invitation", "reset", "access", "auth", "device",
            "record", "client", "tenant", "visit", "encounter", "claim", "share", "download", "link",
        };

        private static readonly HashSet<string> CodeContext = new HashSet<string>
        {
            "otp", "verification", "verify", "confirmation", "confirm", "reset", "auth", "authentication", "authorization",
            "access", "pin", "mfa", "login", "signin", "security", "recovery", "activation", "unlock", "invite", "invitation",
            "sms", "factor", "passcode", "one", "backup",
        };

        /// <returns>The kind of security value the name denotes ("token", "salt", ...), or null.</returns>
        public static string? KindOf(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            var words = IdentifierWords.Split(name!);
            if (IdentifierWords.ContainsAny(words, HarmlessQualifiers))
            {
                return null;
            }

            foreach (var word in words)
            {
                if (!Kinds.TryGetValue(word, out var kind))
                {
                    continue;
                }

                // "roomCode", "promoCode": a code guards access only beside a word that says so.
                if (word == "code" && !IdentifierWords.ContainsAny(words, CodeContext))
                {
                    continue;
                }

                if (kind != "identifier" || word == "sessionid" || IdentifierWords.ContainsAny(words, GuardedIds))
                {
                    return kind;
                }
            }

            return null;
        }

        /// <summary>Names that say nothing about the value (a buffer, a builder, a number): the enclosing method decides.</summary>
        public static bool IsNeutral(string? name) => name is null || name.Length <= 2 || Neutral.Contains(name.ToLowerInvariant());

        private static readonly HashSet<string> Neutral = new HashSet<string>
        {
            "value", "result", "number", "num", "bytes", "buffer", "buf", "chars", "builder", "output", "str", "text", "data",
            "digits", "temp", "tmp", "rnd", "random", "res", "ret", "array", "arr", "list", "item", "next", "generated", "part",
            "code",
        };
    }
}
