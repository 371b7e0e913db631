using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// One workspace project with one document whose text is swapped per input. Reusing the project keeps the
    /// references bound once, so hundreds of inputs cost seconds rather than minutes.
    /// </summary>
    internal sealed class Sandbox : IDisposable
    {
        private readonly AdhocWorkspace _workspace = new AdhocWorkspace();
        private readonly DocumentId _documentId;
        private Solution _solution;

        public Sandbox(ImmutableArray<MetadataReference> references, LanguageVersion version = LanguageVersion.Latest,
            string filePath = "/src/Input.cs", string? globalConfig = null, string? companionSource = null)
        {
            var projectId = ProjectId.CreateNewId();
            _documentId = DocumentId.CreateNewId(projectId);
            var nullable = version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable;
            var project = ProjectInfo.Create(projectId, VersionStamp.Default, "Input", "Input", LanguageNames.CSharp,
                filePath: "/src/Input.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: nullable, allowUnsafe: true),
                parseOptions: new CSharpParseOptions(version),
                metadataReferences: references);
            _solution = _workspace.CurrentSolution.AddProject(project)
                .AddDocument(_documentId, Path.GetFileName(filePath), SourceText.From(""), filePath: filePath);
            if (companionSource is not null)
            {
                _solution = _solution.AddDocument(DocumentId.CreateNewId(projectId), "Companion.cs", SourceText.From(companionSource),
                    filePath: "/src/Companion.cs");
            }

            if (globalConfig is not null)
            {
                _solution = _solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig",
                    SourceText.From("is_global = true\n" + globalConfig), filePath: "/src/.globalconfig");
            }
        }

        public Document Load(string source)
        {
            _solution = _solution.WithDocumentText(_documentId, SourceText.From(source));
            return _solution.GetDocument(_documentId)!;
        }

        public void Dispose() => _workspace.Dispose();
    }
}
