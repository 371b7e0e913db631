using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Reference sets for test sources, all taken from this test project's own framework and package references
    /// (hermetic: nothing is downloaded while tests run). Net: the .NET shared framework the tests run on.
    /// Libraries: Net plus the logging, FHIR and compliance packages. AspNetCore: Libraries plus ASP.NET Core's
    /// shared framework. (Basic.Reference.Assemblies for .NET 10 needs Roslyn 4.11; the analyzers pin 4.8.)
    /// </summary>
    public static class TestReferences
    {
        /// <summary>Tells the test framework not to resolve any reference package itself.</summary>
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0");

        public static readonly ImmutableArray<MetadataReference> Net = FromDirectory(
            Path.GetDirectoryName(typeof(object).Assembly.Location)!).ToImmutableArray();

        public static readonly ImmutableArray<MetadataReference> Libraries = Net.AddRange(FromTypes(
            typeof(Microsoft.Extensions.Logging.ILogger),
            typeof(Microsoft.Extensions.Logging.LoggerMessageAttribute),
            typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger),
            typeof(Serilog.Log),
            typeof(NLog.LogManager),
            typeof(log4net.LogManager),
            typeof(Hl7.Fhir.Model.Patient),
            typeof(Hl7.Fhir.Model.Base),
            typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute),
            typeof(Newtonsoft.Json.JsonConvert)));

        public static readonly ImmutableArray<MetadataReference> AspNetCore = BuildAspNetCore();

        private static IEnumerable<MetadataReference> FromTypes(params Type[] types) =>
            types.Select(t => t.Assembly.Location).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

        private static ImmutableArray<MetadataReference> BuildAspNetCore()
        {
            var sharedFramework = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!;
            var libraries = Libraries.OfType<PortableExecutableReference>()
                .Where(r => r.FilePath is null || !File.Exists(Path.Combine(sharedFramework, Path.GetFileName(r.FilePath))))
                .Cast<MetadataReference>();
            return libraries.Concat(FromDirectory(sharedFramework)).ToImmutableArray();
        }

        private static IEnumerable<MetadataReference> FromDirectory(string directory) =>
            Directory.GetFiles(directory, "*.dll")
                .Where(IsManagedAssembly)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }

    public enum ReferenceSet
    {
        Net,
        Libraries,
        AspNetCore,
    }
}
