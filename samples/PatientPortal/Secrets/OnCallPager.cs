namespace PatientPortal.Secrets;

/// <summary>Pages the on-call engineer. Trips HIPAA102: a Slack incoming-webhook URL is committed in source.</summary>
public sealed class OnCallPager
{
    private readonly HttpClient _http;

    public OnCallPager(HttpClient http) => _http = http;

    // HIPAA102: anyone holding this URL can post into the clinic's incident channel.
    public Task PageAsync(string text, CancellationToken cancellationToken) =>
        _http.PostAsync("https://hooks.slack.com/services/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", new StringContent(text), cancellationToken);
}
