using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Where a value ends up: the field, property, local or parameter it initialises or is assigned to, the parameter it
    /// is passed to, or the header / form field named by a literal key beside it (Add("X-Api-Key", value), dict["k"] = value).
    /// </summary>
    public sealed class SecretTarget
    {
        private SecretTarget(ISymbol? symbol, string name, bool isConstant, bool isKeyed, bool canBeRuntimeValue, string? owner = null)
        {
            _owner = owner;
            Symbol = symbol;
            Name = name;
            IsConstant = isConstant;
            IsKeyed = isKeyed;
            CanBeRuntimeValue = canBeRuntimeValue;
        }

        private readonly string? _owner;

        public ISymbol? Symbol { get; }

        /// <summary>The identifier or key that names the secret.</summary>
        public string Name { get; }

        public bool IsConstant { get; }

        /// <summary>The name comes from a literal key (a header, form field or connection-string key).</summary>
        public bool IsKeyed { get; }

        /// <summary>False for parameter defaults and other places that only accept constants, and for values written to the environment: no code fix there.</summary>
        public bool CanBeRuntimeValue { get; }

        /// <summary>"'Type.Member'" or "parameter 'password' of 'NetworkCredential'" for messages.</summary>
        public string Display => Symbol switch
        {
            IParameterSymbol parameter when !IsKeyed =>
                "parameter '" + parameter.Name + "' of '"
                + (parameter.ContainingSymbol?.ContainingType?.Name ?? parameter.ContainingSymbol?.Name) + "'",
            IFieldSymbol or IPropertySymbol when !IsKeyed => "'" + Symbol.ContainingType?.Name + "." + Symbol.Name + "'",
            _ when IsKeyed => "'" + Name + "'",
            _ => "'" + Name + "'",
        };

        /// <summary>The type that owns the symbol, used to qualify environment and configuration names.</summary>
        /// <remarks>
        /// In "var admin = new User { Password = ... }" the variable qualifies the name (ADMIN_PASSWORD), so seven seeded
        /// users do not all read one USER_PASSWORD.
        /// </remarks>
        public string? Container => _owner
            ?? (Symbol is IFieldSymbol or IPropertySymbol && Symbol.Locations.Any(l => l.IsInSource) ? Symbol.ContainingType?.Name : null);

        public static SecretTarget? Find(IOperation value, ISymbol? containingSymbol)
        {
            var current = value;
            while (current.Parent is { } parent)
            {
                switch (parent)
                {
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                    case IConditionalOperation conditional when conditional.Condition != current:
                        current = parent;
                        continue;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return new SecretTarget(declarator.Symbol, declarator.Symbol.Name, declarator.Symbol.IsConst, false, true);
                    case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                        var initialized = field.InitializedFields[0];
                        return new SecretTarget(initialized, initialized.Name, initialized.IsConst, false, true);
                    case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                        return new SecretTarget(property.InitializedProperties[0], property.InitializedProperties[0].Name, false, false, true);
                    case IParameterInitializerOperation parameterDefault:
                        return new SecretTarget(parameterDefault.Parameter, parameterDefault.Parameter.Name, true, false, false);
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        return FromReference(assignment.Target);
                    case IArgumentOperation argument when argument.Parameter is { } parameter:
                        return KeyedArgument(argument) ?? new SecretTarget(parameter, parameter.Name, false, false, true);
                    case IReturnOperation when containingSymbol is IMethodSymbol method:
                        var owner = method.AssociatedSymbol ?? method;
                        return owner.Kind == SymbolKind.Property || method.MethodKind == MethodKind.Ordinary
                            ? new SecretTarget(owner, owner.Name, false, false, true)
                            : null;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static SecretTarget? FromReference(IOperation target)
        {
            switch (target)
            {
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer
                    when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && IsKeyName(key):
                    return new SecretTarget(indexer.Property, key, false, true, true);
                case IPropertyReferenceOperation property:
                    return new SecretTarget(property.Property, property.Property.Name, false, false, true, InitializedObjectName(property.Instance));
                case IFieldReferenceOperation field:
                    return new SecretTarget(field.Field, field.Field.Name, false, false, true);
                case ILocalReferenceOperation local:
                    return new SecretTarget(local.Local, local.Local.Name, false, false, true);
                case IParameterReferenceOperation parameter:
                    return new SecretTarget(parameter.Parameter, parameter.Parameter.Name, false, false, true);
                default:
                    return null;
            }
        }

        /// <summary>The local, field or property an object initializer's object is stored in, or null.</summary>
        private static string? InitializedObjectName(IOperation? instance)
        {
            if (instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                return null;
            }

            IOperation? current = instance;
            while (current is not null and not IObjectCreationOperation)
            {
                current = current.Parent;
            }

            var parent = current?.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            var name = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local.Name,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field.Name,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property.Name,
                _ => null,
            };
            name = name?.TrimStart('_');
            return string.IsNullOrEmpty(name) ? null : char.ToUpperInvariant(name![0]) + name.Substring(1);
        }

        /// <summary>Header, form and configuration key names only: a key is printed in messages, so it must not be data.</summary>
        private static bool IsKeyName(string key)
        {
            if (key.Length == 0 || key.Length > 64)
            {
                return false;
            }

            foreach (var c in key)
            {
                if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or ' '))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Add("client_secret", value), new KeyValuePair("X-Api-Key", value): the key literal names the value.</summary>
        private static SecretTarget? KeyedArgument(IArgumentOperation argument)
        {
            var arguments = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default,
            };
            if (arguments.IsDefault || arguments.Length < 2 || arguments[1] != argument || argument.Parameter is null
                || argument.Parameter.Name is not ("value" or "values" or "val"))
            {
                return null;
            }

            // SetEnvironmentVariable("DB_PASSWORD", "...") would be "fixed" into reading the variable it sets.
            var writesEnvironment = argument.Parent is IInvocationOperation { TargetMethod.Name: "SetEnvironmentVariable" };
            return arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && IsKeyName(key)
                ? new SecretTarget(argument.Parameter, key, false, true, !writesEnvironment)
                : null;
        }
    }
}
