namespace HipaaAnalyzers.Benchmarks.Corpus
{
    /// <summary>A column of a generated entity: its C# type and whether the sample code may log or send it.</summary>
    internal sealed record Field(string Name, string Type);

    /// <summary>The feature slices of a healthcare API; a module is one entity with its controller, service, data code.</summary>
    internal sealed record Entity(string Name, string Plural, Field[] Fields, bool HoldsPhi)
    {
        public static readonly Entity[] All =
        {
            new("Patient", "Patients", new Field[]
            {
                new("MedicalRecordNumber", "string"), new("FirstName", "string"), new("LastName", "string"),
                new("DateOfBirth", "DateTime"), new("Ssn", "string"), new("Email", "string"), new("PhoneNumber", "string"),
                new("AddressLine1", "string"), new("City", "string"), new("State", "string"), new("PostalCode", "string"),
                new("InsuranceMemberId", "string"), new("PrimaryProviderId", "int"), new("IsActive", "bool"),
            }, true),
            new("Appointment", "Appointments", new Field[]
            {
                new("PatientId", "int"), new("ProviderId", "int"), new("ScheduledAt", "DateTime"), new("DurationMinutes", "int"),
                new("Status", "string"), new("Reason", "string"), new("Room", "string"), new("IsTelehealth", "bool"),
            }, false),
            new("Prescription", "Prescriptions", new Field[]
            {
                new("PatientId", "int"), new("MedicationName", "string"), new("Dosage", "string"), new("Frequency", "string"),
                new("PrescribedAt", "DateTime"), new("PrescriberNpi", "string"), new("RefillsRemaining", "int"), new("Notes", "string"),
            }, true),
            new("LabResult", "LabResults", new Field[]
            {
                new("PatientId", "int"), new("TestCode", "string"), new("ResultValue", "string"), new("Units", "string"),
                new("ReferenceRange", "string"), new("CollectedAt", "DateTime"), new("Diagnosis", "string"), new("IsAbnormal", "bool"),
            }, true),
            new("Claim", "Claims", new Field[]
            {
                new("PatientId", "int"), new("ClaimNumber", "string"), new("CptCode", "string"), new("IcdCode", "string"),
                new("Amount", "decimal"), new("SubmittedAt", "DateTime"), new("Status", "string"), new("PayerName", "string"),
            }, true),
            new("Provider", "Providers", new Field[]
            {
                new("Npi", "string"), new("DisplayName", "string"), new("Specialty", "string"), new("WorkEmail", "string"),
                new("FacilityName", "string"), new("YearsOfPractice", "int"), new("IsAccepting", "bool"),
            }, false),
            new("Encounter", "Encounters", new Field[]
            {
                new("PatientId", "int"), new("AdmissionDate", "DateTime"), new("DischargeDate", "DateTime"), new("Diagnosis", "string"),
                new("ClinicalNote", "string"), new("Department", "string"), new("AttendingProviderId", "int"),
            }, true),
            new("Facility", "Facilities", new Field[]
            {
                new("Code", "string"), new("DisplayName", "string"), new("Region", "string"), new("BedCount", "int"),
                new("OpenedAt", "DateTime"), new("TimeZoneId", "string"),
            }, false),
            new("Invoice", "Invoices", new Field[]
            {
                new("AccountNumber", "string"), new("Amount", "decimal"), new("DueDate", "DateTime"), new("Status", "string"),
                new("Currency", "string"), new("IsPaid", "bool"),
            }, false),
            new("Device", "Devices", new Field[]
            {
                new("SerialNumber", "string"), new("ModelName", "string"), new("AssignedPatientId", "int"),
                new("LastCalibratedAt", "DateTime"), new("FirmwareVersion", "string"),
            }, true),
        };

        public Field FirstString => System.Array.Find(Fields, f => f.Type == "string")!;

        public Field SecondString => System.Array.FindAll(Fields, f => f.Type == "string")[1];
    }
}
