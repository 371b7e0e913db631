using System.Collections.Immutable;

namespace HipaaAnalyzers.Sinks
{
    /// <summary>
    /// Placeholders of a message template or composite format: "{Ssn}", "{@Patient}", "{0:D}". Escaped braces are
    /// skipped. Named placeholders bind to arguments in order; all-numeric ones by index.
    /// </summary>
    public static class MessageTemplate
    {
        public readonly struct Hole
        {
            public Hole(int start, int length, string name)
            {
                Start = start;
                Length = length;
                Name = name;
            }

            /// <summary>Offset of '{' in the template text.</summary>
            public int Start { get; }

            /// <summary>Length including both braces.</summary>
            public int Length { get; }

            /// <summary>Name without alignment or format, with any '@' or '$' prefix.</summary>
            public string Name { get; }

            public bool Destructures => Name.StartsWith("@", System.StringComparison.Ordinal);

            public bool IsNumeric => Name.Length > 0 && int.TryParse(Name, out _);
        }

        public static ImmutableArray<Hole> Parse(string template)
        {
            var holes = ImmutableArray.CreateBuilder<Hole>();
            for (var i = 0; i < template.Length; i++)
            {
                if (template[i] != '{')
                {
                    continue;
                }

                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    break;
                }

                var content = template.Substring(i + 1, end - i - 1);
                var cut = content.IndexOfAny(new[] { ':', ',' });
                holes.Add(new Hole(i, end - i + 1, (cut < 0 ? content : content.Substring(0, cut)).Trim()));
                i = end;
            }

            return holes.ToImmutable();
        }

        /// <summary>The placeholder that binds to the value argument at <paramref name="valueIndex"/>, if any.</summary>
        public static Hole? ForArgument(ImmutableArray<Hole> holes, int valueIndex)
        {
            var allNumeric = holes.Length > 0;
            foreach (var hole in holes)
            {
                allNumeric &= hole.IsNumeric;
            }

            if (allNumeric)
            {
                foreach (var hole in holes)
                {
                    if (int.Parse(hole.Name, System.Globalization.CultureInfo.InvariantCulture) == valueIndex)
                    {
                        return hole;
                    }
                }

                return null;
            }

            return valueIndex < holes.Length ? holes[valueIndex] : null;
        }
    }
}
