using System.Security.Cryptography;
using System.Text;

namespace PatientPortal.Cryptography;

/// <summary>Stores portal passwords for patients and proxies.</summary>
public sealed class PortalPasswordStore
{
    // HIPAA206: one fast SHA-256 round per guess makes a leaked table cheap to crack.
    public string HashPassword(string password) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    public (byte[] Salt, byte[] Hash) HashPasswordSafely(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32));
    }
}
