using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>
    /// HIPAA104: byte-array literals, Encoding.GetBytes / Convert.FromBase64String of literals, or string literals that
    /// become a key, IV or salt: assigned to such a symbol (Aes.Key, _iv, Salt) or passed to a key parameter.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedKeyMaterialAnalyzer : DiagnosticAnalyzer
    {
        private const int MinimumArrayLength = 8;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HardCodedKeyMaterial);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => Analyze(c, hipaa), OperationKind.ArrayCreation, OperationKind.Invocation, OperationKind.Literal,
                    OperationKind.Utf8String);
            });
        }

        private static void Analyze(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            var operation = context.Operation;
            var literalText = LiteralText(operation, out var isBytes);
            if (literalText is null && !IsConstantByteArray(operation))
            {
                return;
            }

            var target = SecretTarget.Find(operation, context.ContainingSymbol);
            if (target is null || !IsKeyTarget(target, bytes: operation is not ILiteralOperation)
                || (operation is IInvocationOperation { TargetMethod.Name: "GetBytes" }
                    && target.Symbol?.ContainingType?.Name == "SymmetricSecurityKey"))
            {
                return;
            }

            var tree = operation.Syntax.SyntaxTree;
            if (hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var values = SecretValues.For(hipaa.OptionsFor(tree));
            if (literalText is not null && (values.IsPlaceholder(literalText) || (!isBytes && !values.MayBeSecret(literalText, target.IsConstant))))
            {
                return;
            }

            var container = target.Container ?? context.ContainingSymbol?.ContainingType?.Name;
            var kind = Kind(target.Name);
            // A fixed IV or nonce read from the environment is still fixed: HIPAA203's fix (a fresh IV per message) applies.
            var fixable = target.CanBeRuntimeValue && kind is not ("IV bytes" or "nonce bytes");
            var properties = SecretDiagnostics.Properties(Descriptors.HardCodedKeyMaterial,
                fixable ? SecretDiagnostics.ReadFromEnvironment : SecretDiagnostics.NoFix,
                SecretNames.EnvironmentName(target.Name, container), SecretNames.ConfigurationKey(target.Name, container),
                SecretDiagnostics.SecretKind, kind);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HardCodedKeyMaterial, operation.Syntax.GetLocation(), properties, target.Display, kind));
        }

        /// <summary>The literal behind a string literal or Encoding.X.GetBytes("...") / Convert.FromBase64String("...").</summary>
        private static string? LiteralText(IOperation operation, out bool isBytes)
        {
            isBytes = false;
            switch (operation)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string { Length: > 0 } text } }
                    when operation.Syntax is LiteralExpressionSyntax:
                    return text;
                case IInvocationOperation { Arguments.Length: 1 } invocation
                    when invocation.TargetMethod.Name is "GetBytes" or "FromBase64String" or "FromHexString"
                    && invocation.TargetMethod.ContainingType?.Name is "Encoding" or "Convert" or "UTF8Encoding" or "ASCIIEncoding"
                    && invocation.Arguments[0].Value is ILiteralOperation
                    {
                        ConstantValue: { HasValue: true, Value: string { Length: > 0 } bytesText },
                    }:
                    isBytes = true;
                    return bytesText;
                // "..."u8 and "..."u8.ToArray() are Encoding.UTF8.GetBytes("...") written by the compiler.
                case IUtf8StringOperation { Value: { Length: > 0 } utf8 } when operation.Parent is not IInvocationOperation { TargetMethod.Name: "ToArray" }:
                    isBytes = true;
                    return utf8;
                case IInvocationOperation { TargetMethod.Name: "ToArray", Instance: IUtf8StringOperation { Value: { Length: > 0 } copied } }:
                    isBytes = true;
                    return copied;
                default:
                    return null;
            }
        }

        private static bool IsConstantByteArray(IOperation operation) =>
            operation is IArrayCreationOperation
            {
                Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte },
                Initializer: { } initializer,
            }
            && initializer.ElementValues.Length >= MinimumArrayLength
            && System.Linq.Enumerable.All(initializer.ElementValues, e => e.ConstantValue.HasValue);

        /// <summary>A key-material name (EncryptionKey, _iv, Salt), or a bare key / iv / salt / nonce of a byte type.</summary>
        private static bool IsKeyTarget(SecretTarget target, bool bytes)
        {
            var words = SecretNames.Words(target.Name);
            if (SecretNames.Classify(words) == SecretNameKind.KeyMaterial)
            {
                return true;
            }

            var last = words.IsEmpty ? "" : words[words.Length - 1];
            return bytes && last is "key" or "iv" or "salt" or "nonce" && IsByteTyped(target.Symbol);
        }

        private static bool IsByteTyped(ISymbol? symbol)
        {
            var type = symbol switch
            {
                IFieldSymbol f => f.Type,
                IPropertySymbol p => p.Type,
                ILocalSymbol l => l.Type,
                IParameterSymbol p => p.Type,
                _ => null,
            };
            return type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                || (type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", TypeArguments.Length: 1 } span
                    && span.TypeArguments[0].SpecialType == SpecialType.System_Byte);
        }

        private static string Kind(string name)
        {
            var words = SecretNames.Words(name);
            var last = words.IsEmpty ? "" : words[words.Length - 1];
            return last switch
            {
                "iv" or "vector" => "IV bytes",
                "salt" or "pepper" => "salt",
                "nonce" => "nonce bytes",
                _ => "key material",
            };
        }
    }
}
