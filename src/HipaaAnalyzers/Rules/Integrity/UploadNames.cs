using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Integrity
{
    /// <summary>
    /// Client-supplied upload file names (IFormFile.FileName, Content-Disposition file names, HttpPostedFile) and the
    /// operations that keep a value a client-chosen name. Anything else (GetExtension, a hash, a Guid) cuts the flow.
    /// </summary>
    internal sealed class UploadNames
    {
        private const int MaxDepth = 4;

        // Collection expressions (C# 12) postdate the Roslyn this package compiles against; the host knows the kinds.
        private static readonly OperationKind CollectionExpression = KindNamed("CollectionExpression");
        private static readonly OperationKind Spread = KindNamed("Spread");

        private readonly List<INamedTypeSymbol> _sourceTypes;

        private UploadNames(List<INamedTypeSymbol> sourceTypes) => _sourceTypes = sourceTypes;

        public struct Trace
        {
            public bool ViaCombine;
        }

        public static UploadNames? Resolve(Compilation compilation)
        {
            var types = new List<INamedTypeSymbol>();
            foreach (var name in new[]
            {
                "Microsoft.AspNetCore.Http.IFormFile",
                "Microsoft.Net.Http.Headers.ContentDispositionHeaderValue",
                "System.Net.Http.Headers.ContentDispositionHeaderValue",
                "System.Web.HttpPostedFileBase",
                "System.Web.HttpPostedFile",
            })
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    types.Add(type);
                }
            }

            return types.Count == 0 ? null : new UploadNames(types);
        }

        private bool IsSource(IPropertySymbol property)
        {
            if (property.Name is not ("FileName" or "FileNameStar"))
            {
                return false;
            }

            var type = property.ContainingType;
            foreach (var source in _sourceTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(type, source) || type.AllInterfaces.Contains(source, SymbolEqualityComparer.Default)
                    || (type.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType, source)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The file-name property read whose value reaches <paramref name="value"/>, or null.</summary>
        public IPropertyReferenceOperation? Find(IOperation value, IOperation root, int depth, ref Trace trace)
        {
            value = LocalAssignments.Unwrap(value);
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IPropertyReferenceOperation property when IsSource(property.Property):
                    return property;
                case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } segment } when segment.Type?.Name == "StringSegment":
                    return Find(segment, root, depth + 1, ref trace);
                case ILocalReferenceOperation local:
                    foreach (var (assigned, _) in LocalAssignments.Of(local.Local, root))
                    {
                        if (Find(assigned, root, depth + 1, ref trace) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return Find(binary.LeftOperand, root, depth + 1, ref trace) ?? Find(binary.RightOperand, root, depth + 1, ref trace);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && Find(hole.Expression, root, depth + 1, ref trace) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IArrayElementReferenceOperation element:
                    return Find(element.ArrayReference, root, depth + 1, ref trace);
                case IArrayCreationOperation:
                case { } when IsCollectionExpression(value):
                    foreach (var item in Elements(value) ?? Enumerable.Empty<IOperation>())
                    {
                        if (Find(item, root, depth + 1, ref trace) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IConditionalOperation conditional:
                    return Find(conditional.WhenTrue, root, depth + 1, ref trace)
                        ?? (conditional.WhenFalse is { } whenFalse ? Find(whenFalse, root, depth + 1, ref trace) : null);
                case ICoalesceOperation coalesce:
                    return Find(coalesce.Value, root, depth + 1, ref trace) ?? Find(coalesce.WhenNull, root, depth + 1, ref trace);
                case IInvocationOperation invocation when Keeps(invocation.TargetMethod, out var combines):
                    foreach (var input in Inputs(invocation))
                    {
                        if (Find(input, root, depth + 1, ref trace) is { } found)
                        {
                            trace.ViaCombine |= combines;
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>The part of a sink argument that carries the name: what a fix replaces.</summary>
        public IOperation Carrier(IOperation value, IOperation root)
        {
            var trace = default(Trace);
            var unwrapped = LocalAssignments.Unwrap(value);
            IEnumerable<IOperation> parts = unwrapped switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => new[] { binary.LeftOperand, binary.RightOperand },
                IInterpolatedStringOperation interpolated => InterpolationHoles(interpolated),
                IInvocationOperation invocation when Keeps(invocation.TargetMethod, out var combines)
                    && (combines || invocation.TargetMethod.Name == "MapPath") => Inputs(invocation),
                _ => System.Array.Empty<IOperation>(),
            };
            foreach (var part in parts)
            {
                if (Find(part, root, 0, ref trace) is not null)
                {
                    return Carrier(part, root);
                }
            }

            return unwrapped;
        }

        /// <summary>True when the value is the client's name itself, possibly trimmed or stripped of directories.</summary>
        public bool IsNameOnly(IOperation value, IOperation root, int depth)
        {
            value = LocalAssignments.Unwrap(value);
            switch (value)
            {
                case IPropertyReferenceOperation property when IsSource(property.Property):
                    return true;
                case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } segment }:
                    return IsNameOnly(segment, root, depth + 1);
                case IInvocationOperation invocation when Keeps(invocation.TargetMethod, out var combines) && !combines
                    && invocation.TargetMethod.Name is not ("Concat" or "Format" or "Join"):
                    var trace = default(Trace);
                    foreach (var input in Inputs(invocation))
                    {
                        if (Find(input, root, depth + 1, ref trace) is not null)
                        {
                            return IsNameOnly(input, root, depth + 1);
                        }
                    }

                    return false;
                case ILocalReferenceOperation local when depth <= MaxDepth:
                    var assignments = LocalAssignments.Of(local.Local, root);
                    foreach (var (assigned, appends) in assignments)
                    {
                        if (appends || !IsNameOnly(assigned, root, depth + 1))
                        {
                            return false;
                        }
                    }

                    return assignments.Count > 0;
                default:
                    return false;
            }
        }

        private static bool Keeps(IMethodSymbol method, out bool combines)
        {
            combines = false;
            var type = method.ContainingType;
            switch (type?.Name)
            {
                case "String":
                    return type.SpecialType == SpecialType.System_String
                        && (method.IsStatic
                            ? method.Name is "Concat" or "Format" or "Join"
                            : method.ReturnType.SpecialType == SpecialType.System_String || method.Name == "Split");
                case "Path":
                    combines = method.Name is "Combine" or "Join";
                    return combines || method.Name is "GetFileName" or "GetFileNameWithoutExtension" or "GetFullPath" or "ChangeExtension";
                case "StringSegment":
                    return method.Name is "ToString" or "Trim" or "Substring";
                case "HeaderUtilities":
                    return method.Name == "RemoveQuotes";
                case "HttpServerUtility" or "HttpServerUtilityBase":
                    return method.Name == "MapPath";
                case "WebUtility" or "HttpUtility" or "Uri":
                    return method.Name is "UrlDecode" or "HtmlDecode" or "UnescapeDataString";
                default:
                    return false;
            }
        }

        private static IEnumerable<IOperation> Inputs(IInvocationOperation invocation)
        {
            if (invocation.Instance is { } instance)
            {
                yield return instance;
            }

            foreach (var argument in invocation.Arguments)
            {
                foreach (var element in Elements(LocalAssignments.Unwrap(argument.Value)) ?? new[] { argument.Value })
                {
                    yield return element;
                }
            }
        }

        /// <summary>Roslyn 4.8 hosts show a collection expression as an untyped operation over its elements.</summary>
        private static bool IsCollectionExpression(IOperation value) => value.Kind == CollectionExpression
            || (value.Kind == OperationKind.None && value.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionExpression));

        private static OperationKind KindNamed(string name) =>
            System.Enum.TryParse<OperationKind>(name, out var kind) ? kind : (OperationKind)(-1);

        /// <summary>The elements of an array creation or a collection expression (also an implicit params span).</summary>
        public static IEnumerable<IOperation>? Elements(IOperation value) => value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            { } when IsCollectionExpression(value) => value.ChildOperations.Where(e => e.Kind != Spread),
            _ => null,
        };

        private static IEnumerable<IOperation> InterpolationHoles(IInterpolatedStringOperation interpolated)
        {
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolationOperation hole)
                {
                    yield return hole.Expression;
                }
            }
        }
    }
}
