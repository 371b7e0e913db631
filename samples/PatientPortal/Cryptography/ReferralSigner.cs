using System.Security.Cryptography;

namespace PatientPortal.Cryptography;

/// <summary>Signs referral letters sent to partner clinics.</summary>
public sealed class ReferralSigner : IDisposable
{
    // HIPAA204: a 1024-bit RSA key can be factored by a well-resourced attacker.
    private readonly RSA _signingKey = RSA.Create(1024);

    public byte[] Sign(byte[] referralLetter) =>
        _signingKey.SignData(referralLetter, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

    public void Dispose() => _signingKey.Dispose();
}
