using System;
using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HipaaAnalyzers.Rules.Secrets
{
    /// <summary>
    /// HIPAA101-103 in appsettings*.json (added as AdditionalFiles by the package): credentials, known-format secrets and
    /// unsafe connection strings, reported at the JSON value. No code fix: the value belongs in a secret store.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SettingsFileSecretsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.HardCodedCredential, Descriptors.KnownFormatSecret, Descriptors.InsecureConnectionString,
            Descriptors.HardCodedKeyMaterial);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start => start.RegisterAdditionalFileAction(AnalyzeFile));
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            var name = System.IO.Path.GetFileName(file.Path ?? "");
            if (!name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || file.GetText(context.CancellationToken) is not { } text || text.Length > 2_000_000)
            {
                return;
            }

            var values = SecretValues.For(HipaaOptions.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(file)));
            foreach (var setting in JsonSettingsScanner.Scan(text.ToString()))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var display = "key '" + setting.Path + "' in " + name;
                if (SecretFormats.Match(setting.Value, values) is { } format)
                {
                    Report(context, text, setting, Descriptors.KnownFormatSecret, display, format.WithArticle, SecretDiagnostics.Format, format.Id);
                    continue;
                }

                var problems = ConnectionStrings.Analyze(setting.Value, values, continues: false);
                if (problems != ConnectionStringProblems.None)
                {
                    Report(context, text, setting, Descriptors.InsecureConnectionString, display, ConnectionStrings.Describe(problems),
                        SecretDiagnostics.Problems, problems.ToString());
                    continue;
                }

                var kind = Classify(setting);
                if (kind != SecretNameKind.None && !SecretDiagnostics.LooksLikeConnectionString(setting.Value)
                    && values.MayBeSecret(setting.Value, targetIsConstant: false))
                {
                    var named = SecretNames.Classify(setting.Key) != SecretNameKind.None ? setting.Key : setting.Section + "_" + setting.Key;
                    var secretKind = SecretNames.Describe(named);
                    if (kind == SecretNameKind.KeyMaterial)
                    {
                        // "Encryption": { "Key": ..., "Iv": ... } is key material, reported like the same value in C#.
                        var material = secretKind is "IV" or "salt" or "pepper" ? secretKind : "key material";
                        Report(context, text, setting, Descriptors.HardCodedKeyMaterial, display, material, SecretDiagnostics.SecretKind, material);
                        continue;
                    }

                    Report(context, text, setting, Descriptors.HardCodedCredential, display, secretKind, SecretDiagnostics.SecretKind, secretKind);
                }
            }
        }

        /// <summary>The key's own name, or section and key together for "Jwt": { "Key": ... }.</summary>
        private static SecretNameKind Classify(JsonSetting setting)
        {
            var kind = SecretNames.Classify(setting.Key);
            return kind != SecretNameKind.None ? kind : SecretNames.Classify(setting.Section + "_" + setting.Key);
        }

        private static void Report(AdditionalFileAnalysisContext context, SourceText text, JsonSetting setting, DiagnosticDescriptor descriptor,
            string display, string detail, string kindKey, string kind)
        {
            var location = Location.Create(context.AdditionalFile.Path, setting.Span, text.Lines.GetLinePositionSpan(setting.Span));
            var properties = SecretDiagnostics.Properties(descriptor, SecretDiagnostics.MoveToSecretStore, null, setting.Path, kindKey, kind);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, display, detail));
        }
    }
}
