using System.Collections.Concurrent;
using PatientPortal.Models;
using PatientPortal.Privacy;

namespace PatientPortal.Services;

/// <summary>In-memory patient store with the logging a rushed integration typically adds.</summary>
public partial class PatientDirectory
{
    private readonly ConcurrentDictionary<Guid, Patient> _patients = new();
    private readonly ILogger<PatientDirectory> _logger;

    public PatientDirectory(ILogger<PatientDirectory> logger) => _logger = logger;

    public Patient Register(Patient patient)
    {
        patient.Id = Guid.NewGuid();
        _patients[patient.Id] = patient;

        // HIPAA001: the SSN goes into every log sink.
        _logger.LogInformation("Registered patient {PatientId} with SSN {Ssn}", patient.Id, patient.Ssn);

        // Safe: only the opaque key is logged.
        _logger.LogInformation("Registered patient {PatientId}", patient.Id);
        return patient;
    }

    public Patient? Find(Guid id) => _patients.TryGetValue(id, out var patient) ? patient : null;

    public Patient? FindByMrn(string mrn)
    {
        // HIPAA001: an interpolated message puts the medical record number in the text.
        _logger.LogDebug($"Looking up record {mrn}");

        var match = _patients.Values.FirstOrDefault(p => p.MedicalRecordNumber == mrn);
        if (match is null)
        {
            // Safe: the configured redactor masks the value before it is logged.
            _logger.LogWarning("No patient for MRN {Mrn}", PhiScrubber.Scrub(mrn));
        }

        return match;
    }

    public void UpdateContact(Guid id, string email)
    {
        if (!_patients.TryGetValue(id, out var patient))
        {
            return;
        }

        var previous = patient.Email;
        patient.Email = email;

        // HIPAA001: a local assigned from PHI is still PHI.
        Console.WriteLine("Email changed from " + previous);

        LogDiagnosisRecorded(_logger, patient.Id, patient.PrimaryDiagnosis);
    }

    // HIPAA001: a [LoggerMessage] method whose parameter is PHI.
    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded diagnosis for {PatientId}: {Diagnosis}")]
    private static partial void LogDiagnosisRecorded(ILogger logger, Guid patientId, string diagnosis);
}
