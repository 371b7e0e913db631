using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaAnalyzers.Tests.Reliability
{
    internal sealed record CorpusSource(string Name, string Text);

    /// <summary>
    /// Inputs for the reliability suite. The main corpus is every long string literal in the rule tests (the test
    /// sources themselves), so each rule merged later brings its own inputs; shared model fragments (const fields
    /// such as <c>Models</c>) are appended where a source uses a type they declare.
    /// </summary>
    internal static class Corpus
    {
        public const int Seed = 20_251_107;
        private const int MinimumLength = 80;

        private static readonly Regex OpenMarkup = new Regex(@"\{\|[^:|{}\s]*:", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex TypeDeclaration = new Regex(
            @"\b(?:class|record|struct|interface|enum)\s+(\w+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Lazy<ImmutableArray<CorpusSource>> LazyRuleSources = new Lazy<ImmutableArray<CorpusSource>>(LoadRuleSources);

        public static ImmutableArray<CorpusSource> RuleSources => LazyRuleSources.Value;

        /// <summary>Every n-th source so that at most <paramref name="count"/> are taken, spread over all rule families.</summary>
        public static IEnumerable<CorpusSource> Spread(int count)
        {
            var all = RuleSources;
            var step = Math.Max(1.0, all.Length / (double)count);
            for (var i = 0.0; i < all.Length && (int)(i / step) < count; i += step)
            {
                yield return all[(int)i];
            }
        }

        public static string StripMarkup(string text) =>
            OpenMarkup.Replace(text, "").Replace("|}", "").Replace("[|", "").Replace("|]", "");

        private static ImmutableArray<CorpusSource> LoadRuleSources()
        {
            var rules = RepoPaths.Combine("tests", "HipaaAnalyzers.Tests", "Rules");
            var standalone = new List<(string Name, string Text)>();
            var fragments = new List<string>();
            var files = Directory.GetFiles(rules, "*.cs", SearchOption.AllDirectories)
                .OrderBy(f => f.Replace('\\', '/'), StringComparer.Ordinal);
            foreach (var file in files)
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                var index = 0;
                foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
                {
                    if (!literal.IsKind(SyntaxKind.StringLiteralExpression) && !literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                    {
                        continue;
                    }

                    var text = StripMarkup(literal.Token.ValueText);
                    if (text.Length < MinimumLength)
                    {
                        continue;
                    }

                    if (literal.Parent?.Parent?.Parent?.Parent is FieldDeclarationSyntax field
                        && field.Modifiers.Any(SyntaxKind.ConstKeyword))
                    {
                        fragments.Add(text);
                    }
                    else
                    {
                        standalone.Add((Path.GetFileNameWithoutExtension(file) + "#" + index++, text));
                    }
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var sources = new List<CorpusSource>();
            foreach (var (name, text) in standalone)
            {
                var full = text + string.Concat(fragments.Where(f => NeedsFragment(text, f)).Distinct(StringComparer.Ordinal));
                if (seen.Add(full))
                {
                    sources.Add(new CorpusSource(name, full));
                }
            }

            return sources.ToImmutableArray();
        }

        /// <summary>The source uses a type the fragment declares and does not declare it itself.</summary>
        private static bool NeedsFragment(string source, string fragment)
        {
            var declaredHere = TypeDeclaration.Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            foreach (Match match in TypeDeclaration.Matches(fragment))
            {
                var name = match.Groups[1].Value;
                if (!declaredHere.Contains(name) && Regex.IsMatch(source, @"\b" + name + @"\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Deterministic damage: a truncation, or one to three deleted tokens, chosen by a seeded generator.</summary>
        public static IEnumerable<CorpusSource> Mutations(CorpusSource source, int count, int salt)
        {
            var random = new Random(Seed ^ salt);
            var tokens = CSharpSyntaxTree.ParseText(source.Text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            for (var i = 0; i < count; i++)
            {
                if (i % 2 == 0 || tokens.Length == 0)
                {
                    var cut = random.Next(1, source.Text.Length);
                    yield return new CorpusSource($"{source.Name}~truncate@{cut}", source.Text.Substring(0, cut));
                    continue;
                }

                var deleted = Enumerable.Range(0, random.Next(1, 4)).Select(_ => tokens[random.Next(tokens.Length)].Span)
                    .Distinct().OrderByDescending(s => s.Start).ToList();
                var text = new StringBuilder(source.Text);
                foreach (var span in deleted)
                {
                    text.Remove(span.Start, span.Length);
                }

                yield return new CorpusSource($"{source.Name}~delete@{string.Join(",", deleted.Select(s => s.Start))}", text.ToString());
            }
        }

        public static readonly ImmutableArray<LanguageVersion> LanguageVersions = ImmutableArray.Create(
            LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.CSharp9, LanguageVersion.CSharp10,
            LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest, LanguageVersion.Preview);

        /// <summary>A file of about <paramref name="lines"/> lines: many small services that log PHI and safe values.</summary>
        public static string LargeFile(int lines)
        {
            var text = new StringBuilder(lines * 48);
            text.AppendLine("using Microsoft.Extensions.Logging;").AppendLine("namespace Big;");
            text.AppendLine("public class Patient { public string Ssn { get; set; } = \"\"; public string Email { get; set; } = \"\"; public int Visits { get; set; } }");
            var written = 3;
            for (var i = 0; written < lines; i++)
            {
                text.Append("public class Service").Append(i).AppendLine()
                    .AppendLine("{")
                    .AppendLine("    public void Run(ILogger logger, Patient patient, string mrn, int count)")
                    .AppendLine("    {")
                    .AppendLine("        logger.LogInformation(\"Visits {Visits}\", patient.Visits);")
                    .AppendLine("        logger.LogInformation(\"Count {Count} for {Ssn}\", count, patient.Ssn);")
                    .AppendLine("        var text = $\"mail {patient.Email}\";")
                    .AppendLine("        if (count > 3) { logger.LogWarning(text); }")
                    .AppendLine("        System.Console.WriteLine(\"mrn \" + mrn);")
                    .AppendLine("    }")
                    .AppendLine("}");
                written += 11;
            }

            return text.ToString();
        }
    }
}
