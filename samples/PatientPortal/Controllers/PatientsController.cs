using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientPortal.Models;
using PatientPortal.Services;

namespace PatientPortal.Controllers;

[ApiController]
[Authorize]
[Route("api/patients")]
public class PatientsController : ControllerBase
{
    private readonly PatientDirectory _directory;
    private readonly ILogger<PatientsController> _logger;

    public PatientsController(PatientDirectory directory, ILogger<PatientsController> logger)
    {
        _directory = directory;
        _logger = logger;
    }

    [HttpPost]
    public ActionResult<Patient> Register(Patient patient)
    {
        // HIPAA001: a record-like dump of the request body, destructured into every property.
        _logger.LogInformation("Register request {@Patient}", patient);

        var created = _directory.Register(patient);
        return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
    }

    [HttpGet("{id:guid}")]
    public ActionResult<Patient> Get(Guid id)
    {
        // Safe: the route value is an opaque key.
        _logger.LogInformation("Fetching patient {PatientId}", id);
        var patient = _directory.Find(id);
        return patient is null ? NotFound() : patient;
    }
}
