using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>HIPAA204: RSA/DSA keys below 2048 bits and elliptic curves below 256 bits.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ShortKeyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly Regex CurveBits = new Regex(
            @"^(?:secp|sect|prime|nistP|brainpoolP|ansix9p|ansix9t)(\d{3})", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ShortKey);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var families = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                foreach (var name in new[] { "RSA", "DSA", "ECDsa", "ECDiffieHellman" })
                {
                    if (start.Compilation.GetTypeByMetadataName("System.Security.Cryptography." + name) is { } type)
                    {
                        families.Add(type);
                    }
                }

                if (families.Count == 0)
                {
                    return;
                }

                var keyTypes = families.ToImmutable();
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeSizedCall(c, keyTypes, hipaa), OperationKind.ObjectCreation, OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeKeySize(c, keyTypes, hipaa), OperationKind.SimpleAssignment);
                start.RegisterOperationAction(c => AnalyzeCurve(c, hipaa), OperationKind.PropertyReference, OperationKind.Invocation);
            });
        }

        private static void AnalyzeSizedCall(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> keyTypes, HipaaCompilation hipaa)
        {
            var (method, arguments) = context.Operation switch
            {
                IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Create" } call } invocation => (call, invocation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (method is null || CryptoApi.FamilyOf(method.ContainingType, keyTypes) is not { } family)
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Int32 } parameter
                    && parameter.Name.IndexOf("keySize", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    var api = method.MethodKind == MethodKind.Constructor
                        ? "new " + method.ContainingType.Name
                        : method.ContainingType.Name + ".Create";
                    Check(context, hipaa, family, CryptoApi.ConstantInt(argument.Value), argument.Value.Syntax, api, context.Operation);
                    return;
                }
            }

            // The CSP classes generate a 1024-bit key when no size is given.
            if (context.Operation is IObjectCreationOperation { Arguments.Length: 0, Initializer: null } implicitSize
                && method.ContainingType.Name is "RSACryptoServiceProvider" or "DSACryptoServiceProvider")
            {
                Check(context, hipaa, family, 1024, implicitSize.Syntax, "new " + method.ContainingType.Name, implicitSize, "implicit");
            }
        }

        private static void AnalyzeKeySize(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> keyTypes, HipaaCompilation hipaa)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "KeySize" } target
                || CryptoApi.FamilyOf(target.Instance?.Type, keyTypes) is not { } family)
            {
                return;
            }

            var owner = target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                ? CryptoApi.Enclosing<IObjectCreationOperation>(assignment)
                : target.Instance;
            Check(context, hipaa, family, CryptoApi.ConstantInt(assignment.Value), assignment.Value.Syntax,
                target.Instance!.Type!.Name + ".KeySize", owner);
        }

        private static void Check(OperationAnalysisContext context, HipaaCompilation hipaa, INamedTypeSymbol family, int? size,
            SyntaxNode node, string api, IOperation? owner, string shape = "size")
        {
            var isEc = family.Name.StartsWith("EC", StringComparison.Ordinal);
            var minimum = isEc ? 256 : 2048;
            // A non-positive size is a sentinel or an error the API rejects at run time, not a short key.
            if (size is not { } bits || bits <= 0 || bits >= minimum || (owner is not null && CryptoApi.ImportsKeyLater(owner))
                || hipaa.ShouldSkip(node.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var algorithm = isEc ? "an elliptic curve" : family.Name;
            Report(context, node, api, algorithm, bits, minimum, isEc ? "256" : "3072", isEc ? "256 bits or more" : "3072 bits", shape);
        }

        private static void AnalyzeCurve(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            string? name;
            SyntaxNode node;
            switch (context.Operation)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType.Name: "NamedCurves" } curve } reference
                    when curve.ContainingType.ContainingType?.Name == "ECCurve":
                    (name, node) = (curve.Name, reference.Syntax);
                    break;
                case IInvocationOperation { TargetMethod: { Name: "CreateFromFriendlyName", ContainingType.Name: "ECCurve" } } call
                    when call.Arguments.Length == 1:
                    (name, node) = (CryptoApi.ConstantString(call.Arguments[0].Value), call.Arguments[0].Value.Syntax);
                    break;
                default:
                    return;
            }

            if (name is null || BitsOf(name) is not { } bits || bits >= 256
                || hipaa.ShouldSkip(node.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var shape = context.Operation is IPropertyReferenceOperation ? "nistP256" : "\"nistP256\"";
            // The API, not the literal, names the finding: a message never repeats a literal.
            var api = context.Operation is IPropertyReferenceOperation ? "ECCurve.NamedCurves." + name : "ECCurve.CreateFromFriendlyName";
            Report(context, node, api, "an elliptic curve", bits, 256, shape, "ECCurve.NamedCurves.nistP256 or larger", "curve");
        }

        private static int? BitsOf(string curveName)
        {
            try
            {
                var match = CurveBits.Match(curveName.Trim());
                return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string api, string algorithm, int bits,
            int minimum, string replacement, string instead, string shape)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.ShortKey))
                .Add(DiagnosticProperties.Fix, "useKeySize" + replacement.Trim('"'))
                .Add(CryptoProperties.Algorithm, algorithm)
                .Add(CryptoProperties.Replacement, replacement)
                .Add(CryptoProperties.Shape, shape)
                .Add("keySize", bits.ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ShortKey, node.GetLocation(), properties,
                api, algorithm, bits, minimum, instead));
        }
    }
}
