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
            var sink = SinkName(invocation, sinks, out var isLoggerMessage);
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
            var holes = TemplateHoles(invocation);
            var findings = new List<(Location Location, PhiFinding Finding, bool InText)>();
            var hasTemplate = false;
            var valueIndex = 0;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || IsIgnored(parameter, sinks))
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
                    AddTemplateFindings(argument.Value, flow, findings);
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array)
                {
                    foreach (var element in array.Initializer?.ElementValues ?? ImmutableArray<IOperation>.Empty)
                    {
                        AddValueFinding(element, flow, MessageTemplate.ForArgument(holes, valueIndex++), findings);
                    }

                    continue;
                }

                AddValueFinding(argument.Value, flow, MessageTemplate.ForArgument(holes, valueIndex++), findings);
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

            if (!HasAttribute(method, sinks.LoggerMessageAttribute))
            {
                return;
            }

            foreach (var parameter in method.Parameters)
            {
                if (IsIgnored(parameter, sinks) || parameter.Locations.IsDefaultOrEmpty || !parameter.Locations[0].IsInSource)
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

        private static string? SinkName(IInvocationOperation invocation, ResolvedLogSinks sinks, out bool isLoggerMessage)
        {
            isLoggerMessage = false;
            var method = invocation.TargetMethod;
            if (sinks.Match(method) is { } entry)
            {
                return entry.Display + "." + method.Name;
            }

            // Console.Out and Console.Error are TextWriters: only those two receivers make TextWriter a log sink.
            if (method.Name is "Write" or "WriteLine" && method.ContainingType?.Name == "TextWriter"
                && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } stream }
                && stream.ContainingType?.ToDisplayString() == "System.Console")
            {
                return "Console." + stream.Name + "." + method.Name;
            }

            if (method.MethodKind == MethodKind.DelegateInvoke
                && method.ContainingType is { Name: "Action", TypeArguments.Length: > 1 } action
                && SymbolEqualityComparer.Default.Equals(action.TypeArguments[0], sinks.ILogger))
            {
                return "LoggerMessage.Define delegate";
            }

            if (sinks.LoggerMessageAttribute is not null && HasAttribute(method.OriginalDefinition, sinks.LoggerMessageAttribute))
            {
                isLoggerMessage = true;
                return "[LoggerMessage] " + method.Name;
            }

            return null;
        }

        private static ImmutableArray<MessageTemplate.Hole> TemplateHoles(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && LogSinks.TemplateParameters.Contains(parameter.Name)
                    && argument.Value.ConstantValue is { HasValue: true, Value: string template })
                {
                    return MessageTemplate.Parse(template);
                }
            }

            return ImmutableArray<MessageTemplate.Hole>.Empty;
        }

        /// <summary>In the message itself, each interpolation hole or concatenated operand is its own finding.</summary>
        private static void AddTemplateFindings(IOperation template, PhiFlow flow, List<(Location, PhiFinding, bool)> findings)
        {
            while (template is IConversionOperation conversion)
            {
                template = conversion.Operand;
            }

            switch (template)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && flow.Find(hole.Expression) is { } found && Reportable(found, null))
                        {
                            findings.Add((hole.Syntax.GetLocation(), found, true));
                        }
                    }

                    return;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    AddTemplateFindings(binary.LeftOperand, flow, findings);
                    AddTemplateFindings(binary.RightOperand, flow, findings);
                    return;
                default:
                    if (flow.Find(template) is { } value && Reportable(value, null))
                    {
                        // An operand of a concatenation can be dropped; the whole message cannot.
                        findings.Add((template.Syntax.GetLocation(), value, template.Parent is IBinaryOperation or IConversionOperation { Parent: IBinaryOperation }));
                    }

                    return;
            }
        }

        private static void AddValueFinding(IOperation value, PhiFlow flow, MessageTemplate.Hole? hole, List<(Location, PhiFinding, bool)> findings)
        {
            var unwrapped = value;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            // Text built in place (Console.WriteLine("x " + ssn)): report the hole or operand, which the fix can drop.
            if (unwrapped is IInterpolatedStringOperation
                || (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add && add.Type?.SpecialType == SpecialType.System_String))
            {
                AddTemplateFindings(unwrapped, flow, findings);
                return;
            }

            if (flow.Find(value) is { } found && Reportable(found, hole))
            {
                findings.Add((value.Syntax.GetLocation(), found, false));
            }
        }

        /// <summary>A whole object leaks only when it is destructured ({@Patient}) or its ToString prints members.</summary>
        private static bool Reportable(PhiFinding finding, MessageTemplate.Hole? hole) =>
            !finding.IsWholeObject
            || (hole is { } h && h.Destructures)
            || WholeObjects.PrintsMembers(finding.Origin?.Type);

        private static bool IsIgnored(IParameterSymbol parameter, ResolvedLogSinks sinks)
        {
            if (parameter.IsThis || LogSinks.IgnoredParameters.Contains(parameter.Name))
            {
                return true;
            }

            var type = parameter.Type;
            if (sinks.ILogger is not null && (SymbolEqualityComparer.Default.Equals(type, sinks.ILogger)
                || type.AllInterfaces.Contains(sinks.ILogger, SymbolEqualityComparer.Default)))
            {
                return true;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, sinks.Exception))
                {
                    return true;
                }
            }

            return type.Name is "LogLevel" or "EventId" or "LogEventLevel" or "IFormatProvider" or "ILog" or "ILogger";
        }

        private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attribute)
        {
            foreach (var data in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
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
