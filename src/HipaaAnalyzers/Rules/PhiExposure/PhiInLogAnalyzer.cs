using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Flow;
using HipaaAnalyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.PhiExposure
{
    /// <summary>HIPAA001: PHI reaches a logging call (ILogger, LoggerMessage, Serilog, NLog, log4net, Console, Debug, Trace).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PhiInLogAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PhiInLog);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = ResolvedLogSinks.Resolve(start.Compilation);
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, hipaa), OperationKind.Invocation);
                if (sinks.LoggerMessageAttribute is not null)
                {
                    start.RegisterSymbolAction(c => AnalyzeLoggerMessageMethod(c, sinks, hipaa), SymbolKind.Method);
                }
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ResolvedLogSinks sinks, HipaaCompilation hipaa)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var sink = LogCalls.SinkName(invocation, sinks, out var isLoggerMessage);
            if (sink is null)
            {
                return;
            }

            var tree = invocation.Syntax.SyntaxTree;
            if (hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var classifier = hipaa.ClassifierFor(tree);
            var flow = hipaa.FlowFor(tree, context.CancellationToken);
            var holes = LogCalls.TemplateHoles(invocation);
            var findings = new List<(Location Location, PhiFinding Finding, bool InText)>();
            var hasTemplate = false;
            var valueIndex = 0;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || LogCalls.IsIgnored(parameter, sinks))
                {
                    continue;
                }

                if (isLoggerMessage && classifier.Classify(parameter) is not null)
                {
                    // Reported once on the [LoggerMessage] method's parameter instead of at every call.
                    valueIndex++;
                    continue;
                }

                if (LogSinks.TemplateParameters.Contains(parameter.Name) && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    hasTemplate = true;
                    LogArguments.AddTemplateFindings(argument.Value, flow, findings);
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array)
                {
                    foreach (var element in array.Initializer?.ElementValues ?? ImmutableArray<IOperation>.Empty)
                    {
                        LogArguments.AddValueFinding(element, flow, MessageTemplate.ForArgument(holes, valueIndex++), findings);
                    }

                    continue;
                }

                LogArguments.AddValueFinding(argument.Value, flow, MessageTemplate.ForArgument(holes, valueIndex++), findings);
            }

            if (findings.Count == 0)
            {
                return;
            }

            // Removing an argument keeps the call valid only after a template; holes and operands can always go.
            var fixedSignature = isLoggerMessage || method.MethodKind == MethodKind.DelegateInvoke;
            var removable = !fixedSignature && findings.TrueForAll(f => f.InText || hasTemplate);
            var first = findings[0];
            var additional = new List<Location>();
            for (var i = 1; i < findings.Count; i++)
            {
                additional.Add(findings[i].Location);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PhiInLog,
                first.Location,
                additional,
                Properties(first.Finding, sink, redactOnly: !removable),
                first.Finding.Match.Source,
                first.Finding.Match.Kind,
                sink,
                first.Finding.Match.ReasonText));
        }

        private static void AnalyzeLoggerMessageMethod(SymbolAnalysisContext context, ResolvedLogSinks sinks, HipaaCompilation hipaa)
        {
            // For partial methods the generator writes the implementation; the developer's parameters are on the definition.
            var method = (IMethodSymbol)context.Symbol;
            if (method.PartialDefinitionPart is not null)
            {
                // The implementation part of a partial method: its definition part gets its own callback.
                return;
            }

            if (!LogCalls.HasAttribute(method, sinks.LoggerMessageAttribute))
            {
                return;
            }

            foreach (var parameter in method.Parameters)
            {
                if (LogCalls.IsIgnored(parameter, sinks) || parameter.Locations.IsDefaultOrEmpty || !parameter.Locations[0].IsInSource)
                {
                    continue;
                }

                var location = parameter.Locations[0];
                if (hipaa.ShouldSkip(location.SourceTree!, method, context.CancellationToken))
                {
                    continue;
                }

                var classifier = hipaa.ClassifierFor(location.SourceTree);
                if (classifier.Classify(parameter) is not { } match)
                {
                    continue;
                }

                var whole = parameter.Type.SpecialType != SpecialType.System_String && classifier.ClassifyType(parameter.Type) is not null;
                if (whole && !WholeObjects.PrintsMembers(parameter.Type))
                {
                    continue;
                }

                var sink = "[LoggerMessage] " + method.Name;
                var finding = new PhiFinding(match, origin: null, whole);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PhiInLog, location, Properties(finding, sink, redactOnly: true), match.Source, match.Kind, sink, match.ReasonText));
            }
        }

        private static ImmutableDictionary<string, string?> Properties(PhiFinding finding, string sink, bool redactOnly) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.PhiKind, finding.Match.Kind)
                .Add(DiagnosticProperties.Reason, finding.Match.ReasonText)
                .Add(DiagnosticProperties.Sink, sink)
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.PhiInLog))
                .Add(DiagnosticProperties.Fix, redactOnly ? "redact" : "removeArgument");
    }
}
