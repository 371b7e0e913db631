using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>HIPAA203: ECB mode (property or EncryptEcb/DecryptEcb) and constant, zero or key-derived IVs and nonces.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureCipherModeAnalyzer : DiagnosticAnalyzer
    {
        private const string UseRandomIv = "call GenerateIV() (or RandomNumberGenerator.GetBytes) for every message and store the IV "
            + "with the ciphertext, or use AesGcm";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InsecureCipherMode);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var symmetric = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
                var cipherMode = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.CipherMode");
                if (symmetric is null || cipherMode is null)
                {
                    return;
                }

                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeEcbField(c, cipherMode, hipaa), OperationKind.FieldReference);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, symmetric, hipaa), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeIvAssignment(c, symmetric, hipaa), OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeEcbField(OperationAnalysisContext context, INamedTypeSymbol cipherMode, HipaaCompilation hipaa)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (reference.Field.Name != "ECB" || !SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, cipherMode))
            {
                return;
            }

            // Only a mode that is set or passed counts: comparisons against ECB (to reject it) are fine.
            var use = reference.Parent is IConversionOperation conversion ? conversion.Parent : reference.Parent;
            var api = use switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Mode" } mode } =>
                    (mode.Instance?.Type?.Name ?? mode.Property.ContainingType.Name) + ".Mode",
                IArgumentOperation { Parameter: { } parameter }
                    when SymbolEqualityComparer.Default.Equals(parameter.OriginalDefinition.Type, cipherMode)
                    && parameter.ContainingSymbol.Name != "Equals" =>
                    parameter.ContainingSymbol.Name,
                _ => null,
            };
            if (api is null || hipaa.ShouldSkip(reference.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            Report(context, reference.Syntax, api, "selects ECB mode", "use CipherMode.CBC with a random IV from GenerateIV(), or AesGcm", "mode");
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol symmetric, HipaaCompilation hipaa)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var api = (invocation.Instance?.Type?.Name ?? method.ContainingType.Name) + "." + method.Name;
            if (method.Name is "EncryptEcb" or "DecryptEcb" && CryptoApi.InheritsFrom(method.ContainingType, symmetric))
            {
                if (!hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
                {
                    Report(context, invocation.Syntax, api, "encrypts in ECB mode", "use EncryptCbc with a random IV stored with the "
                        + "ciphertext, or AesGcm", "ecbCall");
                }

                return;
            }

            var isAead = method.Name == "Encrypt" && method.ContainingType.Name is "AesGcm" or "AesCcm" or "ChaCha20Poly1305";
            if (!isAead && !CryptoApi.InheritsFrom(method.ContainingType, symmetric))
            {
                return;
            }

            IOperation? key = null;
            foreach (var argument in invocation.Arguments)
            {
                var name = argument.Parameter?.Name;
                if (name is "rgbKey" or "key")
                {
                    key = argument.Value;
                }
                else if ((name is "rgbIV" or "iv" || (isAead && name == "nonce"))
                    && ConstantIv.Describe(argument.Value, key, context.CancellationToken) is { } problem
                    && !hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
                {
                    var instead = isAead ? "use a unique nonce per message (a counter or RandomNumberGenerator.GetBytes)" : UseRandomIv;
                    Report(context, argument.Value.Syntax, api, isAead ? problem.Replace("IV", "nonce") : problem, instead, "ivArgument");
                }
            }
        }

        private static void AnalyzeIvAssignment(OperationAnalysisContext context, INamedTypeSymbol symmetric, HipaaCompilation hipaa)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "IV" } target
                || !CryptoApi.InheritsFrom(target.Property.ContainingType, symmetric)
                || ConstantIv.Describe(assignment.Value, null, context.CancellationToken) is not { } problem
                || hipaa.ShouldSkip(assignment.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var canCallGenerate = assignment.Parent is IExpressionStatementOperation && target.Instance is not IInstanceReferenceOperation;
            var api = (target.Instance?.Type?.Name ?? target.Property.ContainingType.Name) + ".IV";
            Report(context, assignment.Value.Syntax, api, problem, UseRandomIv, canCallGenerate ? "ivAssignment" : "ivInitializer");
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string api, string problem, string instead, string shape)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.InsecureCipherMode))
                .Add(DiagnosticProperties.Fix, shape switch { "mode" => "useCbc", "ivAssignment" => "generateIV", _ => "none" })
                .Add(CryptoProperties.Shape, shape);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InsecureCipherMode, node.GetLocation(), properties, api, problem, instead));
        }
    }
}
