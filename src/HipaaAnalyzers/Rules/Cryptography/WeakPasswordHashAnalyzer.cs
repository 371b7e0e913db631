using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>HIPAA206: a fast hash over a password, or PBKDF2 with SHA-1, the legacy defaults or too few iterations.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakPasswordHashAnalyzer : DiagnosticAnalyzer
    {
        public const string MinIterationsKey = OptionKeys.Prefix + "HIPAA206.min_pbkdf2_iterations";
        public const int DefaultMinIterations = 600_000;
        public const string MinIterationsProperty = "minIterations";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakPasswordHash);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var hashAlgorithm = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithm");
                var keyed = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.KeyedHashAlgorithm");
                if (hashAlgorithm is null)
                {
                    return;
                }

                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeFastHash(c, hashAlgorithm, keyed, hipaa), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzePbkdf2(c, hipaa), OperationKind.Invocation, OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeFastHash(
            OperationAnalysisContext context, INamedTypeSymbol hashAlgorithm, INamedTypeSymbol? keyed, HipaaCompilation hipaa)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.IsStatic ? method.ContainingType : invocation.Instance?.Type;
            var isDigest = method.IsStatic
                ? method.Name is "HashData" or "HashDataAsync" or "TryHashData"
                : method.Name is "ComputeHash" or "ComputeHashAsync" or "TryComputeHash" or "TransformBlock" or "TransformFinalBlock";
            if (!isDigest || !CryptoApi.InheritsFrom(type, hashAlgorithm) || CryptoApi.InheritsFrom(type, keyed)
                || !PasswordValues.ArgumentsReadPassword(invocation, context.CancellationToken)
                || hipaa.ShouldSkip(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var min = MinIterations(context, hipaa);
            Report(context, invocation.Syntax, type!.Name + "." + method.Name, "hashes a password with the fast hash " + type.Name,
                "fastHash", min);
        }

        private static void AnalyzePbkdf2(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            var (method, arguments) = context.Operation switch
            {
                IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Pbkdf2" } call } invocation => (call, invocation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (method?.ContainingType?.Name is "PasswordDeriveBytes" && method.MethodKind == MethodKind.Constructor
                && !hipaa.ShouldSkip(context.Operation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                Report(context, context.Operation.Syntax, "new PasswordDeriveBytes", "derives a password key with the obsolete PBKDF1",
                    "pbkdf1", MinIterations(context, hipaa));
                return;
            }

            if (method?.ContainingType?.Name is not ("Rfc2898DeriveBytes" or "KeyDerivation"))
            {
                return;
            }

            IOperation? iterations = null;
            IOperation? hash = null;
            foreach (var argument in arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "iterations" or "iterationCount":
                        iterations = argument.Value;
                        break;
                    case "hashAlgorithm" or "prf":
                        hash = argument.Value;
                        break;
                }
            }

            var min = MinIterations(context, hipaa);
            var hashName = hash is null ? "SHA1" : HashName(hash);
            var required = hashName is "SHA384" or "SHA512" or "HMACSHA512" ? min * 7L / 20 : min;
            var problems = new List<string>();
            if (hash is null || hashName is "SHA1" or "HMACSHA1" or "MD5")
            {
                problems.Add(hash is null ? "the legacy default HMAC-SHA1" : "HMAC-" + hashName!.Replace("HMAC", ""));
            }

            var count = iterations is null ? 1000 : CryptoApi.ConstantInt(iterations);
            if (count is { } n && n < required)
            {
                problems.Add(n.ToString(CultureInfo.InvariantCulture) + (iterations is null ? " iterations (the legacy default)" : " iterations")
                    + ", below " + required.ToString(CultureInfo.InvariantCulture));
            }

            if (problems.Count == 0 || hipaa.ShouldSkip(context.Operation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var api = method.MethodKind == MethodKind.Constructor ? "new Rfc2898DeriveBytes" : method.ContainingType.Name + ".Pbkdf2";
            Report(context, context.Operation.Syntax, api, "runs PBKDF2 with " + string.Join(" and ", problems), "pbkdf2", min);
        }

        private static string? HashName(IOperation hash) => CryptoApi.Unwrap(hash) switch
        {
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            _ => null,
        };

        private static int MinIterations(OperationAnalysisContext context, HipaaCompilation hipaa) =>
            hipaa.OptionsFor(context.Operation.Syntax.SyntaxTree).GetInt32(MinIterationsKey, DefaultMinIterations, 1, out _);

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string api, string problem, string shape, int min)
        {
            var minText = min.ToString(CultureInfo.InvariantCulture);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.WeakPasswordHash))
                .Add(DiagnosticProperties.Fix, shape == "pbkdf2" ? "usePbkdf2Sha256" : "none")
                .Add(CryptoProperties.Shape, shape)
                .Add(MinIterationsProperty, minText);
            var instead = "Rfc2898DeriveBytes.Pbkdf2 with a random per-user salt, HashAlgorithmName.SHA256 and at least " + minText
                + " iterations (or ASP.NET Core Identity's PasswordHasher)";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakPasswordHash, node.GetLocation(), properties, api, problem, instead));
        }
    }
}
