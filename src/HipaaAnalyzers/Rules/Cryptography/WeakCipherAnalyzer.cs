using System;
using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>HIPAA202: DES, Triple DES, RC2, and Rijndael with a block size other than AES's 128 bits.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakCipherAnalyzer : DiagnosticAnalyzer
    {
        private const string Namespace = "System.Security.Cryptography.";
        private const string UseAes = "AES (Aes.Create())";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakCipher);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var weak = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                foreach (var name in new[] { "DES", "TripleDES", "RC2" })
                {
                    if (start.Compilation.GetTypeByMetadataName(Namespace + name) is { } type)
                    {
                        weak.Add(type);
                    }
                }

                var rijndael = start.Compilation.GetTypeByMetadataName(Namespace + "Rijndael");
                if (weak.Count == 0 && rijndael is null)
                {
                    return;
                }

                var ciphers = weak.ToImmutable();
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeCreation(c, ciphers, hipaa), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, ciphers, hipaa), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeBlockSize(c, rijndael, hipaa), OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> ciphers, HipaaCompilation hipaa)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (CryptoApi.FamilyOf(creation.Type, ciphers) is not { } family
                || hipaa.ShouldSkip(creation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            Report(context, creation.Syntax, "new " + creation.Type!.Name, Display(family.Name), "create", UseAes);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> ciphers, HipaaCompilation hipaa)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!method.IsStatic || method.Name is not ("Create" or "CreateFromName"))
            {
                return;
            }

            var api = method.ContainingType.Name + "." + method.Name;
            if (CryptoApi.FamilyOf(method.ContainingType, ciphers) is { } family)
            {
                if (!hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
                {
                    Report(context, invocation.Syntax, api, Display(family.Name), "static", UseAes);
                }

                return;
            }

            if (method.ContainingType.Name is not ("CryptoConfig" or "SymmetricAlgorithm") || invocation.Arguments.Length == 0
                || CryptoApi.ConstantString(invocation.Arguments[0].Value) is not { } name || NameOf(name) is not { } named
                || hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            Report(context, invocation.Arguments[0].Value.Syntax, api, named, "string", UseAes);
        }

        private static void AnalyzeBlockSize(OperationAnalysisContext context, INamedTypeSymbol? rijndael, HipaaCompilation hipaa)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "BlockSize" } target
                || !CryptoApi.InheritsFrom(target.Instance?.Type, rijndael)
                || CryptoApi.ConstantInt(assignment.Value) is not { } bits || bits == 128
                || hipaa.ShouldSkip(assignment.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var cipher = "Rijndael with a " + bits.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-bit block";
            Report(context, assignment.Value.Syntax, target.Instance!.Type!.Name + ".BlockSize", cipher, "blockSize",
                "AES: a 128-bit block, or Aes.Create()");
        }

        private static string Display(string typeName) => typeName == "TripleDES" ? "Triple DES" : typeName;

        private static string? NameOf(string name)
        {
            var key = name.Trim();
            if (key.StartsWith(Namespace, StringComparison.OrdinalIgnoreCase))
            {
                key = key.Substring(Namespace.Length);
            }

            return key.Replace(" ", "").ToUpperInvariant() switch
            {
                "DES" or "DESCRYPTOSERVICEPROVIDER" => "DES",
                "3DES" or "TRIPLEDES" or "TRIPLEDESCRYPTOSERVICEPROVIDER" => "Triple DES",
                "RC2" or "RC2CRYPTOSERVICEPROVIDER" => "RC2",
                _ => null,
            };
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string api, string cipher, string shape, string instead)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.WeakCipher))
                .Add(DiagnosticProperties.Fix, shape == "blockSize" ? "setBlockSize128" : "replaceWithAes")
                .Add(CryptoProperties.Algorithm, cipher)
                .Add(CryptoProperties.Replacement, "Aes")
                .Add(CryptoProperties.Shape, shape);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakCipher, node.GetLocation(), properties, api, cipher, instead));
        }
    }
}
