using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Rules.Cryptography
{
    /// <summary>Diagnostic property keys shared by the cryptography rules and their fixes.</summary>
    internal static class CryptoProperties
    {
        public const string Algorithm = "algorithm";
        public const string Replacement = "replacement";
        public const string Shape = "shape";
    }

    internal sealed class WeakHash
    {
        public WeakHash(string algorithm, string replacement)
        {
            Algorithm = algorithm;
            Replacement = replacement;
        }

        public string Algorithm { get; }

        public string Replacement { get; }
    }

    /// <summary>The broken hash and MAC types of System.Security.Cryptography, resolved once per compilation.</summary>
    internal sealed class WeakHashes
    {
        private const string Namespace = "System.Security.Cryptography.";

        private readonly ImmutableArray<INamedTypeSymbol> _always;
        private readonly INamedTypeSymbol? _hmacSha1;

        public WeakHashes(Compilation compilation)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in new[] { "MD5", "SHA1", "RIPEMD160", "HMACMD5", "HMACRIPEMD160" })
            {
                if (compilation.GetTypeByMetadataName(Namespace + name) is { } type)
                {
                    builder.Add(type);
                }
            }

            _always = builder.ToImmutable();
            _hmacSha1 = compilation.GetTypeByMetadataName(Namespace + "HMACSHA1");
        }

        public WeakHash? Match(ITypeSymbol? type, bool includeHmacSha1)
        {
            var family = CryptoApi.FamilyOf(type, _always);
            if (family is null && includeHmacSha1 && CryptoApi.InheritsFrom(type, _hmacSha1))
            {
                family = _hmacSha1;
            }

            return family is null ? null : ByName(family.Name, includeHmacSha1);
        }

        /// <summary>Names accepted by CryptoConfig.CreateFromName and the obsolete Create(string) factories.</summary>
        public static WeakHash? ByName(string name, bool includeHmacSha1)
        {
            var key = name.Trim();
            if (key.StartsWith(Namespace, StringComparison.OrdinalIgnoreCase))
            {
                key = key.Substring(Namespace.Length);
            }

            key = key.Replace("-", "").ToUpperInvariant();
            switch (key)
            {
                case "MD5" or "MD5CRYPTOSERVICEPROVIDER" or "MD5CNG":
                    return new WeakHash("MD5", "SHA256");
                case "SHA" or "SHA1" or "SHA1CRYPTOSERVICEPROVIDER" or "SHA1MANAGED" or "SHA1CNG":
                    return new WeakHash("SHA-1", "SHA256");
                case "RIPEMD160" or "RIPEMD160MANAGED":
                    return new WeakHash("RIPEMD-160", "SHA256");
                case "HMACMD5":
                    return new WeakHash("HMAC-MD5", "HMACSHA256");
                case "HMACRIPEMD160":
                    return new WeakHash("HMAC-RIPEMD-160", "HMACSHA256");
                case "HMACSHA1" when includeHmacSha1:
                    return new WeakHash("HMAC-SHA1", "HMACSHA256");
                default:
                    return null;
            }
        }

        public bool IsFactory(INamedTypeSymbol? type) =>
            type is { Name: "CryptoConfig" or "HashAlgorithm" or "KeyedHashAlgorithm" or "HMAC" }
            && type.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography";

        /// <summary>
        /// PBKDF2 belongs to HIPAA206; certificate thumbprints identify rather than protect; OAEP padding with SHA-1 is sound.
        /// </summary>
        public static bool IsExemptConsumer(IMethodSymbol method) =>
            method.ContainingType?.Name is "Rfc2898DeriveBytes" or "KeyDerivation"
            || method.Name is "Pbkdf2" or "GetCertHash" or "GetCertHashString" or "TryGetCertHash" or "CreateOaep";

        public static bool IsMacConsumer(IMethodSymbol method) =>
            method.Name == "CreateHMAC" || method.ContainingType?.Name == "HKDF"
            || method.ContainingType?.Name.StartsWith("HMAC", StringComparison.Ordinal) == true;
    }
}
