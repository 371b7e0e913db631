using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>HIPAA102: any string literal that has the format of a real secret (see <see cref="SecretFormats"/>), whatever its name.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KnownFormatSecretAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KnownFormatSecret);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var hipaa = new HipaaCompilation(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeLiteral(c, hipaa), OperationKind.Literal);
            });
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context, HipaaCompilation hipaa)
        {
            var literal = context.Operation;
            if (literal.ConstantValue is not { HasValue: true, Value: string { Length: >= 16 } value }
                || literal.Syntax is not LiteralExpressionSyntax)
            {
                return;
            }

            // The format table rejects almost every literal: ask it before the generated-code check, which hashes symbols.
            var tree = literal.Syntax.SyntaxTree;
            if (SecretFormats.Match(value, SecretValues.For(hipaa.OptionsFor(tree))) is not { } format
                || hipaa.ShouldSkip(tree, context.ContainingSymbol, context.CancellationToken))
            {
                return;
            }

            var target = SecretTarget.Find(literal, context.ContainingSymbol);
            var container = target?.Container ?? context.ContainingSymbol?.ContainingType?.Name;
            var named = target is not null && SecretNames.Classify(target.Name) != SecretNameKind.None;
            var display = target?.Display ?? "'" + (context.ContainingSymbol?.Name ?? "this file") + "'";
            var properties = SecretDiagnostics.Properties(
                Descriptors.KnownFormatSecret,
                target is { CanBeRuntimeValue: false } ? SecretDiagnostics.NoFix : SecretDiagnostics.ReadFromEnvironment,
                named ? SecretNames.EnvironmentName(target!.Name, container) : format.EnvironmentName,
                SecretNames.ConfigurationKey(named ? target!.Name : Pascal(format.EnvironmentName), container),
                SecretDiagnostics.Format,
                format.Id);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.KnownFormatSecret, literal.Syntax.GetLocation(), properties, display, format.WithArticle));
        }

        private static string Pascal(string environmentName)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var part in environmentName.Split('_'))
            {
                if (part.Length > 0)
                {
                    builder.Append(part[0]).Append(part.Substring(1).ToLowerInvariant());
                }
            }

            return builder.ToString();
        }
    }
}
