using Microsoft.AspNetCore.Mvc;
using PatientPortal.Models;
using PatientPortal.Services;

namespace PatientPortal.Audit;

/// <summary>Records who did what to which patient record.</summary>
public interface IAuditTrail
{
    void Record(string actor, string action, Guid patientId);
}

/// <summary>Clinician chart access.</summary>
[ApiController]
[Route("api/charts")]
public sealed class ChartController : ControllerBase
{
    private readonly PatientDirectory _directory;
    private readonly IAuditTrail? _audit;

    public ChartController(PatientDirectory directory, IAuditTrail? audit = null)
    {
        _directory = directory;
        _audit = audit;
    }

    // HIPAA601: returns a full patient record but leaves no audit entry of who read it.
    [HttpGet("{id:guid}/contact")]
    public ActionResult<Patient> GetContact(Guid id) => new Patient { Id = id };

    [HttpGet("{id:guid}")]
    public ActionResult<Patient> Get(Guid id)
    {
        _audit?.Record(User.Identity?.Name ?? "unknown", "chart.read", id);
        return new Patient { Id = id };
    }
}
