using Microsoft.AspNetCore.Mvc;

namespace PatientPortal.Integrity;

/// <summary>Patients upload outside lab results (PDF scans) to their chart.</summary>
[ApiController]
[Route("api/lab-results")]
public sealed class LabResultUploadsController : ControllerBase
{
    private readonly string _uploadRoot = Path.Combine(Path.GetTempPath(), "patient-portal", "lab-results");

    [HttpPost]
    public async Task<IActionResult> Upload(IFormFile file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_uploadRoot);

        // HIPAA503: a file named "../../appsettings.json" lands outside the folder or replaces another chart's scan.
        var path = Path.Combine(_uploadRoot, file.FileName);
        await using (var stream = new FileStream(path, FileMode.Create))
        {
            await file.CopyToAsync(stream, cancellationToken);
        }

        return Ok();
    }
}
