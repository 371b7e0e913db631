namespace PatientPortal.Models;

/// <summary>A patient record as the portal stores it.</summary>
public class Patient
{
    /// <summary>Opaque surrogate key: safe to log.</summary>
    public Guid Id { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }

    public string Ssn { get; set; } = "";

    public string MedicalRecordNumber { get; set; } = "";

    public string Email { get; set; } = "";

    public string PhoneNumber { get; set; } = "";

    public string PrimaryDiagnosis { get; set; } = "";
}
