using Newtonsoft.Json;

namespace PatientPortal.Integrity;

/// <summary>A referral received from a partner clinic's system.</summary>
public sealed class Referral
{
    public Guid PatientId { get; set; }

    public string ReferringProvider { get; set; } = "";

    public object? Attachment { get; set; }
}

/// <summary>Imports referrals posted by partner clinics as JSON.</summary>
public static class ReferralImporter
{
    // HIPAA502: with TypeNameHandling.Auto the payload's "$type" picks the .NET type to create.
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    public static Referral? Import(string json) => JsonConvert.DeserializeObject<Referral>(json, Settings);
}
