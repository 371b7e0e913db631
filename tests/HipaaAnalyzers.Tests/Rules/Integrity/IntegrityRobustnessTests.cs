using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading.Tasks;
using HipaaAnalyzers.Rules.Audit;
using HipaaAnalyzers.Rules.Integrity;
using HipaaAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HipaaAnalyzers.Tests.Rules.Integrity
{
    /// <summary>Broken and half-typed code must never make the integrity or audit analyzers throw (AD0001).</summary>
    [Trait("Rule", "HIPAA501")]
    [Trait("Rule", "HIPAA502")]
    [Trait("Rule", "HIPAA503")]
    [Trait("Rule", "HIPAA601")]
    public class IntegrityRobustnessTests
    {
        private static readonly string[] BrokenSources =
        {
            "using System.Data.Common; class C { void M(DbCommand c, string x) { c.CommandText = \"a\" + ; c.CommandText += x + Missing(); } }",
            "using System.Data.Common; class C { void M(DbCommand c) { var s = s + \"x\"; c.CommandText = s; c.CommandText = $\"{Unknown}\"; } }",
            "using System.Text; using System.Data; class C { void M(IDbCommand c, StringBuilder b) { b.Append(q); c.CommandText = b.ToString(); } }",
            "using System.IO; using Microsoft.AspNetCore.Http; class C { void M(IFormFile f) { var p = Path.Combine(f.FileName, ); File.Create(p + f.); } }",
            "using System.IO; using Microsoft.AspNetCore.Http; class C { void M(IFormFile f) { string n = n; new FileStream(Path.Combine(\"a\", n), FileMode.Create); } }",
            "using Newtonsoft.Json; class C { void M() { var s = new JsonSerializerSettings { TypeNameHandling = Unknown.All, Binder = }; } }",
            "using Microsoft.AspNetCore.Mvc; public class PatientsController : ControllerBase { public Patient Get(string ssn) => ; }",
            "using Microsoft.AspNetCore.Builder; static class E { static void M(WebApplication app) { app.MapGet(\"/p/{ssn}\", (string ssn) => ); app.MapPost(\"/x\", Missing); } }",
        };

        [Fact]
        public async Task Broken_code_never_throws()
        {
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
                new DynamicSqlAnalyzer(), new InsecureDeserializationAnalyzer(), new UploadFileNameAnalyzer(), new MissingAuditAnalyzer());
            var provider = new GlobalOptionsProvider("hipaa_analyzers.audit_methods", "Clinic.IAuditLog.Record");
            foreach (var source in BrokenSources)
            {
                var tree = CSharpSyntaxTree.ParseText(source);
                var compilation = CSharpCompilation.Create("T", new[] { tree }, TestReferences.AspNetCore, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var exceptions = new List<Exception>();
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider),
                    (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
                await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
                Assert.True(exceptions.Count == 0, source + ": " + string.Join("; ", exceptions.Select(e => e.ToString())));
            }
        }

        [Fact]
        public async Task Messages_and_properties_never_contain_literals()
        {
            const string marker = "ZZ_LITERAL_MARKER";
            const string source = """
                using System.Data.Common;
                using System.IO;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Newtonsoft.Json;
                public class Patient { public string Ssn { get; set; } = ""; }
                public class RecordsController : ControllerBase
                {
                    public Patient Get(DbCommand command, IFormFile file, string ssn)
                    {
                        command.CommandText = "SELECT ZZ_LITERAL_MARKER FROM t WHERE ssn = '" + ssn + "'";
                        File.Create(Path.Combine("/ZZ_LITERAL_MARKER/", file.FileName));
                        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };
                        return new Patient();
                    }
                }
                """;
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
                new DynamicSqlAnalyzer(), new InsecureDeserializationAnalyzer(), new UploadFileNameAnalyzer(), new MissingAuditAnalyzer());
            var compilation = CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.AspNetCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty,
                new GlobalOptionsProvider("hipaa_analyzers.audit_methods", "Clinic.IAuditLog.Record"));
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(new[] { "HIPAA501", "HIPAA502", "HIPAA503", "HIPAA601" }, diagnostics.Select(d => d.Id).Distinct().OrderBy(x => x));
            foreach (var diagnostic in diagnostics)
            {
                Assert.DoesNotContain(marker, diagnostic.GetMessage(), StringComparison.Ordinal);
                Assert.All(diagnostic.Properties.Values, value => Assert.DoesNotContain(marker, value ?? "", StringComparison.Ordinal));
            }
        }

        private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public GlobalOptionsProvider(string key, string value) => _options = new Options(key, value);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly string _key;
                private readonly string _value;

                public Options(string key, string value) => (_key, _value) = (key, value);

                public override IEnumerable<string> Keys => new[] { _key };

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                {
                    value = key == _key ? _value : null;
                    return value is not null;
                }
            }
        }
    }
}
