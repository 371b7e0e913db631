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
    /// <summary>
    /// HIPAA206: a fast hash or single HMAC over a password, PBKDF2 with SHA-1, the legacy defaults or too few iterations, and
    /// ASP.NET Core Identity's PasswordHasherOptions set to the V2 format or too few iterations.
    /// </summary>
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
                start.RegisterOperationAction(c => AnalyzeHasherOptions(c, hipaa), OperationKind.SimpleAssignment);
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
            // One HMAC over a password is as fast as a plain hash; one rehashed in a loop is a hand-written iterated KDF.
            if (!isDigest || !CryptoApi.InheritsFrom(type, hashAlgorithm)
                || (CryptoApi.InheritsFrom(type, keyed) && IteratedInMember(invocation))
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
                    case "password" when PasswordValues.IsKeyMaterialInput(argument.Value, context.CancellationToken):
                        return;
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

        /// <summary>PasswordHasherOptions: CompatibilityMode = IdentityV2 (PBKDF2-SHA1, 1,000 iterations) or a low IterationCount.</summary>
        private static void AnalyzeHasherOptions(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { ContainingType.Name: "PasswordHasherOptions" } property }
                || property.ContainingType.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Identity")
            {
                return;
            }

            var min = MinIterations(context, hipaa);
            var required = min * 7L / 20;
            string? problem = null;
            if (property.Name == "CompatibilityMode" && HashName(assignment.Value) == "IdentityV2")
            {
                problem = "selects the Identity V2 format (PBKDF2 with HMAC-SHA1 and 1000 iterations)";
            }
            else if (property.Name == "IterationCount" && CryptoApi.ConstantInt(assignment.Value) is { } n && n < required)
            {
                problem = "sets " + n.ToString(CultureInfo.InvariantCulture) + " PBKDF2 iterations, below "
                    + required.ToString(CultureInfo.InvariantCulture);
            }

            if (problem is null || hipaa.ShouldSkip(assignment.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            Report(context, assignment.Value.Syntax, "PasswordHasherOptions." + property.Name, problem, "hasherOptions", min);
        }

        /// <summary>The member also hashes in a loop: a hand-written iterated KDF around this first HMAC.</summary>
        private static bool IteratedInMember(IOperation operation)
        {
            foreach (var loop in CryptoApi.Root(operation).Descendants())
            {
                if (loop is ILoopOperation && System.Linq.Enumerable.Any(loop.Descendants(), d =>
                    d is IInvocationOperation { TargetMethod.Name: "ComputeHash" or "TryComputeHash" or "HashData" or "TransformBlock" }))
                {
                    return true;
                }
            }

            return false;
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
            var instead = shape == "hasherOptions"
                ? "PasswordHasherCompatibilityMode.IdentityV3 with at least " + (min * 7L / 20).ToString(CultureInfo.InvariantCulture)
                    + " iterations (or leave the defaults)"
                : "Rfc2898DeriveBytes.Pbkdf2 with a random per-user salt, HashAlgorithmName.SHA256 and at least " + minText
                + " iterations (or ASP.NET Core Identity's PasswordHasher)";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakPasswordHash, node.GetLocation(), properties, api, problem, instead));
        }
    }
}
