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
                var title = IsInstanceStringInitializer(node)
                    ? "Remove the hard-coded secret; the value must come from configuration binding"
                    : "Read the secret from configuration or the environment";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, node, name, key, ct), EquivalenceKey),
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

            // "env ?? \"DevPassw0rd!\"": the fallback is the secret, so it is dropped rather than chained.
            if (Up(node).Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression)
                && Down(coalesce.Right) == node)
            {
                return ReplaceFallback(document, root, coalesce, name);
            }

            // Options and settings classes are built by a binder that runs the initializers first: a throwing read there
            // breaks binding, so an instance initializer just loses the literal.
            if (IsInstanceStringInitializer(node))
            {
                var empty = SyntaxFactory.ParseExpression("string.Empty").WithTriviaFrom(node);
                return document.WithSyntaxRoot(root.ReplaceNode(node, empty));
            }

            var configuration = key is null ? null : ConfigurationInScope(model, node, ct);
            var read = configuration is null ? EnvironmentRead(name) : ConfigurationRead(configuration, key!);
            if (StaticGetOnlyProperty(node) is { } property)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(property, ToExpressionBodied(property, read)));
            }

            // "..."u8 and "..."u8.ToArray(): the read is encoded the way the compiler encoded the literal.
            if (Utf8Literal(node) is { } utf8)
            {
                var encoded = SyntaxEditorLite.Simplifiable(SyntaxFactory.ParseExpression("global::System.Text.Encoding.UTF8.GetBytes(" + read + ")"))
                    .WithTriviaFrom(utf8).WithAdditionalAnnotations(Simplifier.Annotation, Formatter());
                var utf8Editor = new SyntaxEditorLite(root);
                utf8Editor.Replace(utf8, encoded);
                utf8Editor.DropConst();
                return document.WithSyntaxRoot(utf8Editor.Root);
            }

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

        private static Document ReplaceFallback(Document document, SyntaxNode root, BinaryExpressionSyntax coalesce, string name)
        {
            var left = coalesce.Left.WithoutTrivia();
            var source = KeyOf(coalesce.Left) ?? name;
            var text = IsInstanceStringInitializer(coalesce)
                ? left + " ?? string.Empty"
                : left + " ?? throw new global::System.InvalidOperationException(\"" + source + " is not set\")";
            var replacement = SyntaxEditorLite.Simplifiable(SyntaxFactory.ParseExpression(text))
                .WithTriviaFrom(coalesce).WithAdditionalAnnotations(Simplifier.Annotation, Formatter());
            return document.WithSyntaxRoot(root.ReplaceNode(coalesce, replacement));
        }

        /// <summary>The variable or configuration key a read names: GetEnvironmentVariable("DB_PASSWORD"), config["Db:Password"].</summary>
        private static string? KeyOf(ExpressionSyntax read)
        {
            var arguments = read switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
                ElementAccessExpressionSyntax access => access.ArgumentList.Arguments,
                _ => default,
            };
            return arguments.Count > 0 && arguments[0].Expression is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.IndexOf('"') < 0
                && literal.Token.ValueText.IndexOf('\\') < 0
                ? literal.Token.ValueText
                : null;
        }

        /// <summary>The value of a non-static, non-const string field or property initializer in a bindable type.</summary>
        private static bool IsInstanceStringInitializer(ExpressionSyntax node)
        {
            if (Up(node).Parent is not EqualsValueClauseSyntax clause)
            {
                return false;
            }

            if (!IsBindable(clause.FirstAncestorOrSelf<TypeDeclarationSyntax>()))
            {
                return false;
            }

            return clause.Parent switch
            {
                PropertyDeclarationSyntax property => !property.Modifiers.Any(SyntaxKind.StaticKeyword) && IsString(property.Type),
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } declaration } =>
                    !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    && IsString(declaration.Type),
                _ => false,
            };
        }

        /// <summary>A type with a settable instance property is built by binders and serializers, which run its initializers.</summary>
        private static bool IsBindable(TypeDeclarationSyntax? type) =>
            type is not null && type.Members.OfType<PropertyDeclarationSyntax>().Any(p =>
                !p.Modifiers.Any(SyntaxKind.StaticKeyword) && p.AccessorList is { } accessors
                && accessors.Accessors.Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration) || a.IsKind(SyntaxKind.InitAccessorDeclaration)));

        private static bool IsString(TypeSyntax type) =>
            (type is NullableTypeSyntax nullable ? nullable.ElementType : type) is PredefinedTypeSyntax predefined
            && predefined.Keyword.IsKind(SyntaxKind.StringKeyword);

        /// <summary>"static string X { get; } = ..." becomes "static string X => read": read on use, not in the type initializer.</summary>
        private static PropertyDeclarationSyntax? StaticGetOnlyProperty(ExpressionSyntax node) =>
            Up(node).Parent is EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }
            && property.Modifiers.Any(SyntaxKind.StaticKeyword) && property.AccessorList is { Accessors: { Count: 1 } accessors }
            && accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration) && accessors[0].Body is null && accessors[0].ExpressionBody is null
                ? property
                : null;

        private static PropertyDeclarationSyntax ToExpressionBodied(PropertyDeclarationSyntax property, string read)
        {
            var body = SyntaxEditorLite.Simplifiable(SyntaxFactory.ParseExpression(read)).WithAdditionalAnnotations(Simplifier.Annotation);
            return property
                .WithAccessorList(null)
                .WithInitializer(null)
                .WithIdentifier(property.Identifier.WithTrailingTrivia(SyntaxFactory.Space))
                .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(body))
                .WithSemicolonToken(property.SemicolonToken)
                .WithAdditionalAnnotations(Formatter());
        }

        /// <summary>The u8 literal, or the "..."u8.ToArray() call around it, that the diagnostic points at.</summary>
        private static ExpressionSyntax? Utf8Literal(ExpressionSyntax node)
        {
            var literal = node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression : node;
            if (!literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
            {
                return null;
            }

            return literal.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray", Parent: InvocationExpressionSyntax call }
                ? call
                : literal;
        }

        private static SyntaxNode Up(SyntaxNode node)
        {
            while (node.Parent is ParenthesizedExpressionSyntax parent)
            {
                node = parent;
            }

            return node;
        }

        private static ExpressionSyntax Down(ExpressionSyntax node)
        {
            while (node is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized.Expression;
            }

            return node;
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
