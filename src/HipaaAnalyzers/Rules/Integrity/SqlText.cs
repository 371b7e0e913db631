using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Integrity
{
    /// <summary>
    /// Decides whether SQL text is visibly assembled from non-constant values. Text that only arrives (a parameter,
    /// a field, a call result) is not judged here: the place that builds it is.
    /// </summary>
    internal static class SqlText
    {
        private const int MaxDepth = 4;

        /// <summary>How the text is built and the first non-constant part, or null when constant or opaque.</summary>
        public static (string How, IOperation Part)? Built(IOperation value, IOperation root, int depth = 0)
        {
            value = LocalAssignments.Unwrap(value);
            if (value.ConstantValue.HasValue || depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && !IsConstantLike(hole.Expression, root, depth))
                        {
                            return ("interpolation", hole.Expression);
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return FirstVariable(binary.LeftOperand, root, depth, "concatenation")
                        ?? FirstVariable(binary.RightOperand, root, depth, "concatenation");
                case IInvocationOperation invocation:
                    return BuiltByCall(invocation, root, depth);
                case IParameterReferenceOperation parameter when IsRequestParameter(parameter.Parameter):
                    return ("request input", parameter);
                case IConditionalOperation conditional:
                    return Built(conditional.WhenTrue, root, depth + 1) ?? (conditional.WhenFalse is { } f ? Built(f, root, depth + 1) : null);
                case ILocalReferenceOperation local:
                    foreach (var (assigned, appends) in LocalAssignments.Of(local.Local, root))
                    {
                        if (appends && !IsConstantLike(assigned, root, depth + 1))
                        {
                            return ("concatenation", assigned);
                        }

                        if (Built(assigned, root, depth + 1) is { } built)
                        {
                            return built;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A string parameter of a controller action or page handler is bound from the HTTP request.</summary>
        private static bool IsRequestParameter(IParameterSymbol parameter)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String
                || parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method
                || method.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            for (var type = method.ContainingType?.BaseType; type is not null; type = type.BaseType)
            {
                if (type.Name is "ControllerBase" or "Controller" or "ApiController" or "PageModel"
                    && type.ContainingNamespace?.ToDisplayString() is { } ns
                    && (ns.StartsWith("Microsoft.AspNetCore.", System.StringComparison.Ordinal)
                        || ns.StartsWith("System.Web.", System.StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static (string, IOperation)? FirstVariable(IOperation operand, IOperation root, int depth, string how)
        {
            operand = LocalAssignments.Unwrap(operand);
            if (operand is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner && inner.Type?.SpecialType == SpecialType.System_String)
            {
                return FirstVariable(inner.LeftOperand, root, depth, how) ?? FirstVariable(inner.RightOperand, root, depth, how);
            }

            return IsConstantLike(operand, root, depth) ? null : (how, operand);
        }

        private static (string, IOperation)? BuiltByCall(IInvocationOperation invocation, IOperation root, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic
                && method.Name is "Format" or "Concat")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type.Name == "IFormatProvider")
                    {
                        continue;
                    }

                    foreach (var item in Items(argument.Value))
                    {
                        if (!IsConstantLike(item, root, depth))
                        {
                            return ("string." + method.Name, item);
                        }
                    }
                }

                return null;
            }

            // "... {name} ...".Replace("{name}", name): a placeholder filled with a value is concatenation by another name.
            if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name == "Replace" && !method.IsStatic
                && invocation.Arguments.Length >= 2 && !IsConstantLike(invocation.Arguments[1].Value, root, depth))
            {
                return ("string.Replace", invocation.Arguments[1].Value);
            }

            // FormattableString.Invariant($"...") and FormattableStringFactory.Create(format, ...) produce plain text.
            if (method.Name is "Invariant" or "CurrentCulture" or "Create" && method.IsStatic
                && method.ContainingType?.Name is "FormattableString" or "FormattableStringFactory" && invocation.Arguments.Length > 0)
            {
                return Built(invocation.Arguments[0].Value, root, depth + 1);
            }

            // sb.ToString(): what was appended along the fluent chain and, for a local builder, anywhere in this method.
            if (method.Name == "ToString" && method.Parameters.Length == 0 && method.ContainingType?.Name == "StringBuilder"
                && invocation.Instance is { } receiver)
            {
                if (AppendedIn(receiver, root, depth, out var builder) is { } appended)
                {
                    return ("StringBuilder", appended);
                }

                if (builder is null)
                {
                    return null;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is IInvocationOperation { TargetMethod.Name: "Append" or "AppendLine" or "AppendFormat" or "Insert" } append
                        && SymbolEqualityComparer.Default.Equals(ChainRoot(append) is ILocalReferenceOperation target ? target.Local : null, builder)
                        && NonConstantArgument(append, root, depth) is { } item)
                    {
                        return ("StringBuilder", item);
                    }
                }

                foreach (var (assigned, _) in LocalAssignments.Of(builder, root))
                {
                    if (AppendedIn(assigned, root, depth, out _) is { } item)
                    {
                        return ("StringBuilder", item);
                    }
                }
            }

            return null;
        }

        /// <summary>The first non-constant value along a fluent chain (new StringBuilder(..).Append(..)...), and the local it starts from.</summary>
        private static IOperation? AppendedIn(IOperation chain, IOperation root, int depth, out ILocalSymbol? builder)
        {
            builder = null;
            var current = LocalAssignments.Unwrap(chain);
            while (current is IInvocationOperation
                {
                    TargetMethod.Name: "Append" or "AppendLine" or "AppendFormat" or "Insert", Instance: { } next,
                } link)
            {
                if (NonConstantArgument(link, root, depth) is { } item)
                {
                    return item;
                }

                current = LocalAssignments.Unwrap(next);
            }

            switch (current)
            {
                case IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String && !IsConstantLike(argument.Value, root, depth))
                        {
                            return argument.Value;
                        }
                    }

                    return null;
                case ILocalReferenceOperation local:
                    builder = local.Local;
                    return null;
                default:
                    return null;
            }
        }

        private static IOperation ChainRoot(IInvocationOperation append)
        {
            IOperation current = append;
            while (current is IInvocationOperation { TargetMethod.Name: "Append" or "AppendLine" or "AppendFormat" or "Insert", Instance: { } next })
            {
                current = LocalAssignments.Unwrap(next);
            }

            return current;
        }

        private static IOperation? NonConstantArgument(IInvocationOperation append, IOperation root, int depth)
        {
            foreach (var argument in append.Arguments)
            {
                foreach (var item in Items(argument.Value))
                {
                    if (argument.Parameter?.Type.SpecialType != SpecialType.System_Int32 && !IsConstantLike(item, root, depth))
                    {
                        return item;
                    }
                }
            }

            return null;
        }

        private static System.Collections.Generic.IEnumerable<IOperation> Items(IOperation value)
        {
            value = LocalAssignments.Unwrap(value);
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }

            return new[] { value };
        }

        /// <summary>
        /// Values that cannot change the statement's shape: constants, numbers and other non-text scalars, static
        /// readonly fields, and locals only ever assigned such values.
        /// </summary>
        public static bool IsConstantLike(IOperation operation, IOperation root, int depth)
        {
            operation = LocalAssignments.Unwrap(operation);
            if (operation.ConstantValue.HasValue || operation is INameOfOperation or IDefaultValueOperation)
            {
                return true;
            }

            if (IsScalar(operation.Type))
            {
                return true;
            }

            if (depth > MaxDepth)
            {
                return false;
            }

            switch (operation)
            {
                case IFieldReferenceOperation { Field: { IsConst: true } or { IsStatic: true, IsReadOnly: true } }:
                    return true;
                case IInvocationOperation { TargetMethod: { Name: "Join", ContainingType.SpecialType: SpecialType.System_String } } join:
                    return IsConstantJoin(join, root, depth);
                case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } toString
                    when IsScalar(LocalAssignments.Unwrap(instance).Type ?? instance.Type):
                    // A number or enum as text: only a format string could add quotes, so it must be constant.
                    return toString.Arguments.All(a => a.Parameter?.Type.Name == "IFormatProvider" || a.Value.ConstantValue.HasValue);
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Arms.All(arm => IsConstantLike(arm.Value, root, depth + 1));
                case IInterpolatedStringOperation or IBinaryOperation or IInvocationOperation:
                    return IsComposed(operation) && Built(operation, root, depth + 1) is null;
                case IConditionalOperation conditional:
                    return IsConstantLike(conditional.WhenTrue, root, depth + 1)
                        && (conditional.WhenFalse is null || IsConstantLike(conditional.WhenFalse, root, depth + 1));
                case ILocalReferenceOperation local:
                    var assignments = LocalAssignments.Of(local.Local, root);
                    foreach (var (assigned, _) in assignments)
                    {
                        if (!IsConstantLike(assigned, root, depth + 1))
                        {
                            return false;
                        }
                    }

                    return assignments.Count > 0;
                default:
                    return false;
            }
        }

        /// <summary>
        /// string.Join of constants, of numbers, or of a projection to constant text: the usual way to build an
        /// IN (@p0, @p1, ...) parameter list, which is safe.
        /// </summary>
        private static bool IsConstantJoin(IInvocationOperation join, IOperation root, int depth)
        {
            foreach (var argument in join.Arguments)
            {
                var value = LocalAssignments.Unwrap(argument.Value);
                var element = value.Type switch
                {
                    IArrayTypeSymbol array => array.ElementType,
                    INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } sequence => sequence.TypeArguments[0],
                    _ => null,
                };
                if (IsScalar(element))
                {
                    continue;
                }

                if (IsConstantSequence(value, root, depth))
                {
                    continue;
                }

                foreach (var item in Items(value))
                {
                    if (!IsConstantLike(item, root, depth + 1))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>A projection to constant text, possibly materialised, or a local only ever holding one.</summary>
        private static bool IsConstantSequence(IOperation value, IOperation root, int depth)
        {
            value = LocalAssignments.Unwrap(value);
            while (value is IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" } materialise
                && (materialise.Instance ?? materialise.Arguments.FirstOrDefault()?.Value) is { } source)
            {
                value = LocalAssignments.Unwrap(source);
            }

            switch (value)
            {
                case IInvocationOperation { TargetMethod.Name: "Select" } select:
                    return ProjectsConstants(select, root, depth);
                case ILocalReferenceOperation local when depth <= MaxDepth:
                    var assignments = LocalAssignments.Of(local.Local, root);
                    return assignments.Count > 0 && assignments.All(a => !a.Appends && IsConstantSequence(a.Value, root, depth + 1));
                default:
                    return false;
            }
        }

        private static bool ProjectsConstants(IInvocationOperation select, IOperation root, int depth)
        {
            foreach (var argument in select.Arguments)
            {
                if (LocalAssignments.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    var returns = 0;
                    foreach (var operation in lambda.Body.Descendants())
                    {
                        if (operation is IReturnOperation { ReturnedValue: { } returned })
                        {
                            returns++;
                            if (!IsConstantLike(returned, root, depth + 1))
                            {
                                return false;
                            }
                        }
                    }

                    return returns > 0;
                }
            }

            return false;
        }

        /// <summary>Only text assembled by the shapes <see cref="Built"/> understands can be proven constant.</summary>
        private static bool IsComposed(IOperation operation) => operation switch
        {
            IInterpolatedStringOperation => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => binary.Type?.SpecialType == SpecialType.System_String,
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                && invocation.TargetMethod.Name is "Format" or "Concat",
            _ => false,
        };

        private static bool IsScalar(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_DateTime:
                    return true;
            }

            return type.TypeKind == TypeKind.Enum
                || (type.Name is "Guid" or "DateTimeOffset" or "DateOnly" or "TimeOnly" or "TimeSpan"
                    && type.ContainingNamespace?.ToDisplayString() == "System");
        }
    }
}
