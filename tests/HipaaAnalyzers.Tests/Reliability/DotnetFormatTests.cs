using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// The path a team or an agent takes from the command line: <c>dotnet format analyzers --diagnostics HIPAA001</c>
    /// over a copy of the PatientPortal sample wired to the analyzer assemblies under test, and the fix is on disk.
    /// </summary>
    [Trait("Category", "Slow")]
    public class DotnetFormatTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
        private readonly ITestOutputHelper _output;

        public DotnetFormatTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Dotnet_format_analyzers_applies_the_HIPAA001_fix_to_the_sample()
        {
            var work = Path.Combine(Path.GetTempPath(), "hipaa-format-" + Guid.NewGuid().ToString("N"));
            try
            {
                var project = CopySample(work);
                var target = Path.Combine(work, "Services", "PatientDirectory.cs");
                var before = File.ReadAllText(target);
                Assert.Contains("with SSN {Ssn}\", patient.Id, patient.Ssn)", before);

                var (exitCode, log) = await RunAsync("format", "analyzers", project, "--diagnostics", "HIPAA001", "--severity", "info", "-v", "normal");
                _output.WriteLine(log);
                Assert.True(exitCode == 0, $"dotnet format exited with {exitCode}");

                var after = File.ReadAllText(target);
                _output.WriteLine("[reliability] changed lines: " + string.Join(" | ",
                    after.Split('\n').Select(l => l.Trim()).Except(before.Split('\n').Select(l => l.Trim()))));
                Assert.NotEqual(before, after);
                Assert.Contains("_logger.LogInformation(\"Registered patient {PatientId} with SSN\", patient.Id);", after);
                Assert.DoesNotContain("{Ssn}", after);
                Assert.False(Regex.IsMatch(after, @"Log\w+\([^;]*patient\.Ssn"), "the SSN argument is still logged:\n" + after);
            }
            finally
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is harmless; the next run uses a new name.
                }
            }
        }

        /// <summary>Copies the sample and points it at this repository's MSBuild files and the analyzer dlls under test.</summary>
        private static string CopySample(string work)
        {
            var sample = RepoPaths.Combine("samples", "PatientPortal");
            foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(sample, file);
                var first = relative.Split(Path.DirectorySeparatorChar)[0];
                if (first is "bin" or "obj")
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, relative))!);
                File.Copy(file, Path.Combine(work, relative));
            }

            var project = Path.Combine(work, "PatientPortal.csproj");
            var package = RepoPaths.Combine("src", "HipaaAnalyzers.Package") + Path.DirectorySeparatorChar;
            var text = File.ReadAllText(project).Replace(@"..\..\src\HipaaAnalyzers.Package\", package);
            text = Regex.Replace(text, @"<ProjectReference\s+Include=""[^""]*?(HipaaAnalyzers(?:\.CodeFixes)?)\.csproj""[^>]*/>",
                m => $"<Analyzer Include=\"{Path.Combine(AppContext.BaseDirectory, m.Groups[1].Value + ".dll")}\" />");
            Assert.Contains("HipaaAnalyzers.CodeFixes.dll", text);
            File.WriteAllText(project, text);
            return project;
        }

        private static async Task<(int ExitCode, string Log)> RunAsync(params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet format did not finish within " + Timeout);
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
