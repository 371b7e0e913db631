using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>Follows a random value up the operation tree to the first thing that names it.</summary>
    internal static class RandomFlow
    {
        public readonly struct Target
        {
            public Target(string? name, bool decides)
            {
                Name = name;
                Decides = decides;
            }

            /// <summary>The local, field, property, parameter or method the value lands in; null when none.</summary>
            public string? Name { get; }

            /// <summary>True when the destination is final (a parameter or a comparison): no fallback to the method name.</summary>
            public bool Decides { get; }
        }

        public static Target Destination(IOperation value)
        {
            var current = value;
            for (var step = 0; step < 16 && current.Parent is { } parent; step++, current = parent)
            {
                switch (parent)
                {
                    case IArrayElementReferenceOperation element when element.ArrayReference != current && !IsCharacter(element.Type):
                        // A random index picks an item (a test code, a key to probe): only picking characters builds a value.
                        return new Target(null, true);
                    case IReturnOperation { Parent: IBlockOperation { Parent: IAnonymousFunctionOperation lambda } }:
                        // "_ => chars[random.Next(n)]": the lambda's result flows on through Select/ToArray.
                        parent = lambda;
                        continue;
                    case IConversionOperation or IParenthesizedOperation or IInterpolationOperation or IInterpolatedStringOperation
                        or IArrayElementReferenceOperation or IObjectCreationOperation or IArrayInitializerOperation or IDelegateCreationOperation
                        or IArrayCreationOperation or IInterpolatedStringContentOperation or IPropertyReferenceOperation { Arguments.Length: > 0 }:
                        continue;
                    case IBinaryOperation binary:
                        if (binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Multiply or BinaryOperatorKind.Remainder
                            or BinaryOperatorKind.Subtract or BinaryOperatorKind.Or or BinaryOperatorKind.And or BinaryOperatorKind.ExclusiveOr
                            or BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.Divide)
                        {
                            continue;
                        }

                        // A comparison consumes the value: sampling and probability checks end here.
                        return new Target(null, true);
                    case IInvocationOperation call when call.Instance == current:
                        continue;
                    case IArgumentOperation argument:
                        if (argument.Parent is IInvocationOperation invocation && IsTransparent(invocation))
                        {
                            // The loop continues from the call itself.
                            parent = invocation;
                            if (invocation.Instance is ILocalReferenceOperation builder
                                && invocation.TargetMethod.Name.StartsWith("Append", System.StringComparison.Ordinal))
                            {
                                return new Target(builder.Local.Name, false);
                            }

                            continue;
                        }

                        if (argument.Parent is IPropertyReferenceOperation indexer && !IsCharacter(indexer.Type))
                        {
                            return new Target(null, true);
                        }

                        if (argument.Parent is IObjectCreationOperation or IPropertyReferenceOperation)
                        {
                            continue;
                        }

                        return new Target(argument.Parameter?.Name, true);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return new Target(declarator.Symbol.Name, false);
                    case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                        return new Target(field.InitializedFields[0].Name, false);
                    case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                        return new Target(property.InitializedProperties[0].Name, false);
                    case ISimpleAssignmentOperation or ICompoundAssignmentOperation:
                        var target = ((IAssignmentOperation)parent).Target;
                        if (target == current)
                        {
                            return new Target(null, true);
                        }

                        return new Target(TargetName(target), false);
                    case IReturnOperation:
                        return new Target(null, false);
                    default:
                        return new Target(null, true);
                }
            }

            return new Target(null, true);
        }

        private static bool IsCharacter(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Char or SpecialType.System_Byte;

        private static string? TargetName(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IArrayElementReferenceOperation element => TargetName(element.ArrayReference),
            _ => null,
        };

        /// <summary>Formatting and building calls pass the value on unchanged in meaning.</summary>
        private static bool IsTransparent(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.Name;
            return type is "String" or "Convert" or "StringBuilder" or "Math" or "Char" or "BitConverter" or "Enumerable"
                || method.Name is "ToString" or "Append" or "AppendFormat" or "Insert";
        }
    }
}
