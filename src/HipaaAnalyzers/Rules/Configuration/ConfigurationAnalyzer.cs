using System.Collections.Concurrent;
using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Rules.Configuration
{
    /// <summary>HIPAA000: a malformed hipaa_analyzers.* value, reported once per key and problem, never as an exception.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.InvalidConfiguration);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var cache = new OptionsCache(start.Options);
                var errors = new ConcurrentDictionary<string, OptionError>();
                Collect(cache.Global, errors);
                start.RegisterSyntaxTreeAction(tree => Collect(cache.For(tree.Tree), errors));
                start.RegisterCompilationEndAction(end =>
                {
                    var keys = new System.Collections.Generic.List<string>(errors.Keys);
                    keys.Sort(System.StringComparer.Ordinal);
                    foreach (var key in keys)
                    {
                        var error = errors[key];
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, error.Key, error.Problem));
                    }
                });
            });
        }

        private static void Collect(HipaaOptions options, ConcurrentDictionary<string, OptionError> errors)
        {
            foreach (var error in options.Errors)
            {
                errors.TryAdd(error.Key + "\n" + error.Problem, error);
            }
        }
    }
}
