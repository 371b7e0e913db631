using System.Security.Cryptography;

namespace PatientPortal.Secrets;

/// <summary>Encrypts clinical notes at rest. Trips HIPAA104: the AES key is a byte-array literal.</summary>
public sealed class RecordEncryptor
{
    // HIPAA104: every copy of the portal shares this key; load it from a key store instead.
    private static readonly byte[] NoteKey =
    {
        0x3C, 0x91, 0x5E, 0x07, 0xA2, 0x44, 0xD8, 0x1B, 0x6F, 0xC3, 0x29, 0x80, 0x52, 0xEE, 0x17, 0x9A,
    };

    public byte[] Encrypt(byte[] note)
    {
        using var aes = Aes.Create();
        aes.Key = NoteKey;
        return aes.EncryptCbc(note, aes.IV);
    }
}
