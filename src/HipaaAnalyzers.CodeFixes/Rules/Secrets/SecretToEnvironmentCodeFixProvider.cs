using HipaaAnalyzers.CodeFixes.FixAll;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace HipaaAnalyzers.CodeFixes.Rules.Secrets
{
    /// <summary>HIPAA101/102/104: replaces a hard-coded secret with a read from IConfiguration (when in scope) or the environment.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class SecretToEnvironmentCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "HIPAA-secret-read-from-environment";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.HardCodedCredential, RuleIds.KnownFormatSecret, RuleIds.HardCodedKeyMaterial);

        public override FixAllProvider GetFixAllProvider() => FirstActionFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != SecretDiagnostics.ReadFromEnvironment
                    || !diagnostic.Properties.TryGetValue(SecretDiagnostics.EnvironmentName, out var name) || name is null
                    || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(SecretDiagnostics.ConfigurationKey, out var key);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Read the secret from configuration or the environment",
                        ct => FixAsync(context.Document, node, name, key, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, ExpressionSyntax node, string name, string? key, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var configuration = key is null ? null : ConfigurationInScope(model, node, ct);
            var read = configuration is null ? EnvironmentRead(name) : ConfigurationRead(configuration, key!);
            ExpressionSyntax replacement = node switch
            {
                InvocationExpressionSyntax => node,
                // A bare "{ 1, 2, ... }" field or local initializer is bytes too: the read must decode to byte[].
                ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax
                    or InitializerExpressionSyntax =>
                    SyntaxFactory.ParseExpression("global::System.Convert.FromBase64String(" + read + ")"),
                _ => SyntaxFactory.ParseExpression(read),
            };
            if (node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } invocation)
            {
                var argument = invocation.ArgumentList.Arguments[0];
                replacement = invocation.ReplaceNode(argument.Expression, SyntaxFactory.ParseExpression(read));
            }

            replacement = SyntaxEditorLite.Simplifiable(replacement);
            replacement = replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation, Formatter());
            var editor = new SyntaxEditorLite(root);
            editor.Replace(node, replacement);
            editor.DropConst();
            return document.WithSyntaxRoot(editor.Root);
        }

        internal static SyntaxAnnotation Formatter() => Microsoft.CodeAnalysis.Formatting.Formatter.Annotation;

        internal static string EnvironmentRead(string name) =>
            "global::System.Environment.GetEnvironmentVariable(\"" + name + "\") ?? throw new global::System.InvalidOperationException(\""
            + name + " is not set\")";

        private static string ConfigurationRead(string configuration, string key) =>
            configuration + "[\"" + key + "\"] ?? throw new global::System.InvalidOperationException(\"" + key + " is not configured\")";

        /// <summary>A parameter, local, field or property of type IConfiguration usable at the node, or null.</summary>
        private static string? ConfigurationInScope(SemanticModel model, SyntaxNode node, CancellationToken ct)
        {
            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member is null or FieldDeclarationSyntax or PropertyDeclarationSyntax { Initializer: not null }
                || node.FirstAncestorOrSelf<AttributeSyntax>() is not null)
            {
                return null;
            }

            var enclosing = model.GetEnclosingSymbol(node.SpanStart, ct);
            var isStatic = enclosing?.IsStatic ?? true;
            var candidates = model.LookupSymbols(node.SpanStart)
                .Where(s => s is ILocalSymbol or IParameterSymbol || ((s is IFieldSymbol or IPropertySymbol) && (!isStatic ? true : s.IsStatic)))
                .Where(s => IsConfiguration(TypeOf(s)))
                .OrderBy(s => s is ILocalSymbol or IParameterSymbol ? 0 : 1)
                .ToList();
            return candidates.Count == 0 ? null : candidates[0].Name;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            IFieldSymbol f => f.Type,
            IPropertySymbol p => p.Type,
            _ => null,
        };

        private static bool IsConfiguration(ITypeSymbol? type) =>
            type is not null && (IsIConfiguration(type) || type.AllInterfaces.Any(IsIConfiguration));

        private static bool IsIConfiguration(ITypeSymbol type) =>
            type.Name == "IConfiguration" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";
    }
}
