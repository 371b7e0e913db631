using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace HipaaAnalyzers.Phi
{
    /// <summary>Splits identifiers into lower-case words: camelCase, PascalCase, ACRONYMCase, snake_case, digits.</summary>
    public static class IdentifierWords
    {
        private static readonly ConcurrentDictionary<string, ImmutableArray<string>> Cache =
            new ConcurrentDictionary<string, ImmutableArray<string>>();

        public static ImmutableArray<string> Split(string identifier)
        {
            if (identifier.Length > 256)
            {
                // Pathological names: split without caching so memory stays bounded.
                return SplitCore(identifier);
            }

            if (Cache.Count > 50_000)
            {
                Cache.Clear();
            }

            return Cache.GetOrAdd(identifier, SplitCore);
        }

        private static ImmutableArray<string> SplitCore(string identifier)
        {
            var words = ImmutableArray.CreateBuilder<string>();
            var start = -1;
            for (var i = 0; i < identifier.Length; i++)
            {
                var c = identifier[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(identifier, ref start, i, words);
                    continue;
                }

                if (start < 0)
                {
                    start = i;
                    continue;
                }

                var previous = identifier[i - 1];
                var boundary =
                    (char.IsUpper(c) && char.IsLower(previous))
                    || (char.IsDigit(c) != char.IsDigit(previous))
                    || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]));
                if (boundary)
                {
                    Flush(identifier, ref start, i, words);
                    start = i;
                }
            }

            Flush(identifier, ref start, identifier.Length, words);
            return words.ToImmutable();
        }

        private static void Flush(string identifier, ref int start, int end, ImmutableArray<string>.Builder words)
        {
            if (start >= 0 && end > start)
            {
                words.Add(identifier.Substring(start, end - start).ToLowerInvariant());
            }

            start = -1;
        }

        public static bool ContainsAny(ImmutableArray<string> words, HashSet<string> set)
        {
            foreach (var word in words)
            {
                if (set.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
