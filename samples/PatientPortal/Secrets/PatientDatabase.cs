using System.Data.Common;

namespace PatientPortal.Secrets;

/// <summary>Opens the patient database. Trips HIPAA103: the connection string turns off encryption.</summary>
public static class PatientDatabase
{
    // HIPAA103: Encrypt=False sends ePHI queries and results across the network in clear text.
    public const string ConnectionString =
        "Server=sql.clinic.internal;Database=Patients;Integrated Security=True;Encrypt=False";

    public static DbConnectionStringBuilder Describe() => new() { ConnectionString = ConnectionString };
}
