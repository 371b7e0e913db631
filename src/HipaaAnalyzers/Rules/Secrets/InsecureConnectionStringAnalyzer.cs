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
    /// HIPAA103: a connection string literal with an inline or empty password, Encrypt=False / SSL Mode=Disable, or
    /// TrustServerCertificate=True; and the same options set on a DbConnectionStringBuilder.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureConnectionStringAnalyzer : DiagnosticAnalyzer
    {
        public const string BuilderProperty = "builder";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.InsecureConnectionString);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeLiteral(c, hipaa), OperationKind.Literal);
                if (start.Compilation.GetTypeByMetadataName("System.Data.Common.DbConnectionStringBuilder") is { } builder)
                {
                    start.RegisterOperationAction(c => AnalyzeBuilderAssignment(c, hipaa, builder), OperationKind.SimpleAssignment);
                }
            });
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            var literal = context.Operation;
            if (literal.ConstantValue is not { HasValue: true, Value: string value } || value.IndexOf(';') < 0 || value.IndexOf('=') < 0
                || literal.Syntax is not LiteralExpressionSyntax)
            {
                return;
            }

            var tree = literal.Syntax.SyntaxTree;
            if (hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var continues = IsFollowedInConcatenation(literal);
            var problems = ConnectionStrings.Analyze(value, SecretValues.For(hipaa.OptionsFor(tree)), continues);
            if (problems == ConnectionStringProblems.None)
            {
                return;
            }

            var target = SecretTarget.Find(literal, context.ContainingSymbol);
            var container = target?.Container ?? context.ContainingSymbol?.ContainingType?.Name;
            var display = target?.Display ?? "'" + (context.ContainingSymbol?.Name ?? "this file") + "'";
            var fixable = target is not { CanBeRuntimeValue: false } || (problems & PasswordProblems) == 0;
            Report(context, literal.Syntax, display, problems, fixable, PasswordVariable(target?.Name, container), isBuilder: false);
        }

        /// <summary>Some later part of a + chain supplies more text: ("a" + "b;Password=") + value fills the password in.</summary>
        private static bool IsFollowedInConcatenation(IOperation literal)
        {
            var current = literal;
            while (current.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concat)
            {
                if (concat.LeftOperand == current)
                {
                    return true;
                }

                current = concat;
            }

            return false;
        }

        private static void AnalyzeBuilderAssignment(OperationAnalysisContext context, HipaaCompilation hipaa, INamedTypeSymbol builder)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property || !DerivesFrom(property.Property.ContainingType, builder))
            {
                return;
            }

            var key = property.Arguments.Length == 1 && property.Arguments[0].Value.ConstantValue.Value is string indexKey
                ? ConnectionStrings.Normalize(indexKey)
                : ConnectionStrings.Normalize(property.Property.Name);
            var value = assignment.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            var text = MemberName(value) ?? value.ConstantValue.Value?.ToString();
            var problems = ConnectionStrings.Analyze("Server=remote;" + key + "=" + text + ";", SecretValues.Default, false)
                & (ConnectionStringProblems.EncryptDisabled | ConnectionStringProblems.TrustServerCertificate);
            if (problems == ConnectionStringProblems.None
                || hipaa.ShouldSkip(assignment.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var owner = property.Instance is ILocalReferenceOperation local ? local.Local.Name : property.Property.ContainingType.Name;
            var display = "'" + owner + "'";
            Report(context, assignment.Value.Syntax, display, problems, fixable: true, null, isBuilder: true);
        }

        private const ConnectionStringProblems PasswordProblems = ConnectionStringProblems.InlinePassword | ConnectionStringProblems.EmptyPassword;

        private static string? MemberName(IOperation value) => value switch
        {
            IPropertyReferenceOperation p => p.Property.Name,
            IFieldReferenceOperation f => f.Field.Name,
            _ => null,
        };

        private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol builder)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, builder))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>PatientDbConnectionString -> PATIENT_DB_PASSWORD; no usable name -> DB_PASSWORD.</summary>
        private static string PasswordVariable(string? name, string? container)
        {
            var words = new System.Collections.Generic.List<string>();
            foreach (var word in SecretNames.Words(name ?? ""))
            {
                if (word is not ("connection" or "string" or "conn" or "str" or "cs" or "default"))
                {
                    words.Add(word.ToUpperInvariant());
                }
            }

            if (words.Count == 0 && container is not null)
            {
                words.Add(SecretNames.EnvironmentName(container, null));
            }

            return (words.Count == 0 ? "DB" : string.Join("_", words)) + "_PASSWORD";
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string display, ConnectionStringProblems problems,
            bool fixable, string? passwordVariable, bool isBuilder)
        {
            var properties = SecretDiagnostics.Properties(Descriptors.InsecureConnectionString,
                fixable ? "fixConnectionString" : SecretDiagnostics.NoFix, passwordVariable, null, SecretDiagnostics.Problems, problems.ToString());
            if (isBuilder)
            {
                properties = properties.Add(BuilderProperty, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InsecureConnectionString, node.GetLocation(), properties, display, ConnectionStrings.Describe(problems)));
        }
    }
}
