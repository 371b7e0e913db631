using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Diagnostics
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor WeakHash = RuleFactory.Create(
            RuleIds.WeakHash,
            "Weak hash algorithm",
            "'{0}' uses {1}, which no longer resists collision or forgery attacks, so it cannot show that ePHI was not altered; "
            + "use {2} instead (45 CFR 164.312(c)(1))",
            Categories.Cryptography,
            DiagnosticSeverity.Warning,
            "164.312(c)(1)",
            "CWE-328",
            "MD5, SHA-1, RIPEMD-160 and HMAC-MD5 no longer resist collision or forgery attacks. A digest, signature or "
            + "MAC built on them cannot protect the integrity of electronic protected health information. "
            + "Use the SHA-256 family.");

        public static readonly DiagnosticDescriptor WeakCipher = RuleFactory.Create(
            RuleIds.WeakCipher,
            "Weak symmetric cipher",
            "'{0}' uses {1}, a cipher with a small key or block that can be broken or exhausted, so ePHI it encrypts "
            + "is not protected; use {2} instead (45 CFR 164.312(a)(2)(iv))",
            Categories.Cryptography,
            DiagnosticSeverity.Warning,
            "164.312(a)(2)(iv)",
            "CWE-327",
            "DES, Triple DES, RC2 and Rijndael with a non-AES block size are obsolete: their keys or 64-bit blocks are "
            + "within reach of attackers. Encryption of ePHI at rest or in transit should use AES.");

        public static readonly DiagnosticDescriptor InsecureCipherMode = RuleFactory.Create(
            RuleIds.InsecureCipherMode,
            "Insecure cipher mode or IV",
            "'{0}' {1}, so equal ePHI plaintexts give equal ciphertexts and patterns leak; {2} (45 CFR 164.312(a)(2)(iv))",
            Categories.Cryptography,
            DiagnosticSeverity.Warning,
            "164.312(a)(2)(iv)",
            "CWE-329",
            "ECB mode encrypts every block independently, and a constant, zero or reused initialization vector or nonce "
            + "makes CBC, CFB and GCM deterministic (and GCM forgeable). Use a fresh random IV per message, stored with "
            + "the ciphertext, or authenticated encryption such as AesGcm with a unique nonce.");

        public static readonly DiagnosticDescriptor ShortKey = RuleFactory.Create(
            RuleIds.ShortKey,
            "Cryptographic key too short",
            "'{0}' gives {1} a {2}-bit key, below the {3}-bit minimum, so keys protecting ePHI can be broken; "
            + "use {4} (45 CFR 164.312(a)(2)(iv))",
            Categories.Cryptography,
            DiagnosticSeverity.Warning,
            "164.312(a)(2)(iv)",
            "CWE-326",
            "RSA and DSA keys below 2048 bits and elliptic curves below 256 bits give less than 112 bits of security "
            + "(NIST SP 800-57, SP 800-131A). Use RSA 3072 or a 256-bit curve or larger.");

        public static readonly DiagnosticDescriptor InsecureRandom = RuleFactory.Create(
            RuleIds.InsecureRandom,
            "System.Random used for a security value",
            "'{0}' produces {1} '{2}' with System.Random, whose output can be predicted from a few samples; "
            + "use {3} instead (45 CFR 164.312(d))",
            Categories.Cryptography,
            DiagnosticSeverity.Warning,
            "164.312(d)",
            "CWE-338",
            "System.Random is not a cryptographic generator: its state can be recovered from its output. Tokens, "
            + "passwords, salts, nonces, keys, one-time codes and unguessable identifiers that guard access to ePHI "
            + "must come from RandomNumberGenerator.");

        public static readonly DiagnosticDescriptor WeakPasswordHash = RuleFactory.Create(
            RuleIds.WeakPasswordHash,
            "Weak password hashing",
            "'{0}' {1}, so stolen password hashes can be cracked quickly; use {2} (45 CFR 164.312(d))",
            Categories.Cryptography,
            DiagnosticSeverity.Warning,
            "164.312(d)",
            "CWE-916",
            "Passwords that authenticate users of ePHI systems must be stored with a slow, salted key-derivation "
            + "function. A fast hash (MD5, SHA-1, SHA-2) or PBKDF2 with SHA-1 or too few iterations lets an attacker "
            + "with the password table try billions of guesses per second.");
    }
}
