using System;
using System.Collections.Immutable;
using System.Linq;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>
    /// HIPAA101: a literal (or constant) given to a symbol, parameter, header or form field whose name says password,
    /// secret, token, API key or private key; Basic/Bearer headers and JWT signing keys built from literals.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HardCodedCredential);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeValue(c, hipaa), OperationKind.Literal, OperationKind.FieldReference);
                start.RegisterOperationAction(c => AnalyzeCreation(c, hipaa), OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeValue(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            var operation = context.Operation;
            if (operation.ConstantValue is not { HasValue: true, Value: string { Length: > 0 } value }
                || (operation is IFieldReferenceOperation field && !(field.Field.IsConst && operation.Parent is IArgumentOperation)))
            {
                return;
            }

            var target = SecretTarget.Find(operation, context.ContainingSymbol);
            if (target is { IsKeyed: true } && IsAuthorizationHeader(target.Name, value))
            {
                AnalyzeAuthorizationHeader(context, hipaa, target, value);
                return;
            }

            if (target is null
                || SecretNames.Classify(target.Name) != SecretNameKind.Credential
                || !(target.IsKeyed || IsTextual(target.Symbol))
                || (operation is IFieldReferenceOperation reference && SecretNames.Classify(reference.Field.Name) != SecretNameKind.None))
            {
                return;
            }

            var tree = operation.Syntax.SyntaxTree;
            if (hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var values = SecretValues.For(hipaa.OptionsFor(tree));
            if (SecretDiagnostics.LooksLikeConnectionString(value) || SecretFormats.Match(value, values) is not null
                || !values.MayBeSecret(value, target.IsConstant))
            {
                return;
            }

            Report(context, operation.Syntax, target.Display, SecretNames.Describe(target.Name),
                target.CanBeRuntimeValue, SecretNames.EnvironmentName(target.Name, target.Container ?? ContainerOf(context)),
                SecretNames.ConfigurationKey(target.Name, target.Container ?? ContainerOf(context)));
        }

        private static bool IsAuthorizationHeader(string name, string value) =>
            name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            && (value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase));

        /// <summary>headers.Add("Authorization", "Basic ...") with the credential written out.</summary>
        private static void AnalyzeAuthorizationHeader(OperationAnalysisContext context, HipaaCompilation hipaa, SecretTarget target, string value)
        {
            var credential = value.Substring(value.IndexOf(' ') + 1).Trim();
            var tree = context.Operation.Syntax.SyntaxTree;
            if (credential.Length < 8 || hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken)
                || context.Operation is not ILiteralOperation)
            {
                return;
            }

            var values = SecretValues.For(hipaa.OptionsFor(tree));
            if (values.IsPlaceholder(credential) || credential.IndexOf(' ') >= 0 || SecretFormats.Match(value, values) is not null)
            {
                return;
            }

            var kind = value.StartsWith("Basic", StringComparison.OrdinalIgnoreCase) ? "Basic authentication credential" : "bearer token";
            var container = ContainerOf(context);
            Report(context, context.Operation.Syntax, target.Display, kind, target.CanBeRuntimeValue,
                SecretNames.EnvironmentName(kind == "bearer token" ? "ApiToken" : "ApiCredential", container), SecretNames.ConfigurationKey("Authorization", container));
        }

        /// <summary>new AuthenticationHeaderValue("Basic", ...literal...) and new SymmetricSecurityKey(Encoding.X.GetBytes("...")).</summary>
        private static void AnalyzeCreation(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var typeName = creation.Type?.Name;
            if (typeName is not ("AuthenticationHeaderValue" or "SymmetricSecurityKey") || creation.Arguments.Length == 0)
            {
                return;
            }

            var header = typeName == "AuthenticationHeaderValue";
            if (header && !(creation.Arguments.Length == 2 && creation.Arguments[0].Value.ConstantValue.Value is string scheme
                && (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))))
            {
                return;
            }

            var tree = creation.Syntax.SyntaxTree;
            if (hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var values = SecretValues.For(hipaa.OptionsFor(tree));
            var argument = creation.Arguments[header ? 1 : 0].Value;
            var literal = argument.DescendantsAndSelf().FirstOrDefault(l =>
                (l is ILiteralOperation ? l.ConstantValue.Value as string : (l as IUtf8StringOperation)?.Value) is { } text
                && text.Length >= 3 && !values.IsPlaceholder(text)
                && SecretFormats.Match(text, values) is null && !argument.DescendantsAndSelf().Any(IsVariable));
            if (literal is null || literal.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)
            {
                return;
            }

            var kind = !header ? "JWT signing secret" : creation.Arguments[0].Value.ConstantValue.Value is "Basic" or "basic"
                ? "Basic authentication credential" : "bearer token";
            var container = ContainerOf(context);
            var name = header ? "AuthorizationHeader" : "SigningKey";
            Report(context, literal.Syntax, "'" + typeName + "' in '" + (context.ContainingSymbol?.Name ?? "?") + "'", kind, true,
                SecretNames.EnvironmentName(header ? "Api" + (kind == "bearer token" ? "Token" : "Credential") : "JwtSigningKey", header ? container : null),
                SecretNames.ConfigurationKey(name, container));
        }

        private static bool IsVariable(IOperation operation) =>
            operation is ILocalReferenceOperation or IParameterReferenceOperation
            || (operation is IFieldReferenceOperation f && !f.Field.IsConst) || (operation is IPropertyReferenceOperation p && !p.Property.IsStatic)
            || operation is IInvocationOperation { TargetMethod.Name: not ("GetBytes" or "ToBase64String" or "Concat" or "Format" or "ToArray") };

        private static bool IsTextual(ISymbol? symbol)
        {
            var type = symbol switch
            {
                IFieldSymbol f => f.Type,
                IPropertySymbol p => p.Type,
                ILocalSymbol l => l.Type,
                IParameterSymbol p => p.Type,
                IMethodSymbol m => m.ReturnType,
                _ => null,
            };
            return type?.SpecialType is SpecialType.System_String or SpecialType.System_Object;
        }

        private static string? ContainerOf(OperationAnalysisContext context) => context.ContainingSymbol?.ContainingType?.Name;

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string display, string kind, bool fixable,
            string environmentName, string configurationKey)
        {
            var properties = SecretDiagnostics.Properties(Descriptors.HardCodedCredential,
                fixable ? SecretDiagnostics.ReadFromEnvironment : SecretDiagnostics.NoFix,
                environmentName, configurationKey, SecretDiagnostics.SecretKind, kind);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardCodedCredential, node.GetLocation(), properties, display, kind));
        }
    }
}
