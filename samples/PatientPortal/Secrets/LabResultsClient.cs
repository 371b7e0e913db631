using System.Net.Http.Headers;

namespace PatientPortal.Secrets;

/// <summary>Calls the reference lab's results API. Trips HIPAA101: the API key is written into the code.</summary>
public sealed class LabResultsClient
{
    // HIPAA101: a hard-coded API key; read it from configuration or the environment instead.
    private const string LabApiKey = "lab-7Qm2-portal-prod";

    private readonly HttpClient _http;

    public LabResultsClient(HttpClient http)
    {
        _http = http;
        _http.DefaultRequestHeaders.Add("X-Api-Key", LabApiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
    }

    public Task<string> GetResultsAsync(string orderId, CancellationToken cancellationToken) =>
        _http.GetStringAsync($"https://lab.clinic.internal/orders/{orderId}/results", cancellationToken);
}
