using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// A diagnostic is copied into build logs, SARIF files and CI annotations, so it must never carry a value from the
    /// code: every message and property produced over every corpus is checked against every value-like literal.
    /// </summary>
    [Trait("Category", "Reliability")]
    public class NoLeakTests
    {
        /// <summary>Fake values only (the SSN is the famous never-valid Woolworth number, the key is AWS's documentation example).</summary>
        internal static readonly string[] PlantedValues =
        {
            "078-05-1120", "jane.doe@example.com", "MRN-0048213", "1962-07-14", "+1-555-0100", "Tr0ub4dor&3-not-real",
            "AKIAIOSFODNN7EXAMPLE", "sk_test_not_a_real_key_0000", "Hunter2-not-real", "E11.9 Type 2 diabetes",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3QtcmVhbCJ9.bm90LXJlYWw",
        };

        private static readonly CorpusSource Planted = new CorpusSource("planted values", """
            using System;
            using Microsoft.Extensions.Logging;
            class Leaks
            {
                const string ApiKey = "AKIAIOSFODNN7EXAMPLE";
                private static readonly string StripeKey = "sk_test_not_a_real_key_0000";
                public string Password { get; set; } = "Tr0ub4dor&3-not-real";
                void Run(ILogger logger, System.Net.Http.HttpClient http)
                {
                    var ssn = "078-05-1120";
                    var email = "jane.doe@example.com";
                    var medicalRecordNumber = "MRN-0048213";
                    var dateOfBirth = DateTime.Parse("1962-07-14");
                    var phone = "+1-555-0100";
                    var diagnosis = "E11.9 Type 2 diabetes";
                    var token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3QtcmVhbCJ9.bm90LXJlYWw";
                    var connectionString = "Server=db;Database=ehr;User Id=sa;Password=Hunter2-not-real;";
                    logger.LogInformation("SSN {Ssn}", ssn);
                    logger.LogInformation($"Email {email} record {medicalRecordNumber} born {dateOfBirth}");
                    logger.LogWarning("Phone " + phone + " diagnosis " + diagnosis);
                    Console.WriteLine("token " + token + ApiKey + StripeKey + Password);
                    logger.LogInformation("{Cs}", connectionString);
                    http.GetAsync("https://api.example.com/patients?ssn=" + ssn);
                    System.Diagnostics.Activity.Current?.SetTag("patient.email", email);
                    throw new InvalidOperationException("No patient with SSN " + ssn);
                }
            }
            """);

        private static readonly Regex TemplateHole = new Regex(@"\{[@$]?\w+(?:[,:][^}]*)?\}", RegexOptions.None, TimeSpan.FromSeconds(1));
        private static readonly Regex IdentifierLike = new Regex(@"^[A-Za-z_][A-Za-z0-9_.]*$", RegexOptions.None, TimeSpan.FromSeconds(1));

        private readonly ITestOutputHelper _output;

        public NoLeakTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task No_message_or_property_contains_a_literal_from_the_code()
        {
            var stats = new ReliabilityStats();
            using var sandbox = new Sandbox(TestReferences.AspNetCore);
            var vocabulary = HipaaAssemblies.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics)
                .SelectMany(d => new[] { d.Title.ToString(CultureInfo.InvariantCulture), d.MessageFormat.ToString(CultureInfo.InvariantCulture), d.Description.ToString(CultureInfo.InvariantCulture) })
                .ToList();
            var leaks = new List<string>();
            var literalsChecked = 0;
            var textsChecked = 0;
            foreach (var source in Corpus.RuleSources.Concat(ModernSyntax.Sources).Append(Planted))
            {
                var literals = ValueLiterals(source.Text)
                    .Where(l => !vocabulary.Any(v => v.Contains(l, StringComparison.Ordinal)))
                    .ToList();
                literalsChecked += literals.Count;
                var result = await Harness.AnalyzeAsync(sandbox.Load(source.Text), stats);
                Assert.Empty(result.Failures);
                foreach (var diagnostic in result.Diagnostics)
                {
                    var texts = diagnostic.Properties.Values.Where(v => v is not null).Select(v => v!)
                        .Prepend(diagnostic.GetMessage(CultureInfo.InvariantCulture)).ToList();
                    textsChecked += texts.Count;
                    foreach (var literal in literals)
                    {
                        foreach (var text in texts.Where(t => t.Contains(literal, StringComparison.Ordinal)))
                        {
                            leaks.Add($"{source.Name}: {diagnostic.Id} carries \"{literal}\" in \"{text}\"");
                        }
                    }
                }
            }

            stats.Print(_output, nameof(No_message_or_property_contains_a_literal_from_the_code));
            _output.WriteLine($"[reliability] no-leak: {literalsChecked} literals checked against {textsChecked} messages and property values");
            Assert.True(stats.Diagnostics > 0);
            Assert.Empty(leaks);
        }

        [Fact]
        public void Planted_values_are_all_in_the_checked_set()
        {
            var found = ValueLiterals(Planted.Text).ToList();
            Assert.All(PlantedValues, v => Assert.Contains(found, l => l.Contains(v, StringComparison.Ordinal)));
        }

        /// <summary>Names (letters, dots, underscores, no digit) may legitimately appear in messages; keys with digits may not.</summary>
        private static bool LooksLikeName(string value) => IdentifierLike.IsMatch(value) && !value.Any(char.IsDigit);

        /// <summary>String literals that look like data (not identifiers, not message templates), six characters or more.</summary>
        internal static IEnumerable<string> ValueLiterals(string source)
        {
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();
            var values = root.DescendantNodes().OfType<LiteralExpressionSyntax>()
                .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) || l.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                .Select(l => l.Token.ValueText)
                .Concat(root.DescendantNodes().OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText));
            return values
                .Where(v => v.Trim().Length >= 6 && !LooksLikeName(v.Trim()) && !TemplateHole.IsMatch(v))
                .Select(v => v.Trim())
                .Distinct(StringComparer.Ordinal);
        }
    }
}
