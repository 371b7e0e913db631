using System.Collections.Generic;
using HipaaAnalyzers.Flow;
using HipaaAnalyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.PhiExposure
{
    /// <summary>
    /// The PHI findings among one log call's arguments. Each finding records whether it sits inside text built in place
    /// (an interpolation hole or a concatenated operand), which the code fix can always drop.
    /// </summary>
    internal static class LogArguments
    {
        /// <summary>In the message itself, each interpolation hole or concatenated operand is its own finding.</summary>
        internal static void AddTemplateFindings(IOperation template, PhiFlow flow, List<(Location, PhiFinding, bool)> findings)
        {
            while (template is IConversionOperation conversion)
            {
                template = conversion.Operand;
            }

            switch (template)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && flow.Find(hole.Expression) is { } found && Reportable(found, null))
                        {
                            findings.Add((hole.Syntax.GetLocation(), found, true));
                        }
                    }

                    return;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    AddTemplateFindings(binary.LeftOperand, flow, findings);
                    AddTemplateFindings(binary.RightOperand, flow, findings);
                    return;
                default:
                    if (flow.Find(template) is { } value && Reportable(value, null))
                    {
                        // An operand of a concatenation can be dropped; the whole message cannot.
                        findings.Add((template.Syntax.GetLocation(), value, template.Parent is IBinaryOperation or IConversionOperation { Parent: IBinaryOperation }));
                    }

                    return;
            }
        }

        internal static void AddValueFinding(IOperation value, PhiFlow flow, MessageTemplate.Hole? hole, List<(Location, PhiFinding, bool)> findings)
        {
            var unwrapped = value;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            // Text built in place (Console.WriteLine("x " + ssn)): report the hole or operand, which the fix can drop.
            if (unwrapped is IInterpolatedStringOperation
                || (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add && add.Type?.SpecialType == SpecialType.System_String))
            {
                AddTemplateFindings(unwrapped, flow, findings);
                return;
            }

            if (flow.Find(value) is { } found && Reportable(found, hole))
            {
                findings.Add((value.Syntax.GetLocation(), found, false));
            }
        }

        /// <summary>A whole object leaks only when it is destructured ({@Patient}) or its ToString prints members.</summary>
        internal static bool Reportable(PhiFinding finding, MessageTemplate.Hole? hole) =>
            !finding.IsWholeObject
            || (hole is { } h && h.Destructures)
            || WholeObjects.PrintsMembers(finding.Origin?.Type);
    }
}
