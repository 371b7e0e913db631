using System.Collections.Immutable;
using System.Linq;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Integrity
{
    /// <summary>HIPAA503: an upload's client-supplied file name reaches a file-system path.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UploadFileNameAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableHashSet<string> PathParameters = ImmutableHashSet.Create(
            "path", "path1", "path2", "path3", "path4", "paths", "fileName", "filename", "destFileName", "destinationFileName");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UploadFileName);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var names = UploadNames.Resolve(start.Compilation);
                if (names is null)
                {
                    return;
                }

                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => Analyze(c, names, hipaa), OperationKind.Invocation, OperationKind.ObjectCreation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, UploadNames names, HipaaCompilation hipaa)
        {
            var (method, arguments) = context.Operation switch
            {
                IInvocationOperation call => (call.TargetMethod, call.Arguments),
                IObjectCreationOperation { Constructor: { } ctor } creation => (ctor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (method is null || !IsSink(method, out var combines))
            {
                return;
            }

            if (hipaa.ShouldSkip(context.Operation.Syntax.SyntaxTree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var root = LocalAssignments.Root(context.Operation);
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter || !PathParameters.Contains(parameter.Name))
                {
                    continue;
                }

                foreach (var value in Items(argument.Value))
                {
                    var trace = new UploadNames.Trace();
                    if (names.Find(value, root, 0, ref trace) is not { } source)
                    {
                        continue;
                    }

                    // Path.Combine already reported the name; the FileStream that opens its result is the same finding.
                    if (trace.ViaCombine && !combines)
                    {
                        continue;
                    }

                    var carrier = names.Carrier(value, root);
                    var fixable = carrier.Type?.SpecialType == SpecialType.System_String && names.IsNameOnly(carrier, root, 0);
                    var sink = method.MethodKind == MethodKind.Constructor
                        ? "new " + method.ContainingType.Name
                        : method.ContainingType.Name + "." + method.Name;
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.Sink, sink)
                        .Add(DiagnosticProperties.Safeguard, RuleFactory.SafeguardOf(Descriptors.UploadFileName))
                        .Add(DiagnosticProperties.Fix, fixable ? "generatedName" : "none");
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UploadFileName, carrier.Syntax.GetLocation(), properties,
                        source.Property.ContainingType.Name + "." + source.Property.Name, sink));
                }
            }
        }

        private static bool IsSink(IMethodSymbol method, out bool combines)
        {
            combines = false;
            var type = method.ContainingType;
            if (type?.ContainingNamespace?.ToDisplayString() is not ("System.IO" or "System.Web"))
            {
                return false;
            }

            switch (type.Name)
            {
                case "Path":
                    combines = method.Name is "Combine" or "Join";
                    return combines;
                case "File":
                case "Directory" when method.Name == "CreateDirectory":
                case "FileInfo" when method.Name is "MoveTo" or "CopyTo":
                // new FileInfo(...) is left out: new FileInfo(file.FileName).Extension only reads the name.
                case "FileStream" or "StreamWriter" when method.MethodKind == MethodKind.Constructor:
                case "HttpPostedFileBase" or "HttpPostedFile" or "HttpPostedFileWrapper" when method.Name == "SaveAs":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Elements of a params array or span (Path.Combine with five or more parts binds to a span).</summary>
        private static System.Collections.Generic.IEnumerable<IOperation> Items(IOperation value) =>
            UploadNames.Elements(LocalAssignments.Unwrap(value)) ?? new[] { value };
    }
}
