using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Integrity
{
    /// <summary>HIPAA501: SQL text built by concatenation, interpolation or formatting reaches ADO.NET, Dapper or EF.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DynamicSqlAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DynamicSql);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = SqlSinks.Resolve(start.Compilation);
                if (sinks.IsEmpty)
                {
                    return;
                }

                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeCall(c, sinks, hipaa), OperationKind.Invocation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(
                    c => AnalyzeAssignment(c, sinks, hipaa), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            });
        }

        private static void AnalyzeCall(OperationAnalysisContext context, SqlSinks sinks, HipaaCompilation hipaa)
        {
            var (method, arguments, sink) = context.Operation switch
            {
                IInvocationOperation call when sinks.IsSqlMethod(call.TargetMethod) =>
                    (call.TargetMethod, call.Arguments, call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name),
                IObjectCreationOperation { Constructor: { } ctor } creation when sinks.IsCommandType(creation.Type) =>
                    (ctor, creation.Arguments, "new " + ctor.ContainingType.Name),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty, ""),
            };
            if (method is null)
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && SqlSinks.IsSqlParameterType(parameter.Type) && SqlSinks.IsSqlParameterName(parameter.Name))
                {
                    // EF sends an interpolated FormattableString as parameters; only a format assembled at run time is unsafe.
                    if (parameter.Type.Name == "FormattableString"
                        && LocalAssignments.Unwrap(argument.Value) is not IInvocationOperation { TargetMethod.Name: "Create" })
                    {
                        return;
                    }

                    Report(context, hipaa, argument.Value, sink, FixFor(context.Operation, method, argument));
                    return;
                }
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, SqlSinks sinks, HipaaCompilation hipaa)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "CommandText" } target
                || !sinks.IsCommandType(target.Property.ContainingType))
            {
                return;
            }

            var sink = target.Property.ContainingType.Name + ".CommandText";
            if (assignment is ICompoundAssignmentOperation compound)
            {
                if (!SqlText.IsConstantLike(compound.Value, LocalAssignments.Root(compound), 0))
                {
                    Report(context, hipaa, compound.Value, sink, "none");
                }

                return;
            }

            var fix = assignment.Parent is IExpressionStatementOperation && HasAddWithValue(target.Instance?.Type ?? target.Property.ContainingType)
                ? "addParameters" : "none";
            Report(context, hipaa, assignment.Value, sink, fix);
        }

        private static void Report(OperationAnalysisContext context, HipaaCompilation hipaa, IOperation value, string sink, string fix)
        {
            var tree = value.Syntax.SyntaxTree;
            if (hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            if (SqlText.Built(value, LocalAssignments.Root(value)) is not { } built)
            {
                return;
            }

            // A fix rewrites the text in place, so it needs the concatenation or interpolation itself, not a local.
            var direct = LocalAssignments.Unwrap(value) is IInterpolatedStringOperation or IBinaryOperation;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Sink, sink)
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.DynamicSql))
                .Add(DiagnosticProperties.Fix, direct ? fix : "none")
                .Add("construction", built.How);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DynamicSql, value.Syntax.GetLocation(), properties, sink, LocalAssignments.NameOf(built.Part), built.How));
        }

        private static string FixFor(IOperation call, IMethodSymbol method, IArgumentOperation sqlArgument)
        {
            if (call is IInvocationOperation invocation && SqlSinks.EfInterpolatedReplacements.TryGetValue(method.Name, out var replacement))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is not { } parameter)
                    {
                        return "none";
                    }

                    var receiver = parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true };
                    var extra = argument != sqlArgument && !receiver
                        && parameter.Type.Name != "CancellationToken" && argument.ArgumentKind == ArgumentKind.Explicit;
                    var parameters = argument.ArgumentKind == ArgumentKind.ParamArray
                        && argument.Value is IArrayCreationOperation { Initializer.ElementValues.Length: > 0 };
                    if (extra || parameters)
                    {
                        return "none";
                    }
                }

                var type = method.ReducedFrom?.ContainingType ?? method.ContainingType;
                return type.GetMembers(replacement).Length > 0 ? "useInterpolatedSql" : "none";
            }

            if (call is IInvocationOperation dapper && dapper.TargetMethod.ContainingType.Name == "SqlMapper")
            {
                foreach (var argument in dapper.Arguments)
                {
                    if (argument.Parameter?.Name == "param")
                    {
                        return argument.ArgumentKind == ArgumentKind.DefaultValue ? "anonymousParameters" : "none";
                    }
                }
            }

            return "none";
        }

        /// <summary>SqlClient, Npgsql and Sqlite commands expose a Parameters collection with AddWithValue; DbCommand does not.</summary>
        private static bool HasAddWithValue(ITypeSymbol command)
        {
            for (var type = command; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers("Parameters"))
                {
                    if (member is IPropertySymbol property)
                    {
                        return property.Type.GetMembers("AddWithValue").Length > 0;
                    }
                }
            }

            return false;
        }
    }
}
