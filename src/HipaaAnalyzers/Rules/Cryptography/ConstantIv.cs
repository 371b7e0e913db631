using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>Decides whether an IV or nonce value is the same for every message: literal, zero, or the key itself.</summary>
    internal static class ConstantIv
    {
        /// <returns>A phrase for the message ("uses an all-zero IV"), or null when the IV may be fresh.</returns>
        public static string? Describe(IOperation value, IOperation? key, CancellationToken cancellationToken)
        {
            value = CryptoApi.Unwrap(value);
            if (key is not null && SameSymbol(value, CryptoApi.Unwrap(key)))
            {
                return "reuses the key as its IV";
            }

            switch (value)
            {
                case IPropertyReferenceOperation { Property.Name: "Key" }:
                    return "reuses the key as its IV";
                case IArrayCreationOperation or IInvocationOperation:
                    return Literal(value);
                case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                    return FieldInitializerIsLiteral(field, cancellationToken) ? "uses a constant IV shared by every message" : null;
                case ILocalReferenceOperation local:
                    // A local that is filled, copied into or read from anywhere else is not judged: only one used solely as the IV.
                    if (CryptoApi.LocalInitializer(local, cancellationToken) is not { } initializer
                        || Literal(CryptoApi.Unwrap(initializer)) is not { } problem)
                    {
                        return null;
                    }

                    foreach (var node in CryptoApi.Root(value).Descendants())
                    {
                        if (node is ILocalReferenceOperation other && other != value
                            && SymbolEqualityComparer.Default.Equals(other.Local, local.Local))
                        {
                            return null;
                        }
                    }

                    return problem;
                default:
                    return null;
            }
        }

        private static string? Literal(IOperation value)
        {
            switch (value)
            {
                case IArrayCreationOperation { Initializer: null }:
                    return "uses an all-zero IV";
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        if (!element.ConstantValue.HasValue)
                        {
                            return null;
                        }
                    }

                    return "uses a constant IV";
                case IInvocationOperation { TargetMethod.Name: "GetBytes" or "FromBase64String" or "FromHexString" } call
                    when call.Arguments.Length == 1 && CryptoApi.ConstantString(call.Arguments[0].Value) is not null:
                    return "uses a constant IV";
                default:
                    return null;
            }
        }

        private static bool FieldInitializerIsLiteral(IFieldSymbol field, CancellationToken cancellationToken)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
                {
                    return value switch
                    {
                        ArrayCreationExpressionSyntax array => array.Initializer is null
                            || array.Initializer.Expressions.All(
                                e => e is LiteralExpressionSyntax or CastExpressionSyntax { Expression: LiteralExpressionSyntax }),
                        ImplicitArrayCreationExpressionSyntax implicitArray =>
                            implicitArray.Initializer.Expressions.All(e => e is LiteralExpressionSyntax),
                        InitializerExpressionSyntax initializer => initializer.Expressions.All(e => e is LiteralExpressionSyntax),
                        InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } =>
                            arguments[0].Expression.IsKind(SyntaxKind.StringLiteralExpression),
                        _ => false,
                    };
                }
            }

            return false;
        }

        private static bool SameSymbol(IOperation a, IOperation b) => (a, b) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IFieldReferenceOperation x, IFieldReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Field, y.Field),
            _ => false,
        };
    }
}
