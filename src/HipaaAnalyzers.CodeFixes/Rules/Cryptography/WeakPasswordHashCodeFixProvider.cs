using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace HipaaAnalyzers.CodeFixes.Rules.Cryptography
{
    /// <summary>
    /// HIPAA206: PBKDF2 with SHA-256 at the configured iterations. <c>new Rfc2898DeriveBytes(p, s, n).GetBytes(k)</c> becomes
    /// <c>Rfc2898DeriveBytes.Pbkdf2(p, s, min, HashAlgorithmName.SHA256, k)</c>; other shapes keep their call and fix the arguments.
    /// A fast hash over a password has no automatic fix: moving to PBKDF2 needs a stored salt.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakPasswordHashCodeFixProvider)), Shared]
    public sealed class WeakPasswordHashCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "HIPAA206.UsePbkdf2Sha256";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeakPasswordHash);

        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(CryptoProperties.Shape, out var shape) && shape == "pbkdf2"
                    && diagnostic.Properties.TryGetValue(WeakPasswordHashAnalyzer.MinIterationsProperty, out var min) && min is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use PBKDF2-SHA256 with " + min + " iterations",
                            ct => ApplyAsync(context.Document, diagnostic, min, ct),
                            EquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string min, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (root is null || model is null || node is null || model.GetOperation(node, cancellationToken) is not { } operation)
            {
                return document;
            }

            var iterations = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression,
                SyntaxFactory.Literal(int.Parse(min, CultureInfo.InvariantCulture)));
            var sha256 = Qualified("System.Security.Cryptography.HashAlgorithmName.SHA256");
            if (operation is IObjectCreationOperation creation && node is ObjectCreationExpressionSyntax { ArgumentList: { } list } newExpression
                && list.Arguments.All(a => a.NameColon is null) && list.Arguments.Count >= 2)
            {
                var password = list.Arguments[0];
                var salt = list.Arguments[1];
                var saltIsBytes = creation.Arguments.Length > 1 && creation.Arguments[1].Parameter?.Type is IArrayTypeSymbol;
                if (saltIsBytes
                    && newExpression.Parent is MemberAccessExpressionSyntax
                        { Name.Identifier.ValueText: "GetBytes", Parent: InvocationExpressionSyntax getBytes }
                    && getBytes.ArgumentList.Arguments.Count == 1)
                {
                    var pbkdf2 = SyntaxFactory.InvocationExpression(
                        Qualified("System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2"),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                        {
                            password.WithoutTrivia(), salt.WithoutTrivia(), SyntaxFactory.Argument(iterations), SyntaxFactory.Argument(sha256),
                            getBytes.ArgumentList.Arguments[0].WithoutTrivia(),
                        })));
                    return document.WithSyntaxRoot(root.ReplaceNode(getBytes, pbkdf2.WithTriviaFrom(getBytes)));
                }

                var arguments = SyntaxFactory.SeparatedList(
                    new[] { password, salt, SyntaxFactory.Argument(iterations), SyntaxFactory.Argument(sha256) });
                return document.WithSyntaxRoot(root.ReplaceNode(list, list.WithArguments(arguments)));
            }

            if (operation is not IInvocationOperation invocation)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Syntax is not ArgumentSyntax syntax)
                {
                    continue;
                }

                var name = argument.Parameter?.Name;
                if (name is "iterations" or "iterationCount" && argument.Value.ConstantValue is { HasValue: true, Value: int count }
                    && count < int.Parse(min, CultureInfo.InvariantCulture))
                {
                    replacements[syntax.Expression] = iterations.WithTriviaFrom(syntax.Expression);
                }
                else if (name == "hashAlgorithm" && argument.Value is IPropertyReferenceOperation { Property.Name: "SHA1" or "MD5" })
                {
                    replacements[syntax.Expression] = sha256.WithTriviaFrom(syntax.Expression);
                }
                else if (name == "prf" && argument.Value is IFieldReferenceOperation { Field.Name: "HMACSHA1" } prf
                    && syntax.Expression is MemberAccessExpressionSyntax access)
                {
                    replacements[syntax.Expression] = access.WithName(SyntaxFactory.IdentifierName("HMACSHA256"));
                }
            }

            return replacements.Count == 0
                ? document
                : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        }

        private static ExpressionSyntax Qualified(string name) =>
            SyntaxFactory.ParseExpression("global::" + name).WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
