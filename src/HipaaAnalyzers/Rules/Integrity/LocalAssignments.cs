using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Integrity
{
    /// <summary>Values written to a local within the method body that contains an operation (intra-procedural).</summary>
    internal static class LocalAssignments
    {
        public static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>Each write: the value and whether it appends (<c>+=</c>) rather than replaces.</summary>
        public static List<(IOperation Value, bool Appends)> Of(ILocalSymbol local, IOperation root)
        {
            var values = new List<(IOperation, bool)>();
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator
                        when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && declarator.GetVariableInitializer() is { } init:
                        values.Add((init.Value, false));
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } simple
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        values.Add((simple.Value, false));
                        break;
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        values.Add((compound.Value, true));
                        break;
                }
            }

            return values;
        }

        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>A short, literal-free name for a value: the symbol it reads, or the method it calls.</summary>
        public static string NameOf(IOperation operation)
        {
            switch (Unwrap(operation))
            {
                case ILocalReferenceOperation local: return "'" + local.Local.Name + "'";
                case IParameterReferenceOperation parameter: return "'" + parameter.Parameter.Name + "'";
                case IMemberReferenceOperation member: return "'" + member.Member.Name + "'";
                case IInvocationOperation invocation: return "'" + invocation.TargetMethod.Name + "()'";
                default: return "a non-constant value";
            }
        }
    }
}
