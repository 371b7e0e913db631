using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace HipaaAnalyzers.CodeFixes.Rules.Integrity
{
    /// <summary>
    /// HIPAA501: turns simple dynamic SQL into parameterised SQL. EF raw methods become FromSql/ExecuteSql with an
    /// interpolated string; ADO.NET CommandText gets @parameters plus Parameters.AddWithValue; Dapper gets an
    /// anonymous parameter object. Quotes around a replaced value are removed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DynamicSqlCodeFixProvider)), Shared]
    public sealed class DynamicSqlCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = "HIPAA501.Parameterize";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DynamicSql);

        // The batch fixer, which also answers the keyless Fix All request of dotnet format.
        public override FixAllProvider GetFixAllProvider() => HipaaAnalyzers.CodeFixes.FixAll.FirstActionFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix is null or "none"
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
                {
                    continue;
                }

                var sql = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
                if (sql is null || SqlPieces.Parse(sql, model, Reserved(sql), context.CancellationToken) is not { } pieces)
                {
                    continue;
                }

                var title = fix == "useInterpolatedSql" ? "Use the parameterising interpolated SQL method" : "Pass the values as SQL parameters";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(context.Document, sql, pieces, fix, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, ExpressionSyntax sql, SqlPieces pieces, string fix, CancellationToken ct)
        {
            var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
            switch (fix)
            {
                case "useInterpolatedSql":
                    if (sql.Parent?.Parent?.Parent is InvocationExpressionSyntax invocation && Renamed(invocation) is { } renamed)
                    {
                        editor.ReplaceNode(invocation.Expression, renamed);
                        editor.ReplaceNode(sql, pieces.ToInterpolated().WithTriviaFrom(sql));
                    }

                    break;
                case "addParameters":
                    if (sql.Parent is AssignmentExpressionSyntax
                        {
                            Left: MemberAccessExpressionSyntax target, Parent: ExpressionStatementSyntax statement,
                        }
                        && statement.Parent is BlockSyntax)
                    {
                        editor.ReplaceNode(sql, pieces.ToParameterised().WithTriviaFrom(sql));
                        var indent = statement.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                        var added = pieces.Parameters.Select(p => SyntaxFactory.ParseStatement(
                                $"{target.Expression}.Parameters.AddWithValue(\"@{p.Name}\", {p.Value});")
                            .WithLeadingTrivia(indent)
                            .WithTrailingTrivia(statement.GetTrailingTrivia()));
                        editor.InsertAfter(statement, added);
                    }

                    break;
                case "anonymousParameters":
                    if (sql.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax list)
                    {
                        var members = pieces.Parameters.Select(p => p.Value is IdentifierNameSyntax or MemberAccessExpressionSyntax
                            && p.Name == LastName(p.Value) ? p.Value.ToString() : p.Name + " = " + p.Value);
                        var value = SyntaxFactory.ParseExpression("new { " + string.Join(", ", members) + " }");
                        var last = list.Arguments.Last() == argument && argument.NameColon is null;
                        var added = last ? SyntaxFactory.Argument(value) : SyntaxFactory.Argument(
                            SyntaxFactory.NameColon("param"), default, value);
                        editor.ReplaceNode(list, list.WithArguments(list.Arguments.Replace(argument,
                            argument.WithExpression(pieces.ToParameterised().WithTriviaFrom(sql))).Add(added)));
                    }

                    break;
            }

            return editor.GetChangedDocument();
        }

        /// <summary>Names already added to the same command in this member: <c>cmd.Parameters.Add*("@name", ...)</c>.</summary>
        private static IEnumerable<string> Reserved(ExpressionSyntax sql)
        {
            if (sql.Parent is not AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target }
                || sql.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
            {
                return Enumerable.Empty<string>();
            }

            return member.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(call => call.Expression is MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: var name,
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Parameters" } parameters,
                }
                    && name.StartsWith("Add", System.StringComparison.Ordinal)
                    && SyntaxFactory.AreEquivalent(parameters.Expression, target.Expression))
                .SelectMany(call => SqlPieces.NamesIn(call.ArgumentList))
                .ToList();
        }

        private static ExpressionSyntax? Renamed(InvocationExpressionSyntax invocation)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            var name = access.Name.Identifier.ValueText;
            if (!HipaaAnalyzers.Sinks.SqlSinks.EfInterpolatedReplacements.TryGetValue(name, out var replacement))
            {
                return null;
            }

            return access.WithName(access.Name.WithIdentifier(SyntaxFactory.Identifier(replacement).WithTriviaFrom(access.Name.Identifier)));
        }

        internal static string LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => "p",
        };
    }
}
