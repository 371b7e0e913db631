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
                        classifier.Classify(member.Member) ?? QueryPhi(member.Type, classifier),
                    IInvocationOperation { Type: { } type } when type.SpecialType == SpecialType.None
                        => ResultType(type) is { } result ? classifier.ClassifyType(result) : null,
                    _ => null,
                };
                if (match is not null)
                {
                    return match;
                }
            }

            return null;
        }

        /// <summary>A query over PHI entities (_db.Patients, an IQueryable&lt;Patient&gt;) reads PHI whatever its name.</summary>
        private static PhiMatch? QueryPhi(ITypeSymbol? type, PhiClassifier classifier) =>
            type is INamedTypeSymbol { IsGenericType: true, Name: "DbSet" or "IQueryable" or "IOrderedQueryable" or "IAsyncEnumerable" }
                && ResultType(type) is { } element ? classifier.ClassifyType(element) : null;

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

        /// <summary>
        /// The operation body of a method group handler declared in the same file (bound by symbol, so a same-named
        /// method elsewhere does not count), or null when it lives in another file and cannot be read here.
        /// </summary>
        public static IOperation? HandlerBody(IMethodSymbol handler, SemanticModel? model, CancellationToken cancellationToken)
        {
            foreach (var reference in handler.DeclaringSyntaxReferences)
            {
                if (model is null || reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                var syntax = reference.GetSyntax(cancellationToken);
                SyntaxNode? body = syntax switch
                {
                    BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
                    LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
                    _ => null,
                };
                if (body is not null && model.GetOperation(body, cancellationToken) is { } operation)
                {
                    return operation;
                }
            }

            return null;
        }

        /// <summary>
        /// An audit filter listed in audit_methods on the handler, its controller or a base controller: the attribute
        /// itself (or a subclass), or [ServiceFilter(typeof(X))] / [TypeFilter(typeof(X))] naming it.
        /// </summary>
        public static bool HasAuditAttribute(IMethodSymbol method, ImmutableArray<string> audits)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (HasAuditAttributeOn(current, audits))
                {
                    return true;
                }
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                if (HasAuditAttributeOn(type, audits))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAuditAttributeOn(ISymbol symbol, ImmutableArray<string> audits)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is not { } type)
                {
                    continue;
                }

                if (type.Name is "ServiceFilterAttribute" or "TypeFilterAttribute"
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol filter
                    && IsOrDerives(filter, audits))
                {
                    return true;
                }

                if (IsOrDerives(type, audits))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOrDerives(INamedTypeSymbol type, ImmutableArray<string> audits)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (Matches(current.OriginalDefinition.ToDisplayString(), audits))
                {
                    return true;
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

        /// <summary>The entity inside result and query wrappers: Task&lt;ActionResult&lt;IQueryable&lt;Patient&gt;&gt;&gt; is Patient.</summary>
        private static ITypeSymbol? ResultType(ITypeSymbol type)
        {
            for (var depth = 0; depth < 6; depth++)
            {
                if (type is IArrayTypeSymbol array)
                {
                    type = array.ElementType;
                    continue;
                }

                if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: >= 1 } named
                    || named.Name is not ("Task" or "ValueTask" or "ActionResult" or "Ok" or "Results" or "IQueryable" or "IOrderedQueryable"
                        or "DbSet" or "IAsyncEnumerable" or "IEnumerable" or "List" or "IList" or "IReadOnlyList" or "ICollection"
                        or "IReadOnlyCollection" or "PagedList"))
                {
                    break;
                }

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
