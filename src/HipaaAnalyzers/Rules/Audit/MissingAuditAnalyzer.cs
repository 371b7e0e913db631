using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Phi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Audit
{
    /// <summary>
    /// HIPAA601 (opt-in): a controller action or minimal API handler handles PHI without calling a configured audit
    /// method. Nothing is registered until hipaa_analyzers.audit_methods is set, so the rule costs nothing by default.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingAuditAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MissingAudit);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var endpoints = Endpoints.Resolve(start.Compilation);
                if (endpoints is null || !IsConfigured(start.Compilation, start.Options.AnalyzerConfigOptionsProvider))
                {
                    return;
                }

                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationBlockAction(c => AnalyzeAction(c, endpoints, hipaa));
                start.RegisterOperationAction(c => AnalyzeMap(c, endpoints, hipaa), OperationKind.Invocation);
            });
        }

        private static bool IsConfigured(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            if (provider.GlobalOptions.TryGetValue(OptionKeys.AuditMethods, out var global) && global.Trim().Length > 0)
            {
                return true;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.GetOptions(tree).TryGetValue(OptionKeys.AuditMethods, out var value) && value.Trim().Length > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeAction(OperationBlockAnalysisContext context, Endpoints endpoints, HipaaCompilation hipaa)
        {
            if (context.OwningSymbol is not IMethodSymbol method || !endpoints.IsAction(method) || method.Locations.IsDefaultOrEmpty)
            {
                return;
            }

            var tree = method.Locations[0].SourceTree;
            var audits = hipaa.OptionsFor(tree).AuditMethods;
            if (tree is null || audits.IsEmpty || hipaa.ShouldSkip(tree, method, context.CancellationToken)
                || Endpoints.HasAuditAttribute(method, audits))
            {
                return;
            }

            var classifier = hipaa.ClassifierFor(tree);
            var phi = Endpoints.SignaturePhi(method, classifier);
            foreach (var block in context.OperationBlocks)
            {
                if (Endpoints.CallsAudit(block, audits))
                {
                    return;
                }

                phi ??= Endpoints.BodyPhi(block, classifier);
            }

            if (phi is not null)
            {
                var endpoint = method.ContainingType.Name + "." + method.Name;
                Report(context.ReportDiagnostic, method.Locations[0], endpoint, phi, "controller action", audits);
            }
        }

        private static void AnalyzeMap(OperationAnalysisContext context, Endpoints endpoints, HipaaCompilation hipaa)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!endpoints.IsMap(invocation.TargetMethod))
            {
                return;
            }

            var tree = invocation.Syntax.SyntaxTree;
            var audits = hipaa.OptionsFor(tree).AuditMethods;
            if (audits.IsEmpty || hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is not IDelegateCreationOperation { Target: var target })
                {
                    continue;
                }

                var classifier = hipaa.ClassifierFor(tree);
                var (handler, body) = target switch
                {
                    IAnonymousFunctionOperation lambda => (lambda.Symbol, (IOperation)lambda.Body),
                    IMethodReferenceOperation reference => (reference.Method, null),
                    _ => (null, null),
                };
                if (handler is null || Endpoints.HasAuditAttribute(handler, audits))
                {
                    continue;
                }

                // A method group's body is bound by symbol; one declared in another file cannot be read here, so stay quiet.
                body ??= Endpoints.HandlerBody(handler, invocation.SemanticModel, context.CancellationToken);
                if (body is null || Endpoints.CallsAudit(body, audits))
                {
                    continue;
                }

                var phi = Endpoints.SignaturePhi(handler, classifier) ?? Endpoints.BodyPhi(body, classifier);
                if (phi is not null)
                {
                    var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                        ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
                    var endpoint = invocation.TargetMethod.Name + Route(invocation) + " handler";
                    Report(context.ReportDiagnostic, location, endpoint, phi, "minimal API", audits);
                }
            }
        }

        /// <summary>" GET /patients/{id}"-style suffix: the route template when it is a constant, else nothing.</summary>
        private static string Route(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "pattern" && argument.Value.ConstantValue is { HasValue: true, Value: string pattern })
                {
                    return " " + pattern;
                }
            }

            return "";
        }

        private static void Report(
            System.Action<Diagnostic> report, Location location, string endpoint, PhiMatch phi, string kind, ImmutableArray<string> audits)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.PhiKind, phi.Kind)
                .Add(DiagnosticProperties.Reason, phi.ReasonText)
                .Add(DiagnosticProperties.Sink, kind)
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.MissingAudit))
                .Add(DiagnosticProperties.Fix, "none");
            report(Diagnostic.Create(Descriptors.MissingAudit, location, properties, endpoint, phi.Kind + " in " + phi.Source,
                string.Join(", ", audits)));
        }
    }
}
