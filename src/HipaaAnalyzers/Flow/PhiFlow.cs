using System.Collections.Generic;
using System.Threading;
using HipaaAnalyzers.Phi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Flow
{
    /// <summary>
    /// Answers "does PHI reach this expression, and from where?" within one method body: member access, locals and
    /// parameters (following their assignments), interpolation, concatenation, string.Format/Concat/Join, ToString(),
    /// StringBuilder, object and collection initializers, serializers, and whole PHI-bearing objects. A redactor call cuts
    /// the flow. Cross-method flow is not followed (a known limit, documented in docs/phi-classifier.md).
    /// </summary>
    public sealed class PhiFlow
    {
        private const int MaxDepth = 24;

        private readonly PhiClassifier _classifier;
        private readonly Redactors _redactors;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ILocalSymbol> _visitingLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        public PhiFlow(PhiClassifier classifier, Redactors redactors, CancellationToken cancellationToken)
        {
            _classifier = classifier;
            _redactors = redactors;
            _cancellationToken = cancellationToken;
        }

        public PhiFinding? Find(IOperation? operation) => Visit(operation, 0);

        private PhiFinding? Visit(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxDepth || operation.ConstantValue.HasValue)
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            depth++;
            switch (operation)
            {
                case IConversionOperation conversion:
                    return Visit(conversion.Operand, depth);
                case IParenthesizedOperation parenthesized:
                    return Visit(parenthesized.Operand, depth);
                case IArgumentOperation argument:
                    return Visit(argument.Value, depth);
                case IAwaitOperation awaited:
                    return Visit(awaited.Operation, depth) ?? WholeObject(operation);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && Visit(hole.Expression, depth) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    return Visit(binary.LeftOperand, depth) ?? Visit(binary.RightOperand, depth);
                case IConditionalAccessOperation conditionalAccess:
                    return Visit(conditionalAccess.WhenNotNull, depth);
                case IConditionalAccessInstanceOperation:
                    return Visit(ConditionalReceiver(operation), depth);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (Visit(arm.Value, depth) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case ITupleOperation tuple:
                    return VisitAll(tuple.Elements, depth);
                case IArrayElementReferenceOperation element:
                    return Visit(element.ArrayReference, depth);
                case IImplicitIndexerReferenceOperation slice:
                    // ssn[..3] and names[^1]: a slice or element of PHI text is PHI.
                    return IsText(slice.Type) ? Visit(slice.Instance, depth) : null;
                case IAnonymousFunctionOperation lambda:
                    return VisitReturns(lambda.Body, depth);
                case IDelegateCreationOperation creation:
                    return Visit(creation.Target, depth);
                case IConditionalOperation conditional:
                    return Visit(conditional.WhenTrue, depth) ?? Visit(conditional.WhenFalse, depth);
                case ICoalesceOperation coalesce:
                    return Visit(coalesce.Value, depth) ?? Visit(coalesce.WhenNull, depth);
                case IInvocationOperation invocation:
                    return VisitInvocation(invocation, depth);
                case IMemberReferenceOperation member:
                    return VisitMember(member, depth);
                case ILocalReferenceOperation local:
                    return FromSymbol(local.Local, operation) ?? VisitLocalAssignments(local, depth);
                case IParameterReferenceOperation parameter:
                    return FromSymbol(parameter.Parameter, operation);
                case IObjectCreationOperation creation:
                    return WholeObject(operation) ?? VisitAll(creation.Arguments, depth) ?? VisitInitializer(creation.Initializer, depth);
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation assignment && Visit(assignment.Value, depth) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IArrayCreationOperation array:
                    return array.Initializer is null ? null : VisitAll(array.Initializer.ElementValues, depth);
                case IBinaryOperation:
                case ILiteralOperation:
                case IIsTypeOperation:
                case IIsPatternOperation:
                case ISizeOfOperation:
                case ITypeOfOperation:
                case INameOfOperation:
                    return null;
                default:
                    return WholeObject(operation);
            }
        }

        private PhiFinding? VisitInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (_redactors.IsRedactor(method))
            {
                return null;
            }

            var containing = method.ContainingType;
            if (containing?.SpecialType == SpecialType.System_String)
            {
                // string.Format/Concat/Join take the values as arguments; instance methods (Substring, Trim) keep the
                // receiver's PHI, but a bool or a number computed from it (Contains, IndexOf, Length) is not the value.
                if (!IsText(invocation.Type))
                {
                    return null;
                }

                return method.IsStatic ? VisitAll(invocation.Arguments, depth) : Visit(invocation.Instance, depth);
            }

            if (method.Name == "ToString" && invocation.Instance is { } receiver)
            {
                return Visit(receiver, depth) is { } found && !(found.IsWholeObject && !WholeObjects.PrintsMembers(found.Origin?.Type))
                    ? found
                    : null;
            }

            if (containing is not null && IsSerializer(containing, method.Name))
            {
                // Serializing a whole patient writes every member: the object counts as text here.
                return VisitAll(invocation.Arguments, depth) is { } serialized
                    ? new PhiFinding(serialized.Match, serialized.Origin, isWholeObject: false)
                    : null;
            }

            // LINQ: a projection's output is what its lambda returns (patients.Select(p => p.Ssn)); filters, ordering
            // and materialisation pass their source through (names.Where(...).ToList()); counts and tests are not the data.
            if (containing?.ContainingNamespace?.ToDisplayString() == "System.Linq" && containing.Name is "Enumerable" or "Queryable")
            {
                if (invocation.Type is null || invocation.Type.SpecialType is SpecialType.System_Boolean || IsNumber(invocation.Type))
                {
                    return null;
                }

                if (method.Name is "Select" or "SelectMany")
                {
                    return invocation.Arguments.Length > 1 ? Visit(invocation.Arguments[1].Value, depth) : null;
                }

                return invocation.Arguments.Length > 0 ? Visit(invocation.Arguments[0].Value, depth) : null;
            }

            if (containing?.Name == "StringBuilder" && invocation.Instance is { } builder)
            {
                return Visit(builder, depth) ?? VisitAll(invocation.Arguments, depth);
            }

            if (_classifier.Classify(method) is { } byName)
            {
                return new PhiFinding(byName, invocation, IsWhole(invocation.Type));
            }

            return WholeObject(invocation);
        }

        private PhiFinding? VisitMember(IMemberReferenceOperation member, int depth)
        {
            var symbol = member.Member;

            // Nullable<T>.Value and friends pass their receiver through.
            if (symbol.Name is "Value" && member.Instance?.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return Visit(member.Instance, depth);
            }

            if (symbol is IMethodSymbol or IEventSymbol)
            {
                return null;
            }

            if (FromSymbol(symbol, member) is { } direct)
            {
                return direct;
            }

            // A text part of a PHI member is PHI too: patient.HomeAddress.City, patient.Name.First.
            if (IsText(member.Type) && member.Instance is { } instance && Visit(instance, depth) is { IsWholeObject: false } owner)
            {
                return new PhiFinding(owner.Match, owner.Origin, isWholeObject: false);
            }

            return null;
        }

        /// <summary>The values a lambda body returns (an expression-bodied lambda has one implicit return).</summary>
        private PhiFinding? VisitReturns(IBlockOperation body, int depth)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value } && Visit(value, depth) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static bool IsNumber(ITypeSymbol type) => type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double;

        private static bool IsText(ITypeSymbol? type) =>
            type is not null && (type.SpecialType is SpecialType.System_String or SpecialType.System_Char
                || (type is IArrayTypeSymbol array && array.ElementType.SpecialType is SpecialType.System_String or SpecialType.System_Char));

        /// <summary>The receiver of a ?. access: the operation the enclosing IConditionalAccessOperation evaluates first.</summary>
        private static IOperation? ConditionalReceiver(IOperation instance)
        {
            for (var current = instance.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation access)
                {
                    return access.Operation;
                }
            }

            return null;
        }

        private PhiFinding? FromSymbol(ISymbol symbol, IOperation origin) =>
            _classifier.Classify(symbol) is { } match ? new PhiFinding(match, origin, IsWhole(origin.Type)) : null;

        private PhiFinding? WholeObject(IOperation operation) =>
            operation.Type is { } type && _classifier.ClassifyType(type) is { } match
                ? new PhiFinding(match, operation, isWholeObject: true)
                : null;

        private bool IsWhole(ITypeSymbol? type) =>
            type is not null && type.SpecialType != SpecialType.System_String && _classifier.ClassifyType(type) is not null;

        private PhiFinding? VisitAll(IEnumerable<IOperation> operations, int depth)
        {
            foreach (var operation in operations)
            {
                if (Visit(operation, depth) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private PhiFinding? VisitInitializer(IObjectOrCollectionInitializerOperation? initializer, int depth)
        {
            if (initializer is null)
            {
                return null;
            }

            foreach (var item in initializer.Initializers)
            {
                var found = item switch
                {
                    IAssignmentOperation assignment => Visit(assignment.Value, depth),
                    IInvocationOperation add => VisitAll(add.Arguments, depth),
                    _ => null,
                };
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>A local is PHI when any value assigned to it in the same body is (StringBuilder appends included).</summary>
        private PhiFinding? VisitLocalAssignments(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            if (!_visitingLocals.Add(local))
            {
                return null;
            }

            try
            {
                var root = reference.Parent;
                while (root?.Parent is not null)
                {
                    root = root.Parent;
                }

                if (root is null)
                {
                    return null;
                }

                foreach (var descendant in root.Descendants())
                {
                    var found = descendant switch
                    {
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                            => Visit(declarator.Initializer?.Value ?? DeclarationInitializer(declarator), depth),
                        IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                            when SymbolEqualityComparer.Default.Equals(target.Local, local)
                            => Visit(assignment.Value, depth),
                        IInvocationOperation append when append.TargetMethod.ContainingType?.Name == "StringBuilder"
                            && ReceiverRoot(append) is ILocalReferenceOperation target
                            && SymbolEqualityComparer.Default.Equals(target.Local, local)
                            => VisitAll(append.Arguments, depth),
                        _ => null,
                    };
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            }
            finally
            {
                _visitingLocals.Remove(local);
            }
        }

        /// <summary>The receiver at the start of a fluent chain: sb in sb.Append(a).Append(b).</summary>
        private static IOperation? ReceiverRoot(IInvocationOperation invocation)
        {
            var receiver = invocation.Instance;
            while (receiver is IInvocationOperation inner && inner.TargetMethod.ContainingType?.Name == "StringBuilder")
            {
                receiver = inner.Instance;
            }

            return receiver;
        }

        private static IOperation? DeclarationInitializer(IVariableDeclaratorOperation declarator) =>
            (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;

        private static bool IsSerializer(INamedTypeSymbol type, string method) =>
            (type.Name is "JsonSerializer" or "JsonConvert" or "XmlSerializer")
            && method.StartsWith("Serialize", System.StringComparison.Ordinal);
    }
}
