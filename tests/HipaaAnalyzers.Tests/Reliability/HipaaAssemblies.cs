using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using HipaaAnalyzers.CodeFixes.Rules.PhiExposure;
using HipaaAnalyzers.Rules.PhiExposure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// Every analyzer and code fix the two product assemblies export, found by reflection, so rules added later are
    /// covered by the reliability suite without editing it.
    /// </summary>
    internal static class HipaaAssemblies
    {
        public static readonly Assembly Analyzers = typeof(PhiInLogAnalyzer).Assembly;
        public static readonly Assembly CodeFixes = typeof(PhiInLogCodeFixProvider).Assembly;

        public static readonly ImmutableArray<Type> AnalyzerTypes = Exported(Analyzers, typeof(DiagnosticAnalyzer), typeof(DiagnosticAnalyzerAttribute));
        public static readonly ImmutableArray<Type> FixerTypes = Exported(CodeFixes, typeof(CodeFixProvider), typeof(ExportCodeFixProviderAttribute));

        /// <summary>Fresh instances each call: analyzers must not depend on state left by an earlier compilation.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CreateFixers() =>
            FixerTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

        public static ImmutableArray<string> RuleIds() =>
            CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal)
                .OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();

        private static ImmutableArray<Type> Exported(Assembly assembly, Type baseType, Type attribute) =>
            assembly.GetTypes()
                .Where(t => !t.IsAbstract && baseType.IsAssignableFrom(t) && t.GetCustomAttributes(attribute, false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToImmutableArray();
    }

    /// <summary>Locates the repository from the test's output folder (no machine paths are stored anywhere).</summary>
    internal static class RepoPaths
    {
        public static readonly string Root = FindRoot();

        public static string Combine(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HipaaAnalyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("HipaaAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
