using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using HipaaAnalyzers.CodeFixes.FixAll;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace HipaaAnalyzers.CodeFixes.Rules.Cryptography
{
    /// <summary>HIPAA201: swaps MD5/SHA-1/RIPEMD-160 for SHA-256 and HMAC-MD5/HMAC-SHA1 for HMAC-SHA256, same call shape.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakHashCodeFixProvider)), Shared]
    public sealed class WeakHashCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "HIPAA201.UseSha256";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeakHash);

        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!await AlgorithmSwap.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var replacement = diagnostic.Properties[CryptoProperties.Replacement];
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use " + replacement,
                        ct => AlgorithmSwap.ApplyAsync(context.Document, diagnostic, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
