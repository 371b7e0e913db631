using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using HipaaAnalyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace HipaaAnalyzers.CodeFixes.Rules.PhiExposure
{
    /// <summary>Syntax edits on log calls: drop an interpolation hole, a concatenated operand, or a value argument with its placeholder.</summary>
    internal static class LogCallEdits
    {
        /// <summary>A target can be removed without breaking the call: a hole, a string operand, or a value argument after a template.</summary>
        public static bool CanRemove(SyntaxNode target)
        {
            if (target is InterpolationSyntax)
            {
                return true;
            }

            if (target.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
            {
                return true;
            }

            return target.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } list } argument
                && TemplateIndex(list) is { } templateIndex
                && list.Arguments.IndexOf(argument) > templateIndex;
        }

        /// <summary>True when removing the targets would leave a message with no words ($"{ssn}" becomes $""): not worth offering.</summary>
        public static bool LeavesEmptyMessage(IReadOnlyList<SyntaxNode> targets)
        {
            foreach (var group in targets.OfType<InterpolationSyntax>().GroupBy(h => (InterpolatedStringExpressionSyntax)h.Parent!))
            {
                var remaining = group.Key.Contents.Where(c => !group.Contains(c)).ToList();
                if (!remaining.OfType<InterpolationSyntax>().Any()
                    && !remaining.OfType<InterpolatedStringTextSyntax>().Any(t => t.TextToken.ValueText.Any(char.IsLetterOrDigit)))
                {
                    return true;
                }
            }

            return false;
        }

        public static void Remove(DocumentEditor editor, IReadOnlyList<SyntaxNode> targets, CancellationToken cancellationToken)
        {
            foreach (var group in targets.OfType<InterpolationSyntax>().GroupBy(h => (InterpolatedStringExpressionSyntax)h.Parent!))
            {
                var indexes = new HashSet<int>(group.Select(h => group.Key.Contents.IndexOf(h)));
                editor.ReplaceNode(group.Key, (current, _) => AsPlainLiteralIfNoHoles(WithoutHoles((InterpolatedStringExpressionSyntax)current, indexes)));
            }

            foreach (var operand in targets.Where(t => t.Parent is BinaryExpressionSyntax))
            {
                var binary = (BinaryExpressionSyntax)operand.Parent!;
                var keepLeft = binary.Right == operand;
                editor.ReplaceNode(binary, (current, _) =>
                {
                    var rewritten = (BinaryExpressionSyntax)current;
                    var kept = keepLeft ? TrimEndOfText(rewritten.Left) : rewritten.Right;
                    return kept.WithTriviaFrom(rewritten);
                });
            }

            foreach (var call in targets.Where(t => t.Parent is ArgumentSyntax).GroupBy(t => (ArgumentListSyntax)t.Parent!.Parent!))
            {
                var list = call.Key;
                var templateIndex = TemplateIndex(list) ?? -1;
                var removed = new HashSet<int>();
                foreach (var target in call)
                {
                    var argument = (ArgumentSyntax)target.Parent!;
                    removed.Add(list.Arguments.IndexOf(argument) - templateIndex - 1);
                    editor.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);
                }

                if (templateIndex >= 0 && list.Arguments[templateIndex].Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    var text = WithoutPlaceholders(literal.Token.ValueText, removed);
                    editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal));
                }
            }
        }

        /// <summary>"Email changed from " + email loses the value: drop the space it leaves at the end of the text.</summary>
        private static ExpressionSyntax TrimEndOfText(ExpressionSyntax left)
        {
            var last = left is BinaryExpressionSyntax chain ? chain.Right : left;
            if (last is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || literal.Token.ValueText.TrimEnd(' ') == literal.Token.ValueText || literal.Token.ValueText.Trim().Length == 0)
            {
                return left;
            }

            var trimmed = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(literal.Token.ValueText.TrimEnd(' ')))
                .WithTriviaFrom(literal);
            return left is BinaryExpressionSyntax binary ? binary.WithRight(trimmed) : trimmed;
        }

        /// <summary>
        /// Wraps a value in the configured redactor. Non-string values become text first: a hole's format string is kept
        /// (<c>ToString("yyyy-MM-dd")</c>), a collection of strings is joined, a maybe-null value is coalesced to empty
        /// when the redactor does not accept null.
        /// </summary>
        public static ExpressionSyntax WrapInRedactor(ExpressionSyntax expression, string redactor, TypeInfo info, string? format, bool redactorAcceptsNull)
        {
            var value = expression.WithoutTrivia();
            var type = info.Type;
            if (type is not null && type.SpecialType != SpecialType.System_String)
            {
                value = IsStringSequence(type)
                    ? SyntaxFactory.ParseExpression("string.Join(\", \", " + value.ToFullString() + ")")
                    : SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(value), SyntaxFactory.IdentifierName("ToString")),
                        format is null
                            ? SyntaxFactory.ArgumentList()
                            : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(format))))));
            }
            else if (!redactorAcceptsNull && info.Nullability.FlowState == NullableFlowState.MaybeNull)
            {
                value = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, Parenthesize(value),
                    SyntaxFactory.ParseExpression("string.Empty"));
            }

            var method = SyntaxFactory.ParseExpression("global::" + redactor)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            return SyntaxFactory.InvocationExpression(method, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value))))
                .WithTriviaFrom(expression)
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }

        /// <summary>Only compound expressions need parentheses before a member access; names and calls do not.</summary>
        private static ExpressionSyntax Parenthesize(ExpressionSyntax value) =>
            value is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
                ? value
                : SyntaxFactory.ParenthesizedExpression(value);

        private static bool IsStringSequence(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String })
            {
                return true;
            }

            return IsEnumerableOfString(type) || type.AllInterfaces.Any(IsEnumerableOfString);
        }

        private static bool IsEnumerableOfString(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } enumerable
            && enumerable.TypeArguments[0].SpecialType == SpecialType.System_String;

        /// <summary>Removes the placeholders bound to the removed value arguments; numeric ones are renumbered.</summary>
        internal static string WithoutPlaceholders(string template, ISet<int> removedValueIndexes)
        {
            var holes = MessageTemplate.Parse(template);
            var numeric = holes.Length > 0 && holes.All(h => h.IsNumeric);
            var builder = new StringBuilder();
            var last = 0;
            for (var ordinal = 0; ordinal < holes.Length; ordinal++)
            {
                var hole = holes[ordinal];
                var index = numeric ? int.Parse(hole.Name, CultureInfo.InvariantCulture) : ordinal;
                builder.Append(template, last, hole.Start - last);
                last = hole.Start + hole.Length;
                if (removedValueIndexes.Contains(index))
                {
                    continue;
                }

                var original = template.Substring(hole.Start, hole.Length);
                if (numeric)
                {
                    var shift = removedValueIndexes.Count(r => r < index);
                    original = "{" + (index - shift).ToString(CultureInfo.InvariantCulture) + original.Substring(1 + hole.Name.Length);
                }

                builder.Append(original);
            }

            builder.Append(template, last, template.Length - last);
            return Tidy(builder.ToString());
        }

        /// <summary>$"Looking up record" with its last hole gone reads better as "Looking up record".</summary>
        private static ExpressionSyntax AsPlainLiteralIfNoHoles(InterpolatedStringExpressionSyntax node)
        {
            if (node.Contents.OfType<InterpolationSyntax>().Any() || !node.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken))
            {
                return node;
            }

            // Regular $"..." text uses the same escapes as a regular literal, except doubled braces.
            var raw = string.Concat(node.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.Text));
            return raw.IndexOfAny(new[] { '{', '}' }) >= 0
                ? node
                : SyntaxFactory.ParseExpression("\"" + raw + "\"").WithTriviaFrom(node);
        }

        private static InterpolatedStringExpressionSyntax WithoutHoles(InterpolatedStringExpressionSyntax node, ISet<int> indexes)
        {
            var contents = new List<InterpolatedStringContentSyntax>();
            for (var i = 0; i < node.Contents.Count; i++)
            {
                if (!indexes.Contains(i))
                {
                    contents.Add(node.Contents[i]);
                }
            }

            // Merge adjacent text parts so that the spacing left by a removed hole can be tidied.
            var merged = new List<InterpolatedStringContentSyntax>();
            foreach (var content in contents)
            {
                if (content is InterpolatedStringTextSyntax text && merged.Count > 0 && merged[merged.Count - 1] is InterpolatedStringTextSyntax previous)
                {
                    merged[merged.Count - 1] = MakeText(previous.TextToken.Text + text.TextToken.Text);
                    continue;
                }

                merged.Add(content);
            }

            for (var i = 0; i < merged.Count; i++)
            {
                if (merged[i] is InterpolatedStringTextSyntax text)
                {
                    var tidied = TidyRaw(text.TextToken.Text, i == 0, i == merged.Count - 1);
                    merged[i] = MakeText(tidied);
                }
            }

            return node.WithContents(SyntaxFactory.List(merged.Where(c => c is not InterpolatedStringTextSyntax t || t.TextToken.Text.Length > 0)));
        }

        private static InterpolatedStringTextSyntax MakeText(string raw) =>
            SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(
                SyntaxTriviaList.Empty, SyntaxKind.InterpolatedStringTextToken, raw, raw, SyntaxTriviaList.Empty));

        private static string Tidy(string text) => TidyRaw(text, isFirst: true, isLast: true);

        /// <summary>Collapses the double space a removed placeholder leaves and the space before punctuation.</summary>
        private static string TidyRaw(string text, bool isFirst, bool isLast)
        {
            while (text.Contains("  "))
            {
                text = text.Replace("  ", " ");
            }

            foreach (var mark in new[] { " .", " ,", " ;", " :", " )", " !" })
            {
                text = text.Replace(mark, mark.Substring(1));
            }

            if (isLast)
            {
                text = text.TrimEnd(' ');
            }

            if (isFirst)
            {
                text = text.TrimStart(' ');
            }

            return text;
        }

        private static int? TemplateIndex(ArgumentListSyntax list)
        {
            for (var i = 0; i < list.Arguments.Count; i++)
            {
                var expression = list.Arguments[i].Expression;
                if (expression is InterpolatedStringExpressionSyntax
                    || (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)))
                {
                    return i;
                }
            }

            return null;
        }
    }
}
