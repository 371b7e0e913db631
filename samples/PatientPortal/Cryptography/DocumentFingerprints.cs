using System.Security.Cryptography;

namespace PatientPortal.Cryptography;

/// <summary>Fingerprints uploaded clinical documents so that tampering can be detected.</summary>
public sealed class DocumentFingerprints
{
    // HIPAA201: MD5 collisions are cheap, so an altered document can keep its fingerprint.
    public string Fingerprint(byte[] clinicalDocument) => Convert.ToHexString(MD5.HashData(clinicalDocument));

    public string SafeFingerprint(byte[] clinicalDocument) => Convert.ToHexString(SHA256.HashData(clinicalDocument));
}
