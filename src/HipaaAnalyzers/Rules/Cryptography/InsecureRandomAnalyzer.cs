using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>
    /// HIPAA205: System.Random output that flows into something named or used as a token, password, salt, nonce, key, code,
    /// OTP or guarded identifier. The first named destination decides; a neutral one (a buffer, a builder) defers to the
    /// enclosing method's name. Comparisons (sampling), delays and other arguments with harmless names are not flagged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureRandomAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InsecureRandom);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var random = start.Compilation.GetTypeByMetadataName("System.Random");
                if (random is null)
                {
                    return;
                }

                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => Analyze(c, random, hipaa), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol random, HipaaCompilation hipaa)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.IsStatic || method.Name is "Shuffle" or "Equals" or "GetHashCode" or "ToString" or "GetType"
                || !CryptoApi.InheritsFrom(method.ContainingType, random))
            {
                return;
            }

            var destination = method.Name == "NextBytes" && invocation.Arguments.Length == 1
                ? NameOf(CryptoApi.Unwrap(invocation.Arguments[0].Value))
                : RandomFlow.Destination(invocation);
            var name = destination.Name;
            if (!destination.Decides && SecurityValueNames.KindOf(name) is null && SecurityValueNames.IsNeutral(name))
            {
                name = context.ContainingSymbol is IMethodSymbol owner
                    ? owner.AssociatedSymbol?.Name ?? owner.Name
                    : context.ContainingSymbol?.Name;
            }

            if (SecurityValueNames.KindOf(name) is not { } kind
                || hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var replacement = method.Name switch
            {
                "Next" => "RandomNumberGenerator.GetInt32",
                "NextBytes" => "RandomNumberGenerator.Fill",
                "GetHexString" or "GetString" => "RandomNumberGenerator." + method.Name,
                _ => null,
            };
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.InsecureRandom))
                .Add(DiagnosticProperties.Fix, replacement is null ? "none" : "use" + replacement.Replace("RandomNumberGenerator.", ""))
                .Add("valueKind", kind)
                .Add(CryptoProperties.Replacement, replacement);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InsecureRandom, invocation.Syntax.GetLocation(), properties,
                "Random." + method.Name, "the " + kind, name, replacement ?? "RandomNumberGenerator.GetBytes or GetInt32"));
        }

        private static RandomFlow.Target NameOf(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => new RandomFlow.Target(local.Local.Name, false),
            IFieldReferenceOperation field => new RandomFlow.Target(field.Field.Name, false),
            IPropertyReferenceOperation property => new RandomFlow.Target(property.Property.Name, false),
            IParameterReferenceOperation parameter => new RandomFlow.Target(parameter.Parameter.Name, false),
            _ => new RandomFlow.Target(null, false),
        };
    }
}
