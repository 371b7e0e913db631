using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HipaaAnalyzers.Tests.Meta
{
    /// <summary>
    /// One source of truth: every descriptor has its docs page, release-tracking line, README row, help link and HIPAA/CWE
    /// tags; every analyzer runs on empty code; every fixer is exported with Fix All.
    /// </summary>
    public class CatalogTests
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(HipaaAnalyzers.CodeFixes.Rules.PhiExposure.PhiInLogCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static IEnumerable<object[]> DescriptorIds() =>
            Descriptors().Select(d => new object[] { d.Id });

        private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
            Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal);

        private static DiagnosticDescriptor Descriptor(string id) => Descriptors().Single(d => d.Id == id);

        [Fact]
        public void Every_rule_id_constant_has_exactly_one_descriptor()
        {
            var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x, StringComparer.Ordinal).ToList();
            var fields = typeof(HipaaAnalyzers.Diagnostics.Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).OrderBy(x => x, StringComparer.Ordinal).ToList();
            Assert.Equal(constants, fields);
            Assert.Equal(fields, Descriptors().Select(d => d.Id).ToList());
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Descriptor_has_help_link_tags_and_category(string id)
        {
            var descriptor = Descriptor(id);
            Assert.Equal(RuleFactory.HelpLink(id), descriptor.HelpLinkUri);
            Assert.Contains(descriptor.CustomTags, t => t.StartsWith("45 CFR 164.", StringComparison.Ordinal));
            Assert.Contains(descriptor.CustomTags, t => t.StartsWith("CWE-", StringComparison.Ordinal));
            Assert.StartsWith("HIPAA.", descriptor.Category, StringComparison.Ordinal);
            Assert.DoesNotContain(descriptor.Title.ToString(), descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Docs_page_exists_with_the_house_sections(string id)
        {
            var descriptor = Descriptor(id);
            var path = Repository.PathOf("docs", "rules", id + ".md");
            Assert.True(File.Exists(path), "missing docs/rules/" + id + ".md");
            var text = File.ReadAllText(path);
            Assert.StartsWith("# " + id + ": " + descriptor.Title, text, StringComparison.Ordinal);
            Assert.Contains("| Category | " + descriptor.Category + " |", text, StringComparison.Ordinal);
            foreach (var heading in new[] { "## What it finds", "## Why it matters under HIPAA", "## How the rule decides", "## Code fix", "## How to suppress", "## Known limitations" })
            {
                Assert.Contains(heading, text, StringComparison.Ordinal);
            }
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Release_tracking_and_readme_list_the_rule(string id)
        {
            var descriptor = Descriptor(id);
            var releases = File.ReadAllText(Repository.PathOf("src", "HipaaAnalyzers", "AnalyzerReleases.Unshipped.md"))
                + File.ReadAllText(Repository.PathOf("src", "HipaaAnalyzers", "AnalyzerReleases.Shipped.md"));
            Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", releases, StringComparison.Ordinal);
            var readme = File.ReadAllText(Repository.PathOf("README.md"));
            Assert.Contains("[" + id + "](docs/rules/" + id + ".md)", readme, StringComparison.Ordinal);
        }

        [Fact]
        public void Every_typed_option_is_documented()
        {
            var docs = File.ReadAllText(Repository.PathOf("docs", "configuration.md"));
            foreach (var option in TypedOptions.All)
            {
                Assert.Contains(option.Key.Substring(OptionKeys.Prefix.Length), docs, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task Every_analyzer_runs_on_empty_and_trivial_code_without_exceptions()
        {
            foreach (var source in new[] { "", "class C { void M() { } }", "System.Console.WriteLine(1);" })
            {
                var tree = CSharpSyntaxTree.ParseText(source);
                var compilation = CSharpCompilation.Create("T", new[] { tree }, TestReferences.Libraries,
                    new CSharpCompilationOptions(source.Contains("Console") ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
                var exceptions = new List<Exception>();
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
                Assert.Empty(exceptions);
                Assert.Empty(diagnostics);
            }
        }

        [Fact]
        public void Every_fixer_is_exported_fixes_known_ids_and_supports_fix_all()
        {
            var ids = Descriptors().Select(d => d.Id).ToHashSet();
            Assert.NotEmpty(Fixers);
            foreach (var fixer in Fixers)
            {
                Assert.NotNull(fixer.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>());
                Assert.NotNull(fixer.GetFixAllProvider());
                Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            }
        }
    }
}
