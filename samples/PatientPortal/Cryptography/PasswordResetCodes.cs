namespace PatientPortal.Cryptography;

/// <summary>Issues the six-digit codes that let a patient reset a forgotten portal password.</summary>
public sealed class PasswordResetCodes
{
    private readonly Random _random = new();

    // HIPAA205: System.Random output is predictable, so the next reset code can be guessed.
    public string IssueResetCode()
    {
        var resetCode = _random.Next(0, 1_000_000).ToString("D6");
        return resetCode;
    }

    // Not a finding: retry jitter does not need to be unpredictable.
    public TimeSpan RetryDelay() => TimeSpan.FromMilliseconds(_random.Next(100, 500));
}
