using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
            var field = owner is IFieldReferenceOperation fieldReference ? fieldReference.Field
                : parent is IFieldInitializerOperation { InitializedFields.Length: 1 } initializer ? initializer.InitializedFields[0]
                : parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation assigned } ? assigned.Field
                : null;
            if (field is not null)
            {
                return ConstructorImportsInto(field);
            }

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

        /// <summary>A constructor of the field's type calls _field.ImportX(...) or _field.FromXmlString(...) (syntax only).</summary>
        private static bool ConstructorImportsInto(IFieldSymbol field)
        {
            var constructors = field.IsStatic ? field.ContainingType.StaticConstructors : field.ContainingType.InstanceConstructors;
            foreach (var constructor in constructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    foreach (var access in reference.GetSyntax().DescendantNodes().OfType<MemberAccessExpressionSyntax>())
                    {
                        var name = access.Name.Identifier.ValueText;
                        var receiver = access.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self
                            ? self.Name.Identifier.ValueText
                            : (access.Expression as IdentifierNameSyntax)?.Identifier.ValueText;
                        if (receiver == field.Name && access.Parent is InvocationExpressionSyntax
                            && (name.StartsWith("Import", StringComparison.Ordinal) || name == "FromXmlString"))
                        {
                            return true;
                        }
                    }
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
