using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HipaaAnalyzers.Benchmarks.Corpus
{
    internal sealed record SourceFile(string Path, string Text, int Lines);

    /// <summary>
    /// Generates a deterministic healthcare-API corpus: feature modules (model, EF context, ADO.NET/Dapper repository,
    /// service, controller, HTTP client, validator, and in every other module a crypto helper), plus one 1,000-line
    /// workflow service used for the IDE case. The same seed and size always give the same text.
    /// </summary>
    internal sealed class CorpusGenerator
    {
        public const string IdeDocumentPath = "M0/Services/PatientWorkflowService.cs";

        private readonly int _seed;

        public CorpusGenerator(int seed)
        {
            _seed = seed;
        }

        public List<SourceFile> Generate(int targetLines)
        {
            var files = new List<SourceFile> { Make(Stubs.FileName, Stubs.Source), Make(IdeDocumentPath, WorkflowService(1000)) };
            var total = files.Sum(f => f.Lines);
            for (var module = 0; total < targetLines; module++)
            {
                foreach (var file in Module(module))
                {
                    files.Add(file);
                    total += file.Lines;
                }
            }

            return files;
        }

        private static SourceFile Make(string path, string text) => new(path, text, CountLines(text));

        private static int CountLines(string text)
        {
            var lines = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    lines++;
                }
            }

            return lines;
        }

        private IEnumerable<SourceFile> Module(int m)
        {
            var random = new Random(unchecked(_seed * 7919 + m));
            var e = Entity.All[m % Entity.All.Length];
            var style = new ModuleStyle(
                LeaksToLog: random.Next(5) == 0,
                ConcatenatesSql: random.Next(10) == 0,
                LegacyCrypto: random.Next(6) == 0,
                CleartextPartner: random.Next(8) == 0,
                Anonymous: random.Next(12) == 0);
            var dir = "M" + m;
            yield return Make($"{dir}/Models/{e.Name}.cs", Templates.Model(m, e));
            yield return Make($"{dir}/Data/{e.Name}DbContext.cs", Templates.DbContext(m, e, style));
            yield return Make($"{dir}/Data/{e.Name}Repository.cs", Templates.Repository(m, e, style));
            yield return Make($"{dir}/Services/{e.Name}Service.cs", Templates.Service(m, e, style));
            yield return Make($"{dir}/Controllers/{e.Plural}Controller.cs", Templates.Controller(m, e, style));
            yield return Make($"{dir}/Integration/{e.Name}ApiClient.cs", Templates.ApiClient(m, e, style));
            yield return Make($"{dir}/Validation/{e.Name}Validator.cs", Templates.Validator(m, e));
            if (m % 2 == 0)
            {
                yield return Make($"{dir}/Security/{e.Name}Protector.cs", Templates.Protector(m, e, style));
            }
        }

        /// <summary>The IDE case: one large service file of about <paramref name="lines"/> lines.</summary>
        private static string WorkflowService(int lines)
        {
            var body = new StringBuilder();
            var step = 0;
            while (CountLines(body.ToString()) < lines - 40)
            {
                body.Append(Templates.WorkflowStep(step++));
            }

            return Templates.WorkflowService(body.ToString());
        }
    }

    internal sealed record ModuleStyle(bool LeaksToLog, bool ConcatenatesSql, bool LegacyCrypto, bool CleartextPartner, bool Anonymous);
}
