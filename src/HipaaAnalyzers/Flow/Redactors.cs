using System;
using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Flow
{
    /// <summary>
    /// Calls that cut PHI flow: configured redactor methods, Microsoft.Extensions.Compliance redactors, keyed HMACs, and
    /// methods whose name starts with a de-identification verb (Redact, Mask, Anonymize, Pseudonymize, Deidentify, Tokenize).
    /// </summary>
    public sealed class Redactors
    {
        private static readonly ImmutableArray<string> Verbs =
            ImmutableArray.Create("Redact", "Mask", "Anonymize", "Anonymise", "Pseudonymize", "Pseudonymise", "Deidentify", "DeIdentify", "Tokenize");

        private readonly ImmutableArray<string> _configured;

        public Redactors(HipaaOptions options)
        {
            _configured = options.RedactorMethods;
        }

        public bool IsRedactor(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
            if (ns.StartsWith("Microsoft.Extensions.Compliance", StringComparison.Ordinal) && method.Name == "Redact")
            {
                return true;
            }

            if (ns == "System.Security.Cryptography" && type.Name.StartsWith("HMAC", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var verb in Verbs)
            {
                if (method.Name.StartsWith(verb, StringComparison.Ordinal)
                    && (method.Name.Length == verb.Length || char.IsUpper(method.Name[verb.Length])))
                {
                    return true;
                }
            }

            if (_configured.IsDefaultOrEmpty)
            {
                return false;
            }

            var fullName = (ns.Length == 0 ? "" : ns + ".") + type.Name + "." + method.Name;
            foreach (var configured in _configured)
            {
                if (fullName == configured || fullName.EndsWith("." + configured, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
