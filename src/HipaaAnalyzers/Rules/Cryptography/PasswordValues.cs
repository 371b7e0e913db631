using System.Collections.Generic;
using System.Threading;
using HipaaAnalyzers.Phi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>Recognises values named as passwords and hash objects that only ever digest them (HIPAA201/HIPAA206).</summary>
    internal static class PasswordValues
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

        // "passwordResetToken", "passwordCode": random secrets named after the password they reset; a fast hash suits them.
        private static readonly HashSet<string> RandomSecretEndings = new HashSet<string>
        {
            "token", "code", "otp", "nonce", "key", "id", "link", "stamp",
        };

        // Inputs of a key derivation that are key material, not a password: PBKDF2 over them is not judged.
        private static readonly HashSet<string> KeyMaterialWords = new HashSet<string>
        {
            "key", "ikm", "ctx", "context", "material", "seed", "entropy", "nonce", "token", "secret", "master", "label", "info",
        };

        public static bool IsPasswordName(string name)
        {
            var words = IdentifierWords.Split(name);
            return IdentifierWords.ContainsAny(words, PasswordWords) && !IdentifierWords.ContainsAny(words, NotPasswordWords)
                && !(words.Length > 1 && RandomSecretEndings.Contains(words[words.Length - 1]));
        }

        /// <summary>The password argument of a key derivation reads a symbol named as key material (key, ikm, ctx...) and no password.</summary>
        public static bool IsKeyMaterialInput(IOperation value, CancellationToken cancellationToken)
        {
            if (ReadsPassword(value, cancellationToken))
            {
                return false;
            }

            foreach (var node in Self(value))
            {
                var name = node switch
                {
                    IParameterReferenceOperation p => p.Parameter.Name,
                    IFieldReferenceOperation f => f.Field.Name,
                    IPropertyReferenceOperation r => r.Property.Name,
                    ILocalReferenceOperation l => l.Local.Name,
                    _ => null,
                };
                if (name is not null && IdentifierWords.ContainsAny(IdentifierWords.Split(name), KeyMaterialWords))
                {
                    return true;
                }
            }

            return false;
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
                            || (depth < 3 && CryptoApi.LocalInitializer(l, cancellationToken) is { } init && ReadsPassword(init, cancellationToken, depth + 1)))
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
            foreach (var node in CryptoApi.Root(creation).Descendants())
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
