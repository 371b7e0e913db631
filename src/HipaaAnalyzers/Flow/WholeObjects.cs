using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Flow
{
    /// <summary>When does writing a whole object write its members?</summary>
    public static class WholeObjects
    {
        /// <summary>
        /// True for records (compiler ToString prints every member) and for types whose own code overrides ToString.
        /// A plain class prints only its type name, so logging it as text leaks nothing.
        /// </summary>
        public static bool PrintsMembers(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.IsRecord)
            {
                return true;
            }

            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                var ns = current.ContainingNamespace?.ToDisplayString() ?? "";
                if (ns.StartsWith("System", System.StringComparison.Ordinal))
                {
                    break;
                }

                foreach (var member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { Parameters.Length: 0, IsOverride: true, IsImplicitlyDeclared: false })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
