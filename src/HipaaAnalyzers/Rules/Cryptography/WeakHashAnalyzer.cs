using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>HIPAA201: MD5, SHA-1, RIPEMD-160 or HMAC-MD5 (HMAC-SHA1 when configured), through any entry point.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakHashAnalyzer : DiagnosticAnalyzer
    {
        public const string IncludeHmacSha1Key = OptionKeys.Prefix + "HIPAA201.include_hmac_sha1";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakHash);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var hashName = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithmName");
                if (hashName is null)
                {
                    return;
                }

                var known = new WeakHashes(start.Compilation);
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeCreation(c, known, hipaa), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, known, hipaa), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeHashName(c, hashName, hipaa), OperationKind.PropertyReference);
            });
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, WeakHashes known, HipaaCompilation hipaa)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (known.Match(creation.Type, IncludeHmac(context, hipaa)) is not { } weak
                || hipaa.ShouldSkip(creation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken)
                || PasswordValues.HashesPassword(creation, context.CancellationToken))
            {
                return;
            }

            Report(context, creation.Syntax, "new " + creation.Type!.Name, weak, "create");
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, WeakHashes known, HipaaCompilation hipaa)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!method.IsStatic)
            {
                return;
            }

            var includeHmac = IncludeHmac(context, hipaa);
            if (known.Match(method.ContainingType, includeHmac) is { } weak)
            {
                if (hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken)
                    || (method.Name == "Create" ? PasswordValues.HashesPassword(invocation, context.CancellationToken)
                        : PasswordValues.ArgumentsReadPassword(invocation, context.CancellationToken)))
                {
                    return;
                }

                Report(context, invocation.Syntax, method.ContainingType.Name + "." + method.Name, weak, "static");
                return;
            }

            if (method.Name is not ("CreateFromName" or "Create") || !known.IsFactory(method.ContainingType)
                || invocation.Arguments.Length == 0 || CryptoApi.ConstantString(invocation.Arguments[0].Value) is not { } name
                || WeakHashes.ByName(name, includeHmac) is not { } named
                || hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            Report(context, invocation.Arguments[0].Value.Syntax, method.ContainingType.Name + "." + method.Name, named, "string");
        }

        private static void AnalyzeHashName(OperationAnalysisContext context, INamedTypeSymbol hashName, HipaaCompilation hipaa)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Property.Name is not ("MD5" or "SHA1")
                || !SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, hashName)
                || reference.Parent is not IArgumentOperation { Parent: IInvocationOperation or IObjectCreationOperation } argument)
            {
                return;
            }

            // Only a crypto API parameter of type HashAlgorithmName uses the hash: Equals, Assert.NotEqual<T> and List<T>.Add
            // compare or store the name.
            var target = argument.Parent is IInvocationOperation call ? call.TargetMethod : ((IObjectCreationOperation)argument.Parent!).Constructor;
            if (target is null || WeakHashes.IsExemptConsumer(target) || target.Name == "Equals"
                || SymbolEqualityComparer.Default.Equals(target.ContainingType, hashName)
                || !SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition.Type, hashName))
            {
                return;
            }

            var isMac = WeakHashes.IsMacConsumer(target);
            if ((isMac && reference.Property.Name == "SHA1" && !IncludeHmac(context, hipaa))
                || hipaa.ShouldSkip(reference.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var algorithm = isMac ? "HMAC-" + reference.Property.Name : reference.Property.Name == "MD5" ? "MD5" : "SHA-1";
            var api = target.ContainingType.Name + "." + (target.MethodKind == MethodKind.Constructor ? "ctor" : target.Name);
            Report(context, reference.Syntax, api, new WeakHash(algorithm, "SHA256"), "name",
                (isMac ? "HMAC-SHA256" : "SHA-256") + " (HashAlgorithmName.SHA256)");
        }

        private static bool IncludeHmac(OperationAnalysisContext context, HipaaCompilation hipaa) =>
            hipaa.OptionsFor(context.Operation.Syntax.SyntaxTree).GetBoolean(IncludeHmacSha1Key, false, out _);

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string api, WeakHash weak, string shape, string? instead = null)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.WeakHash))
                .Add(DiagnosticProperties.Fix, "replaceWith" + weak.Replacement)
                .Add(CryptoProperties.Algorithm, weak.Algorithm)
                .Add(CryptoProperties.Replacement, weak.Replacement)
                .Add(CryptoProperties.Shape, shape);
            instead ??= weak.Replacement == "HMACSHA256" ? "HMAC-SHA256 (HMACSHA256)" : "SHA-256 (SHA256)";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakHash, node.GetLocation(), properties, api, weak.Algorithm, instead));
        }
    }
}
