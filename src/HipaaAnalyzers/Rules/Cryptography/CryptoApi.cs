using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using HipaaAnalyzers.Phi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>Small operation helpers shared by the cryptography rules.</summary>
    internal static class CryptoApi
    {
        private static readonly HashSet<string> PasswordWords = new HashSet<string>
        {
            "password", "passwd", "pwd", "passphrase", "passcode",
        };

        // Names that contain "password" but describe something else: the stored hash, its rules or its timing.
        private static readonly HashSet<string> NotPasswordWords = new HashSet<string>
        {
            "salt", "hash", "hashed", "length", "policy", "count", "expiry", "expires", "expiration", "hint",
            "regex", "pattern", "label", "url", "changed", "date", "attempts", "attempt", "iterations",
        };

        private static readonly HashSet<string> DigestMethods = new HashSet<string>
        {
            "ComputeHash", "ComputeHashAsync", "TryComputeHash", "TransformBlock", "TransformFinalBlock",
        };

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

        public static bool IsPasswordName(string name)
        {
            var words = IdentifierWords.Split(name);
            return IdentifierWords.ContainsAny(words, PasswordWords) && !IdentifierWords.ContainsAny(words, NotPasswordWords);
        }

        /// <summary>
        /// True when <paramref name="value"/> reads a symbol named as a password, directly or through a local that was
        /// initialised from one (e.g. <c>var bytes = Encoding.UTF8.GetBytes(password)</c>).
        /// </summary>
        public static bool ReadsPassword(IOperation value, CancellationToken cancellationToken, int depth = 0)
        {
            foreach (var node in Self(value))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case IParameterReferenceOperation p when IsPasswordName(p.Parameter.Name):
                    case IFieldReferenceOperation f when IsPasswordName(f.Field.Name):
                    case IPropertyReferenceOperation r when IsPasswordName(r.Property.Name):
                        return true;
                    case ILocalReferenceOperation l:
                        if (IsPasswordName(l.Local.Name)
                            || (depth < 3 && LocalInitializer(l, cancellationToken) is { } init && ReadsPassword(init, cancellationToken, depth + 1)))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a hash object created by <paramref name="creation"/> only ever digests password-derived data:
        /// that case is HIPAA206's finding, not HIPAA201's.
        /// </summary>
        public static bool HashesPassword(IOperation creation, CancellationToken cancellationToken)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IInvocationOperation direct && DigestMethods.Contains(direct.TargetMethod.Name))
            {
                return ArgumentsReadPassword(direct, cancellationToken);
            }

            if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return false;
            }

            var uses = 0;
            foreach (var node in Root(creation).Descendants())
            {
                if (node is IInvocationOperation { Instance: ILocalReferenceOperation local } call
                    && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                    && DigestMethods.Contains(call.TargetMethod.Name))
                {
                    if (!ArgumentsReadPassword(call, cancellationToken))
                    {
                        return false;
                    }

                    uses++;
                }
            }

            return uses > 0;
        }

        public static bool ArgumentsReadPassword(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is "key" or "destination" or "cancellationToken")
                {
                    continue;
                }

                if (ReadsPassword(argument.Value, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

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

        private static IEnumerable<IOperation> Self(IOperation operation)
        {
            yield return operation;
            foreach (var descendant in operation.Descendants())
            {
                yield return descendant;
            }
        }
    }
}
