using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Benchmarks
{
    /// <summary>A named group of analyzers measured together, with the diagnostic options that switch their rules on.</summary>
    internal sealed record AnalyzerSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic> Options)
    {
        public static string Label(DiagnosticAnalyzer analyzer, ImmutableDictionary<string, ReportDiagnostic> options)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct()
                .Where(id => !options.TryGetValue(id, out var o) || o != ReportDiagnostic.Suppress).OrderBy(id => id, StringComparer.Ordinal).ToList();
            var shown = ids.Count > 4 ? string.Join(",", ids.Take(4)) + ",..." : string.Join(",", ids);
            return $"{shown} ({analyzer.GetType().Name})";
        }

        /// <summary>Every concrete [DiagnosticAnalyzer] type in the HipaaAnalyzers assembly, so new rules join automatically.</summary>
        public static AnalyzerSet Hipaa()
        {
            var assembly = typeof(HipaaAnalyzers.Configuration.HipaaCompilation).Assembly;
            var analyzers = assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            return new AnalyzerSet("HIPAA (ours)", analyzers, EnableAll(analyzers, _ => true));
        }

        /// <summary>Security Code Scan, every rule switched on (some are off by default) to measure the work it would do.</summary>
        public static AnalyzerSet SecurityCodeScan() => FromFiles("Security Code Scan 5.6.7", "securitycodescan", _ => true);

        /// <summary>NetAnalyzers' security rules only: CA2100, CA23xx, CA3xxx, CA5xxx.</summary>
        public static AnalyzerSet NetAnalyzersSecurity() => FromFiles(
            "NetAnalyzers 10.0.401 security", "netanalyzers",
            id => id == "CA2100" || id.StartsWith("CA23", StringComparison.Ordinal)
                || id.StartsWith("CA3", StringComparison.Ordinal) || id.StartsWith("CA5", StringComparison.Ordinal));

        /// <summary>
        /// An analyzer that does nothing in callbacks of the kinds the real ones register: it makes the driver produce
        /// the same events and operation trees, so run time and allocations above it belong to the analyzers measured.
        /// </summary>
        public static AnalyzerSet Baseline() =>
            new("baseline (no-op analyzer)", ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()), ImmutableDictionary<string, ReportDiagnostic>.Empty);

        private static AnalyzerSet FromFiles(string name, string folder, Func<string, bool> wanted)
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "peers", folder);
            var loader = new LoadFromLoader();
            var analyzers = Directory.GetFiles(dir, "*.dll")
                .Select(path => new AnalyzerFileReference(path, loader))
                .SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp))
                .Where(a => a.SupportedDiagnostics.Any(d => wanted(d.Id)))
                .GroupBy(a => a.GetType()).Select(g => g.First())
                .OrderBy(a => a.GetType().FullName, StringComparer.Ordinal)
                .ToImmutableArray();
            if (analyzers.IsEmpty)
            {
                throw new InvalidOperationException($"No analyzers found in {dir}.");
            }

            return new AnalyzerSet(name, analyzers, EnableAll(analyzers, wanted));
        }

        private static ImmutableDictionary<string, ReportDiagnostic> EnableAll(IEnumerable<DiagnosticAnalyzer> analyzers, Func<string, bool> wanted)
        {
            var options = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal);
            foreach (var id in analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct())
            {
                options[id] = wanted(id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
            }

            return options.ToImmutableDictionary();
        }

        private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }

#pragma warning disable RS1001, RS1036, RS1041, RS2008 // Benchmark-only analyzer, never shipped.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH000", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);
                start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType, SymbolKind.Method);
                start.RegisterSyntaxTreeAction(_ => { });
            });
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008
}
