using System.Collections.Generic;
using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Integrity
{
    /// <summary>HIPAA502: serializers that let the payload name the types to create (BinaryFormatter and kin, TypeNameHandling).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureDeserializationAnalyzer : DiagnosticAnalyzer
    {
        private const string FormatterAdvice = "use System.Text.Json, XmlSerializer or DataContractSerializer with known types instead";
        private const string JsonNetAdvice = "use TypeNameHandling.None, or restrict the allowed types with an ISerializationBinder";

        private const string FixedTypeAdvice = "construct it with a fixed typeof(...) or a closed list of known types";

        /// <summary>Serializers that are safe with a fixed type but not with a type the data names.</summary>
        private static readonly ImmutableHashSet<string> ContractSerializers = ImmutableHashSet.Create(
            "XmlSerializer", "DataContractSerializer", "DataContractJsonSerializer");

        private static readonly string[] Formatters =
        {
            "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter",
            "System.Runtime.Serialization.NetDataContractSerializer",
            "System.Runtime.Serialization.Formatters.Soap.SoapFormatter",
            "System.Web.UI.LosFormatter",
            "System.Web.UI.ObjectStateFormatter",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.InsecureDeserialization);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var formatters = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var name in Formatters)
                {
                    if (start.Compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        formatters.Add(type);
                    }
                }

                var javaScript = start.Compilation.GetTypeByMetadataName("System.Web.Script.Serialization.JavaScriptSerializer");
                var typeNameHandling = start.Compilation.GetTypeByMetadataName("Newtonsoft.Json.TypeNameHandling");
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeCreation(c, formatters, javaScript, hipaa), OperationKind.ObjectCreation);

                if (typeNameHandling is not null)
                {
                    start.RegisterOperationAction(c => AnalyzeAssignment(c, typeNameHandling, hipaa), OperationKind.SimpleAssignment);
                }
            });
        }

        private static void AnalyzeCreation(
            OperationAnalysisContext context, HashSet<INamedTypeSymbol> formatters, INamedTypeSymbol? javaScript, HipaaCompilation hipaa)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type)
            {
                return;
            }

            var dangerous = formatters.Contains(type.OriginalDefinition);
            if (!dangerous && SymbolEqualityComparer.Default.Equals(type, javaScript))
            {
                // Only a type resolver makes JavaScriptSerializer read type names from the payload.
                foreach (var argument in creation.Arguments)
                {
                    dangerous |= argument.Parameter?.Type.Name == "JavaScriptTypeResolver"
                        && LocalAssignments.Unwrap(argument.Value) is not { ConstantValue: { HasValue: true, Value: null } };
                }
            }

            var namedType = !dangerous && ContractSerializers.Contains(type.Name) && TypeFromName(creation);
            if (!(dangerous || namedType) || hipaa.ShouldSkip(creation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var (what, advice) = type.Name switch
            {
                _ when namedType => ("'" + type.Name + "' built for a type named at run time", FixedTypeAdvice),
                "JavaScriptSerializer" => ("'JavaScriptSerializer' with a type resolver", "remove the type resolver"),
                _ => ("'" + type.Name + "'", FormatterAdvice),
            };
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InsecureDeserialization, creation.Syntax.GetLocation(),
                Properties(type.Name, "none"), what, advice));
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol typeNameHandling, HipaaCompilation hipaa)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation target
                || !IsTypeNameHandling(target.Property.Type, typeNameHandling)
                || !IsUnsafe(assignment.Value.ConstantValue))
            {
                return;
            }

            if (HasBinder(LocalAssignments.Root(assignment), target)
                || hipaa.ShouldSkip(assignment.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            // Attribute named arguments ([JsonProperty(TypeNameHandling = ...)]) arrive here as assignments too.
            Report(context.ReportDiagnostic, assignment.Value.Syntax, target.Property);
        }

        private static void Report(System.Action<Diagnostic> report, SyntaxNode value, IPropertySymbol property)
        {
            var what = property.Name + " other than None on '" + property.ContainingType.Name + "'";
            report(Diagnostic.Create(Descriptors.InsecureDeserialization, value.GetLocation(),
                Properties("Newtonsoft.Json", "typeNameHandlingNone"), what, JsonNetAdvice));
        }

        /// <summary>new XmlSerializer(Type.GetType(name)) with a name that is not a constant.</summary>
        private static bool TypeFromName(IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Type.Name == "Type"
                    && LocalAssignments.Unwrap(argument.Value) is IInvocationOperation { TargetMethod: { Name: "GetType", IsStatic: true } } getType
                    && getType.TargetMethod.ContainingType?.Name == "Type"
                    && getType.Arguments.Length > 0 && !getType.Arguments[0].Value.ConstantValue.HasValue)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTypeNameHandling(ITypeSymbol type, INamedTypeSymbol typeNameHandling)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return SymbolEqualityComparer.Default.Equals(type, typeNameHandling);
        }

        /// <summary>Only constant values are judged: a value read from configuration is not guessed at.</summary>
        private static bool IsUnsafe(Optional<object?> constant) =>
            constant.HasValue && constant.Value is int value && value != 0;

        /// <summary>
        /// A binder set on the same settings object (same initializer, or the same local, field or property) in this
        /// method restricts the types that can be created; a binder on another object says nothing about this one.
        /// </summary>
        private static bool HasBinder(IOperation root, IPropertyReferenceOperation typeNameHandling)
        {
            var owners = Owners(typeNameHandling.Instance);
            if (owners.Count == 0)
            {
                return false;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is ISimpleAssignmentOperation
                    {
                        Target: IPropertyReferenceOperation { Property.Name: "SerializationBinder" or "Binder" } binder,
                    } set
                    && SymbolEqualityComparer.Default.Equals(binder.Property.ContainingType, typeNameHandling.Property.ContainingType)
                    && !(set.Value.ConstantValue.HasValue && set.Value.ConstantValue.Value is null)
                    && Owners(binder.Instance).Overlaps(owners))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What identifies the object a property is set on: its creation and the variable that holds it.</summary>
        private static HashSet<object> Owners(IOperation? instance)
        {
            var owners = new HashSet<object>();
            switch (instance is null ? null : LocalAssignments.Unwrap(instance))
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                    var creation = receiver.Parent;
                    while (creation is not null and not IObjectCreationOperation)
                    {
                        creation = creation.Parent;
                    }

                    if (creation is null)
                    {
                        break;
                    }

                    owners.Add(creation);
                    var holder = creation.Parent;
                    while (holder is IConversionOperation or IParenthesizedOperation)
                    {
                        holder = holder.Parent;
                    }

                    if (holder is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                    {
                        owners.Add(((ISymbol)declarator.Symbol, ""));
                    }
                    else if (holder is ISimpleAssignmentOperation assignment && Symbol(assignment.Target) is { } target)
                    {
                        owners.Add(target);
                    }

                    break;
                case { } reference when Symbol(reference) is { } symbol:
                    owners.Add(symbol);
                    break;
            }

            return owners;
        }

        /// <summary>
        /// The variable a reference reads, with the member path below it: options.SerializerSettings is
        /// (options, ".SerializerSettings"), so two writes through the same path name the same object.
        /// </summary>
        private static (ISymbol Root, string Path)? Symbol(IOperation operation, int depth = 0)
        {
            switch (LocalAssignments.Unwrap(operation))
            {
                case ILocalReferenceOperation local:
                    return (local.Local, "");
                case IParameterReferenceOperation parameter:
                    return (parameter.Parameter, "");
                case IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member:
                    return (member.Member, "");
                case IMemberReferenceOperation { Instance: { } instance } member when depth < 4:
                    return Symbol(instance, depth + 1) is { } owner ? (owner.Root, owner.Path + "." + member.Member.Name) : null;
                default:
                    return null;
            }
        }

        private static ImmutableDictionary<string, string?> Properties(string serializer, string fix) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Sink, serializer)
                .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.InsecureDeserialization))
                .Add(DiagnosticProperties.Fix, fix);
    }
}
