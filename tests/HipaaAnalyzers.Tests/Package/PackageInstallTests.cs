using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;

namespace HipaaAnalyzers.Tests.Package
{
    /// <summary>
    /// Packs HipaaAnalyzers and installs the .nupkg into a brand-new project from a local folder feed, as a user would.
    /// A unique version and a private packages folder keep a stale cached package from ever being used.
    /// </summary>
    [Trait("Category", "Slow")]
    public sealed class PackageInstallTests : IClassFixture<PackageInstallTests.PackedPackage>
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
        private readonly PackedPackage _package;

        public PackageInstallTests(PackedPackage package) => _package = package;

        [Fact]
        public void Nupkg_holds_both_analyzer_dlls_readme_license_and_no_lib()
        {
            using var archive = ZipFile.OpenRead(_package.NupkgPath);
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/HipaaAnalyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/HipaaAnalyzers.CodeFixes.dll", entries);
            Assert.Contains("README.md", entries);
            Assert.Contains("LICENSE", entries);
            Assert.Contains("buildTransitive/HipaaAnalyzers.props", entries);
            Assert.Contains("buildTransitive/HipaaAnalyzers.strict.globalconfig", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

            using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var text = nuspec.ReadToEnd();
            Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
            Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Fresh_project_reports_HIPAA001_with_help_link()
        {
            var project = _package.CreateConsumer("Default", mode: null);
            var (exitCode, output) = DotnetCli.Run(project, Timeout, "build", "--no-incremental");
            Assert.True(exitCode == 0, output);
            Assert.Contains("warning HIPAA001: 'Patient.Ssn' (ssn, matched by name) is written to a log by 'Console.WriteLine'", output, StringComparison.Ordinal);
            Assert.Contains("docs/rules/HIPAA001.md", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Strict_mode_turns_findings_into_errors()
        {
            var project = _package.CreateConsumer("Strict", mode: "strict");
            var (exitCode, output) = DotnetCli.Run(project, Timeout, "build", "--no-incremental");
            Assert.NotEqual(0, exitCode);
            Assert.Contains("error HIPAA001", output, StringComparison.Ordinal);
        }

        public sealed class PackedPackage : IDisposable
        {
            public PackedPackage()
            {
                Root = Path.Combine(Path.GetTempPath(), "hipaa-package-test-" + Guid.NewGuid().ToString("N"));
                Feed = Path.Combine(Root, "feed");
                Directory.CreateDirectory(Feed);
                Version = "0.0.1-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
                var (exitCode, output) = DotnetCli.Run(Repository.Root, Timeout, "pack", Repository.PathOf("src", "HipaaAnalyzers.Package"),
                    "-c", "Release", "-o", Feed, "-p:Version=" + Version);
                Assert.True(exitCode == 0, output);
                NupkgPath = Path.Combine(Feed, "HipaaAnalyzers." + Version + ".nupkg");
                Assert.True(File.Exists(NupkgPath), output);
            }

            public string Root { get; }

            public string Feed { get; }

            public string Version { get; }

            public string NupkgPath { get; }

            /// <summary>A new console project outside the repository, restoring only from the local feed into a private folder.</summary>
            public string CreateConsumer(string name, string? mode)
            {
                var directory = Path.Combine(Root, name);
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                        <clear />
                        <add key="local" value="{Feed}" />
                      </packageSources>
                      <config>
                        <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
                      </config>
                    </configuration>
                    """);
                File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <OutputType>Exe</OutputType>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        {(mode is null ? "" : "<HipaaAnalyzersMode>" + mode + "</HipaaAnalyzersMode>")}
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="HipaaAnalyzers" Version="{Version}" PrivateAssets="all" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(directory, "Program.cs"), """
                    var patient = new Patient { Ssn = "000-00-0000" };
                    System.Console.WriteLine("Admitted " + patient.Ssn);

                    public class Patient { public string Ssn { get; set; } = ""; }
                    """);
                return directory;
            }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(Root, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is harmless; never fail the run on cleanup.
                }
            }
        }
    }
}
