using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>Small operation helpers shared by the cryptography rules.</summary>
    internal static class CryptoApi
    {
        public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (var current = type; current is not null && baseType is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first of <paramref name="candidates"/> that <paramref name="type"/> is or derives from.</summary>
        public static INamedTypeSymbol? FamilyOf(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> candidates)
        {
            foreach (var candidate in candidates)
            {
                if (InheritsFrom(type, candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        public static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion
                    ? conversion.Operand
                    : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        public static int? ConstantInt(IOperation? operation) =>
            operation?.ConstantValue is { HasValue: true, Value: int value } ? value : (int?)null;

        public static string? ConstantString(IOperation? operation) =>
            operation?.ConstantValue is { HasValue: true, Value: string value } ? value : null;

        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>A key imported after construction (parameters, PEM, XML) decides its own size.</summary>
        public static bool ImportsKeyLater(IOperation owner)
        {
            var parent = owner.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            var local = owner is ILocalReferenceOperation reference ? reference.Local
                : parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol
                : null;
            if (local is null)
            {
                return false;
            }

            foreach (var node in CryptoApi.Root(owner).Descendants())
            {
                if (node is IInvocationOperation { Instance: ILocalReferenceOperation target } call
                    && SymbolEqualityComparer.Default.Equals(target.Local, local)
                    && (call.TargetMethod.Name.StartsWith("Import", StringComparison.Ordinal) || call.TargetMethod.Name == "FromXmlString"))
                {
                    return true;
                }
            }

            return false;
        }

        public static T? Enclosing<T>(IOperation operation) where T : class, IOperation
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is T found)
                {
                    return found;
                }
            }

            return null;
        }

        public static IOperation? LocalInitializer(ILocalReferenceOperation reference, CancellationToken cancellationToken)
        {
            foreach (var syntaxReference in reference.Local.DeclaringSyntaxReferences)
            {
                var declarator = syntaxReference.GetSyntax(cancellationToken) as Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax;
                if (declarator?.Initializer?.Value is { } initializer && reference.SemanticModel is { } model
                    && initializer.SyntaxTree == model.SyntaxTree)
                {
                    return model.GetOperation(initializer, cancellationToken);
                }
            }

            return null;
        }
    }
}
