using System.Threading;
using System.Threading.Tasks;
using HipaaAnalyzers.Rules.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace HipaaAnalyzers.CodeFixes.Rules.Cryptography
{
    /// <summary>
    /// Replaces a weak algorithm with a strong one of the same call shape: a static call's type, a constructor, a
    /// HashAlgorithmName member or a CryptoConfig name; an explicitly typed declaration follows the new type.
    /// </summary>
    internal static class AlgorithmSwap
    {
        private const string Namespace = "System.Security.Cryptography.";

        public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !Read(diagnostic, out var shape, out var replacement))
            {
                return false;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (shape)
            {
                case "string":
                    return node is LiteralExpressionSyntax;
                case "name":
                    return node is MemberAccessExpressionSyntax;
                case "static" when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }:
                case "create" when node is ObjectCreationExpressionSyntax { Initializer: null }:
                    // Only a call that yields the algorithm object itself can break its consumer's type.
                    var strong = model.Compilation.GetTypeByMetadataName(Namespace + replacement);
                    var yieldsAlgorithm = node is ObjectCreationExpressionSyntax
                        || ((InvocationExpressionSyntax)node).Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" };
                    var target = yieldsAlgorithm && Declaration(node) is null
                        ? model.GetTypeInfo(node, cancellationToken).ConvertedType
                        : null;
                    return strong is not null
                        && (target is null || target.TypeKind == TypeKind.Error || model.Compilation.ClassifyConversion(strong, target).IsImplicit);
                default:
                    return false;
            }
        }

        public static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !Read(diagnostic, out var shape, out var replacement))
            {
                return document;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var strongType = SyntaxFactory.ParseTypeName("global::" + Namespace + replacement).WithAdditionalAnnotations(Simplifier.Annotation);
            SyntaxNode? replaced = (shape, node) switch
            {
                ("string", LiteralExpressionSyntax literal) => SyntaxFactory.LiteralExpression(
                    SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement == "Aes" ? "AES" : replacement)).WithTriviaFrom(literal),
                ("name", MemberAccessExpressionSyntax access) => access.WithName(SyntaxFactory.IdentifierName(replacement)),
                ("static", InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call) =>
                    call.WithExpression(access.WithExpression(strongType)),
                ("create", ObjectCreationExpressionSyntax creation) => replacement.StartsWith("HMAC", System.StringComparison.Ordinal)
                    ? creation.WithType(strongType.WithTriviaFrom(creation.Type))
                    : SyntaxFactory.InvocationExpression(
                            SyntaxFactory.MemberAccessExpression(
                                SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)strongType, SyntaxFactory.IdentifierName("Create")))
                        .WithTriviaFrom(creation),
                _ => null,
            };
            if (replaced is null)
            {
                return document;
            }

            var declared = shape is "static" or "create" ? DeclaredType(node) : null;
            var strong = model.Compilation.GetTypeByMetadataName(Namespace + replacement);
            if (declared is not null && strong is not null && model.GetTypeInfo(declared, cancellationToken).Type is { } declaredType
                && !model.Compilation.ClassifyConversion(strong, declaredType).IsImplicit)
            {
                var newRoot = root.ReplaceNodes(new[] { node, declared }, (original, _) =>
                    original == node ? replaced : strongType.WithTriviaFrom(declared));
                return document.WithSyntaxRoot(newRoot);
            }

            return document.WithSyntaxRoot(root.ReplaceNode(node, replaced));
        }

        /// <summary>The explicit type of the declaration <paramref name="node"/> initialises (not <c>var</c>).</summary>
        private static TypeSyntax? DeclaredType(SyntaxNode node) =>
            Declaration(node) is { Type.IsVar: false } declaration ? declaration.Type : null;

        private static VariableDeclarationSyntax? Declaration(SyntaxNode node)
        {
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent is EqualsValueClauseSyntax
                { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } }
                ? declaration
                : null;
        }

        private static bool Read(Diagnostic diagnostic, out string shape, out string replacement)
        {
            shape = diagnostic.Properties.TryGetValue(CryptoProperties.Shape, out var s) && s is not null ? s : "";
            replacement = diagnostic.Properties.TryGetValue(CryptoProperties.Replacement, out var r) && r is not null ? r : "";
            return shape.Length > 0 && replacement.Length > 0;
        }
    }
}
