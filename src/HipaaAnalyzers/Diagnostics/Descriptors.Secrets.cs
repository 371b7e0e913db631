using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Diagnostics
{
    public static partial class Descriptors
    {
        // Arguments name where a secret is and what kind it is; never the value or any part of it.
        public static readonly DiagnosticDescriptor HardCodedCredential = RuleFactory.Create(
            RuleIds.HardCodedCredential,
            "Hard-coded credential",
            "{0} holds a hard-coded {1}; anyone who can read the source, the binary or the settings file can use it to reach "
            + "systems that hold ePHI, so read it from a secret store, configuration or the environment (45 CFR 164.312(d))",
            Categories.Secrets,
            DiagnosticSeverity.Warning,
            "164.312(d)",
            "CWE-798",
            "A password, token, API key or client secret written into code or appsettings.json is copied to every clone, build "
            + "log and package, and cannot be rotated without a release. Person or entity authentication (45 CFR 164.312(d)) "
            + "requires that credentials stay with the people and services they identify. Load the value from configuration "
            + "backed by a secret store, user-secrets in development, or an environment variable.");

        public static readonly DiagnosticDescriptor KnownFormatSecret = RuleFactory.Create(
            RuleIds.KnownFormatSecret,
            "Secret with a known format in source",
            "{0} contains {1}; a live secret committed to source must be treated as leaked, so revoke it and load its "
            + "replacement from a secret store or the environment (45 CFR 164.312(d))",
            Categories.Secrets,
            DiagnosticSeverity.Warning,
            "164.312(d)",
            "CWE-798",
            "The literal matches the format of a real credential issued by a cloud, payment, source-hosting or messaging "
            + "provider, a private key block, or a signed token. Such secrets are harvested from public and internal "
            + "repositories within minutes. Revoke the secret, then read its replacement from configuration or the environment.");

        public static readonly DiagnosticDescriptor InsecureConnectionString = RuleFactory.Create(
            RuleIds.InsecureConnectionString,
            "Insecure connection string",
            "The connection string in {0} {1}; database traffic and logins carry ePHI, so keep the password in a secret store "
            + "or the environment and require encrypted, certificate-validated connections (45 CFR 164.312(e)(1))",
            Categories.Secrets,
            DiagnosticSeverity.Warning,
            "164.312(e)(1)",
            "CWE-319",
            "A connection string with an inline or empty password for a SQL login exposes the database credential; "
            + "Encrypt=False or an SSL mode of Disable sends queries and results in clear text; TrustServerCertificate=True "
            + "accepts any server certificate and allows interception. Transmission security (45 CFR 164.312(e)(1)) requires "
            + "protecting ePHI in transit.");

        public static readonly DiagnosticDescriptor HardCodedKeyMaterial = RuleFactory.Create(
            RuleIds.HardCodedKeyMaterial,
            "Hard-coded cryptographic key material",
            "{0} is set from hard-coded {1}; key material in source is shared by every copy of the program and cannot be "
            + "rotated, so generate it with RandomNumberGenerator or load it from a key store or the environment "
            + "(45 CFR 164.312(a)(2)(iv))",
            Categories.Secrets,
            DiagnosticSeverity.Warning,
            "164.312(a)(2)(iv)",
            "CWE-321",
            "Encryption of ePHI (45 CFR 164.312(a)(2)(iv)) is only as strong as the secrecy of its key. A key, IV or salt "
            + "written as a byte array or string literal is readable by anyone with the binary. Keys belong in a key store; "
            + "IVs and salts should be random per message or per password.");
    }
}
