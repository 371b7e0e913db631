using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaAnalyzers.CodeFixes.Rules.Secrets
{
    /// <summary>Replaces one node, then turns a const declaration holding it into a runtime one so the read compiles.</summary>
    internal sealed class SyntaxEditorLite
    {
        private SyntaxAnnotation? _marker;

        public SyntaxEditorLite(SyntaxNode root) => Root = root;

        public SyntaxNode Root { get; private set; }

        public void Replace(SyntaxNode node, SyntaxNode replacement)
        {
            _marker = new SyntaxAnnotation();
            Root = Root.ReplaceNode(node, replacement.WithAdditionalAnnotations(_marker));
        }

        /// <summary>Marks the global::-qualified names in the code a fix writes so the simplifier shortens them.</summary>
        public static TNode Simplifiable<TNode>(TNode node)
            where TNode : SyntaxNode =>
            node.ReplaceNodes(
                node.DescendantNodes().Where(n =>
                    n is AliasQualifiedNameSyntax || n.Parent is MemberAccessExpressionSyntax or ObjectCreationExpressionSyntax),
                (_, n) => n.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation));

        public void DropConst()
        {
            var node = Root.GetAnnotatedNodes(_marker!).FirstOrDefault();
            if (node?.FirstAncestorOrSelf<FieldDeclarationSyntax>() is { } field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                var modifiers = SyntaxFactory.TokenList(field.Modifiers.SelectMany(m => m.IsKind(SyntaxKind.ConstKeyword)
                    ? new[]
                    {
                        SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(m.LeadingTrivia),
                        SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(m.TrailingTrivia),
                    }
                    : new[] { m }));
                var runtime = field.WithModifiers(modifiers).WithAdditionalAnnotations(SecretToEnvironmentCodeFixProvider.Formatter());
                Root = Root.ReplaceNode(field, runtime);
            }
            else if (node?.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is { } local && local.IsConst)
            {
                var constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                Root = Root.ReplaceNode(local, local.WithModifiers(local.Modifiers.Remove(constToken))
                    .WithLeadingTrivia(local.GetLeadingTrivia()));
            }
        }
    }
}
