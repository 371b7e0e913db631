using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaAnalyzers.CodeFixes.Rules.Integrity
{
    /// <summary>
    /// SQL text split into constant text and values, from a concatenation or an interpolated string. Only simple
    /// values (names and member accesses) are accepted, so the rewrite never moves side effects. Parsing fails (no
    /// fix) unless every value stands where SQL expects a value: quoted alone (<c>'{x}'</c>), or unquoted after a
    /// comparison, LIKE, or inside an IN (...) / VALUES (...) list. A value inside a longer literal
    /// (<c>'%{x}%'</c>) or in an identifier position (<c>ORDER BY {x}</c>) cannot become a parameter.
    /// </summary>
    internal sealed class SqlPieces
    {
        private static readonly Regex ParameterName = new Regex(@"[@:](\w+)", RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));
        private static readonly Regex ValueContext = new Regex(
            @"(?:=|<>|!=|<|>|\bLIKE|\bILIKE)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));
        private static readonly Regex ListContext = new Regex(
            @"\b(?:IN|VALUES)\s*\($", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));

        private readonly List<(string? Text, ExpressionSyntax? Value, string? Name)> _pieces = new List<(string?, ExpressionSyntax?, string?)>();

        public List<(string Name, ExpressionSyntax Value)> Parameters { get; } = new List<(string, ExpressionSyntax)>();

        /// <param name="reserved">Parameter names already used by the command (without the @ prefix).</param>
        public static SqlPieces? Parse(ExpressionSyntax sql, SemanticModel model, IEnumerable<string> reserved, CancellationToken ct)
        {
            var pieces = new SqlPieces();
            if (!pieces.Add(sql, model, ct) || !pieces._pieces.Any(p => p.Value is not null))
            {
                return null;
            }

            try
            {
                if (!pieces.PlaceValues())
                {
                    return null;
                }

                pieces.Name(reserved);
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }

            return pieces;
        }

        /// <summary>Names written as @name or :name in any string literal of the node (existing parameters).</summary>
        public static IEnumerable<string> NamesIn(SyntaxNode node)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    foreach (Match match in ParameterName.Matches(token.ValueText))
                    {
                        yield return match.Groups[1].Value;
                    }
                }
            }
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

                AddText(text);
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
                            AddText(text.TextToken.ValueText);
                        }
                        else if (content is not InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole
                            || !Add(hole.Expression, model, ct))
                        {
                            return false;
                        }
                    }

                    return true;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax when IsSimple(expression):
                    _pieces.Add((null, expression, null));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Adjacent constant parts merge, so quotes split across literals are still seen together.</summary>
        private void AddText(string text)
        {
            if (_pieces.Count > 0 && _pieces[_pieces.Count - 1].Text is { } previous)
            {
                _pieces[_pieces.Count - 1] = (previous + text, null, null);
                return;
            }

            _pieces.Add((text, null, null));
        }

        private static bool IsSimple(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax access => access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && IsSimple(access.Expression),
            _ => false,
        };

        /// <summary>
        /// Walks the SQL text tracking single-quoted literals. A value quoted alone loses its quotes (and an N prefix);
        /// any other value must be unquoted in a value position. Returns false when a value cannot become a parameter.
        /// </summary>
        private bool PlaceValues()
        {
            var inLiteral = false;
            var seen = new StringBuilder();
            for (var i = 0; i < _pieces.Count; i++)
            {
                if (_pieces[i].Text is { } text)
                {
                    inLiteral = Scan(text, inLiteral);
                    seen.Append(text);
                    continue;
                }

                var before = i > 0 ? _pieces[i - 1].Text : null;
                var after = i + 1 < _pieces.Count ? _pieces[i + 1].Text : null;
                if (inLiteral)
                {
                    // Quoted alone: the literal opened on the last character before and closes on the first after.
                    if (before is null || after is null
                        || !before.EndsWith("'", System.StringComparison.Ordinal) || Scan(before.Substring(0, before.Length - 1), false)
                        || !after.StartsWith("'", System.StringComparison.Ordinal) || after.StartsWith("''", System.StringComparison.Ordinal))
                    {
                        return false;
                    }

                    var cut = before.Length > 1 && before[before.Length - 2] is 'N' or 'n'
                        && (before.Length == 2 || !char.IsLetterOrDigit(before[before.Length - 3])) ? 2 : 1;
                    var prefix = before.Substring(0, before.Length - cut);
                    if (!IsValuePosition(seen.ToString(0, seen.Length - cut)))
                    {
                        return false;
                    }

                    _pieces[i - 1] = (prefix, null, null);
                    _pieces[i + 1] = (after.Substring(1), null, null);
                    seen.Length -= cut;
                    seen.Append('?');
                    inLiteral = false;
                    i++;
                    inLiteral = Scan(after.Substring(1), false);
                    seen.Append(after.Substring(1));
                    continue;
                }

                if (!IsValuePosition(seen.ToString()))
                {
                    return false;
                }

                seen.Append('?');
            }

            return !inLiteral;
        }

        /// <summary>Whether the text leaves a single-quoted literal open, starting in or out of one.</summary>
        private static bool Scan(string text, bool inLiteral)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '\'')
                {
                    continue;
                }

                if (inLiteral && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                inLiteral = !inLiteral;
            }

            return inLiteral;
        }

        private static bool IsValuePosition(string before)
        {
            var text = before.TrimEnd();
            if (ValueContext.IsMatch(text))
            {
                return true;
            }

            // Inside a parenthesised list: the innermost open parenthesis must follow IN or VALUES.
            var depth = 0;
            for (var i = text.Length - 1; i >= 0; i--)
            {
                if (text[i] == ')')
                {
                    depth++;
                }
                else if (text[i] == '(' && depth-- == 0)
                {
                    var tail = text.Substring(i + 1).Trim();
                    return (tail.Length == 0 || tail.EndsWith(",", System.StringComparison.Ordinal))
                        && ListContext.IsMatch(text.Substring(0, i + 1));
                }
            }

            return false;
        }

        private void Name(IEnumerable<string> reserved)
        {
            var used = new HashSet<string>(reserved, System.StringComparer.OrdinalIgnoreCase);
            foreach (var (text, _, _) in _pieces)
            {
                if (text is not null)
                {
                    foreach (Match match in ParameterName.Matches(text))
                    {
                        used.Add(match.Groups[1].Value);
                    }
                }
            }

            for (var i = 0; i < _pieces.Count; i++)
            {
                if (_pieces[i].Value is { } value)
                {
                    _pieces[i] = (null, value, NameFor(value, used));
                }
            }
        }

        private string NameFor(ExpressionSyntax value, HashSet<string> used)
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
            for (var i = 1; used.Contains(candidate); i++)
            {
                candidate = baseName + i.ToString(CultureInfo.InvariantCulture);
            }

            used.Add(candidate);
            Parameters.Add((candidate, value));
            return candidate;
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
