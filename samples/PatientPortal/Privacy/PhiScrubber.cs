namespace PatientPortal.Privacy;

/// <summary>The portal's redactor, configured as hipaa_analyzers.redactor_methods in .editorconfig.</summary>
public static class PhiScrubber
{
    public static string Scrub(string? value) =>
        string.IsNullOrEmpty(value) ? "" : new string('*', Math.Max(0, value.Length - 2)) + value[^Math.Min(2, value.Length)..];
}
