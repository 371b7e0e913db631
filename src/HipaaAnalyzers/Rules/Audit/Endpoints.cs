using System;
using System.Collections.Immutable;
using System.Threading;
using HipaaAnalyzers.Phi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Rules.Audit
{
    /// <summary>ASP.NET Core endpoints (controller actions, minimal API handlers) and what they touch, for HIPAA601.</summary>
    internal sealed class Endpoints
    {
        private readonly INamedTypeSymbol? _controllerBase;
        private readonly INamedTypeSymbol? _routeExtensions;

        private Endpoints(INamedTypeSymbol? controllerBase, INamedTypeSymbol? routeExtensions)
        {
            _controllerBase = controllerBase;
            _routeExtensions = routeExtensions;
        }

        public static Endpoints? Resolve(Compilation compilation)
        {
            var controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            var routeExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            return controllerBase is null && routeExtensions is null ? null : new Endpoints(controllerBase, routeExtensions);
        }

        public bool IsMap(IMethodSymbol method) =>
            method.Name.StartsWith("Map", StringComparison.Ordinal)
            && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, _routeExtensions);

        /// <summary>Public instance methods of a controller: a ControllerBase subclass or a class marked [ApiController]/[Controller].</summary>
        public bool IsAction(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                || method.ContainingType is not { IsAbstract: false } type || HasAttribute(method, "NonActionAttribute"))
            {
                return false;
            }

            if (HasAttribute(type, "ApiControllerAttribute") || HasAttribute(type, "ControllerAttribute"))
            {
                return true;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _controllerBase))
                {
                    return !HasAttribute(type, "NonControllerAttribute");
                }
            }

            return false;
        }

        public static PhiMatch? SignaturePhi(IMethodSymbol method, PhiClassifier classifier)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.Name == "CancellationToken" || HasAttribute(parameter, "FromServicesAttribute"))
                {
                    continue;
                }

                if ((classifier.Classify(parameter) ?? classifier.ClassifyType(parameter.Type)) is { } match)
                {
                    return match;
                }
            }

            return ResultType(method.ReturnType) is { } result ? classifier.ClassifyType(result) : null;
        }

        /// <summary>PHI members read or written, or PHI objects produced, anywhere in the handler's body.</summary>
        public static PhiMatch? BodyPhi(IOperation body, PhiClassifier classifier)
        {
            foreach (var operation in body.Descendants())
            {
                var match = operation switch
                {
                    IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member =>
                        classifier.Classify(member.Member),
                    IInvocationOperation { Type: { } type } when type.SpecialType == SpecialType.None => classifier.ClassifyType(type),
                    _ => null,
                };
                if (match is not null)
                {
                    return match;
                }
            }

            return null;
        }

        public static bool CallsAudit(IOperation body, ImmutableArray<string> audits)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && IsAuditMethod(invocation.TargetMethod, audits))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>For a method group handler the body has no operations here: look for a call by name in its syntax.</summary>
        public static bool MentionsAudit(IMethodSymbol handler, ImmutableArray<string> audits, CancellationToken cancellationToken)
        {
            foreach (var reference in handler.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    var name = node switch
                    {
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
                        InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                        _ => null,
                    };
                    foreach (var audit in audits)
                    {
                        if (name is not null && audit.EndsWith("." + name, StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>An audit filter attribute listed in audit_methods on the handler or its controller.</summary>
        public static bool HasAuditAttribute(IMethodSymbol method, ImmutableArray<string> audits)
        {
            for (ISymbol? symbol = method; symbol is IMethodSymbol or INamedTypeSymbol; symbol = symbol.ContainingType)
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass is { } type && Matches(type.ToDisplayString(), audits))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsAuditMethod(IMethodSymbol method, ImmutableArray<string> audits)
        {
            method = method.ReducedFrom ?? method;
            if (Matches(method.ContainingType.OriginalDefinition.ToDisplayString() + "." + method.Name, audits))
            {
                return true;
            }

            // A call through the concrete class counts when the configured name is the interface's method.
            foreach (var contract in method.ContainingType.AllInterfaces)
            {
                foreach (var member in contract.GetMembers(method.Name))
                {
                    if (Matches(contract.OriginalDefinition.ToDisplayString() + "." + member.Name, audits))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Matches(string fullName, ImmutableArray<string> audits)
        {
            var generic = fullName.IndexOf('<');
            var name = generic < 0 ? fullName : fullName.Substring(0, generic);
            foreach (var audit in audits)
            {
                if (name == audit || name.EndsWith("." + audit, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static ITypeSymbol? ResultType(ITypeSymbol type)
        {
            while (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length == 1
                && named.Name is "Task" or "ValueTask" or "ActionResult" or "Ok" or "Results")
            {
                type = named.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_Void ? null : type;
        }

        private static bool HasAttribute(ISymbol symbol, string name)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
