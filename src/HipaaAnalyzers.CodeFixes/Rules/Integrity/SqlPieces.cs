using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaAnalyzers.CodeFixes.Rules.Integrity
{
    /// <summary>
    /// SQL text split into constant text and values, from a concatenation or an interpolated string. Only simple
    /// values (names and member accesses) are accepted, so the rewrite never moves side effects.
    /// </summary>
    internal sealed class SqlPieces
    {
        private readonly List<(string? Text, ExpressionSyntax? Value, string? Name)> _pieces = new List<(string?, ExpressionSyntax?, string?)>();

        public List<(string Name, ExpressionSyntax Value)> Parameters { get; } = new List<(string, ExpressionSyntax)>();

        public static SqlPieces? Parse(ExpressionSyntax sql, SemanticModel model, CancellationToken ct)
        {
            var pieces = new SqlPieces();
            if (!pieces.Add(sql, model, ct) || pieces.Parameters.Count == 0)
            {
                return null;
            }

            pieces.StripQuotes();
            return pieces;
        }

        private bool Add(ExpressionSyntax expression, SemanticModel model, CancellationToken ct)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            var constant = model.GetConstantValue(expression, ct);
            if (constant.HasValue)
            {
                if (constant.Value is not string text)
                {
                    return false;
                }

                _pieces.Add((text, null, null));
                return true;
            }

            switch (expression)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return Add(binary.Left, model, ct) && Add(binary.Right, model, ct);
                case InterpolatedStringExpressionSyntax interpolated
                    when interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken)
                        || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken):
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            _pieces.Add((text.TextToken.ValueText, null, null));
                        }
                        else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole)
                        {
                            if (!Add(hole.Expression, model, ct))
                            {
                                return false;
                            }
                        }
                        else
                        {
                            return false;
                        }
                    }

                    return true;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax when IsSimple(expression):
                    _pieces.Add((null, expression, NameFor(expression)));
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsSimple(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax access => access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && IsSimple(access.Expression),
            _ => false,
        };

        private string NameFor(ExpressionSyntax value)
        {
            foreach (var (name, existing) in Parameters)
            {
                if (SyntaxFactory.AreEquivalent(existing, value))
                {
                    return name;
                }
            }

            var baseName = DynamicSqlCodeFixProvider.LastName(value);
            var candidate = baseName;
            for (var i = 2; Parameters.Any(p => string.Equals(p.Name, candidate, System.StringComparison.OrdinalIgnoreCase)); i++)
            {
                candidate = baseName + i.ToString(CultureInfo.InvariantCulture);
            }

            Parameters.Add((candidate, value));
            return candidate;
        }

        /// <summary>'{value}' and N'{value}' become a bare parameter: the driver quotes it.</summary>
        private void StripQuotes()
        {
            for (var i = 1; i < _pieces.Count - 1; i++)
            {
                var (before, after) = (_pieces[i - 1].Text, _pieces[i + 1].Text);
                if (_pieces[i].Value is null || before is null || after is null || !before.EndsWith("'") || !after.StartsWith("'"))
                {
                    continue;
                }

                var cut = before.Length > 1 && before[before.Length - 2] == 'N'
                    && (before.Length == 2 || !char.IsLetterOrDigit(before[before.Length - 3])) ? 2 : 1;
                _pieces[i - 1] = (before.Substring(0, before.Length - cut), null, null);
                _pieces[i + 1] = (after.Substring(1), null, null);
            }
        }

        public ExpressionSyntax ToParameterised()
        {
            var text = new StringBuilder();
            foreach (var (piece, _, name) in _pieces)
            {
                text.Append(piece ?? "@" + name);
            }

            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text.ToString()));
        }

        public ExpressionSyntax ToInterpolated()
        {
            var text = new StringBuilder("$\"");
            foreach (var (piece, value, _) in _pieces)
            {
                if (value is not null)
                {
                    text.Append('{').Append(value).Append('}');
                    continue;
                }

                foreach (var c in piece!)
                {
                    text.Append(c switch
                    {
                        '\\' => "\\\\",
                        '"' => "\\\"",
                        '{' => "{{",
                        '}' => "}}",
                        '\r' => "\\r",
                        '\n' => "\\n",
                        '\t' => "\\t",
                        _ => c.ToString(),
                    });
                }
            }

            return SyntaxFactory.ParseExpression(text.Append('"').ToString());
        }
    }
}
