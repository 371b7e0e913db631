using System.Security.Cryptography;

namespace PatientPortal.Cryptography;

/// <summary>Encrypts exported visit summaries before they are written to the archive share.</summary>
public sealed class ArchiveCipher
{
    private readonly byte[] _archiveKey;

    public ArchiveCipher(byte[] archiveKey) => _archiveKey = archiveKey;

    // HIPAA202: Triple DES has a 64-bit block and is withdrawn by NIST.
    public byte[] EncryptLegacy(byte[] visitSummary)
    {
        using var cipher = TripleDES.Create();
        cipher.Key = _archiveKey[..24];
        return cipher.EncryptCbc(visitSummary, cipher.IV);
    }

    // HIPAA203: ECB mode leaks repeated blocks of the summary.
    public byte[] EncryptBlocks(byte[] visitSummary)
    {
        using var aes = Aes.Create();
        aes.Key = _archiveKey[..32];
        aes.Mode = CipherMode.ECB;
        using var encryptor = aes.CreateEncryptor();
        return encryptor.TransformFinalBlock(visitSummary, 0, visitSummary.Length);
    }

    public byte[] Encrypt(byte[] visitSummary)
    {
        using var aes = Aes.Create();
        aes.Key = _archiveKey[..32];
        aes.GenerateIV();
        return [.. aes.IV, .. aes.EncryptCbc(visitSummary, aes.IV)];
    }
}
