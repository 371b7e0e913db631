using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using HipaaAnalyzers.CodeFixes.FixAll;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaAnalyzers.CodeFixes.Rules.Cryptography
{
    /// <summary>HIPAA202: replaces DES, Triple DES and RC2 with Aes.Create(); sets a Rijndael block to AES's 128 bits.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakCipherCodeFixProvider)), Shared]
    public sealed class WeakCipherCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "HIPAA202.UseAes";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeakCipher);

        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(CryptoProperties.Shape, out var shape) && shape == "blockSize")
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use a 128-bit block (AES)", ct => SetBlockSizeAsync(context.Document, diagnostic, ct), EquivalenceKey),
                        diagnostic);
                    continue;
                }

                if (await AlgorithmSwap.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use Aes", ct => AlgorithmSwap.ApplyAsync(context.Document, diagnostic, ct), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> SetBlockSizeAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                return document;
            }

            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(128)).WithTriviaFrom(value);
            return document.WithSyntaxRoot(root.ReplaceNode(value, literal));
        }
    }
}
