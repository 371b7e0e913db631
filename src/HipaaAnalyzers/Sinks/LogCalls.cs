using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaAnalyzers.Sinks
{
    /// <summary>Which log call an invocation is, which of its parameters carry logged data, and its template.</summary>
    internal static class LogCalls
    {
        internal static string? SinkName(IInvocationOperation invocation, ResolvedLogSinks sinks, out bool isLoggerMessage)
        {
            var method = invocation.TargetMethod;

            // Console.Out and Console.Error are TextWriters: only those two receivers make TextWriter a log sink.
            if (method.Name is "Write" or "WriteLine" && method.ContainingType?.Name == "TextWriter"
                && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } stream }
                && stream.ContainingType?.ToDisplayString() == "System.Console")
            {
                isLoggerMessage = false;
                return "Console." + stream.Name + "." + method.Name;
            }

            // Every invocation in the compilation comes here: rule most out by name, then decide once per called method.
            if (!LogSinks.MethodNames.Contains(method.Name) && method.MethodKind != MethodKind.DelegateInvoke
                && !method.IsPartialDefinition && method.PartialDefinitionPart is null)
            {
                isLoggerMessage = false;
                return null;
            }

            var cached = sinks.ByMethod.GetOrAdd(method, m => (SinkNameOf(m, sinks, out var loggerMessage), loggerMessage));
            isLoggerMessage = cached.IsLoggerMessage;
            return cached.Name;
        }

        private static string? SinkNameOf(IMethodSymbol method, ResolvedLogSinks sinks, out bool isLoggerMessage)
        {
            isLoggerMessage = false;
            if (sinks.Match(method) is { } entry)
            {
                return entry.Display + "." + method.Name;
            }

            if (method.MethodKind == MethodKind.DelegateInvoke
                && method.ContainingType is { Name: "Action", TypeArguments.Length: > 1 } action
                && SymbolEqualityComparer.Default.Equals(action.TypeArguments[0], sinks.ILogger))
            {
                return "LoggerMessage.Define delegate";
            }

            // [LoggerMessage] methods are partial: skip the attribute read for every other method.
            var definition = method.OriginalDefinition;
            if (sinks.LoggerMessageAttribute is not null && (definition.IsPartialDefinition || definition.PartialDefinitionPart is not null)
                && HasAttribute(definition.PartialDefinitionPart ?? definition, sinks.LoggerMessageAttribute))
            {
                isLoggerMessage = true;
                return "[LoggerMessage] " + method.Name;
            }

            return null;
        }

        internal static ImmutableArray<MessageTemplate.Hole> TemplateHoles(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && LogSinks.TemplateParameters.Contains(parameter.Name)
                    && argument.Value.ConstantValue is { HasValue: true, Value: string template })
                {
                    return MessageTemplate.Parse(template);
                }
            }

            return ImmutableArray<MessageTemplate.Hole>.Empty;
        }

        internal static bool IsIgnored(IParameterSymbol parameter, ResolvedLogSinks sinks)
        {
            if (parameter.IsThis || LogSinks.IgnoredParameters.Contains(parameter.Name))
            {
                return true;
            }

            var type = parameter.Type;
            if (sinks.ILogger is not null && (SymbolEqualityComparer.Default.Equals(type, sinks.ILogger)
                || type.AllInterfaces.Contains(sinks.ILogger, SymbolEqualityComparer.Default)))
            {
                return true;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, sinks.Exception))
                {
                    return true;
                }
            }

            return type.Name is "LogLevel" or "EventId" or "LogEventLevel" or "IFormatProvider" or "ILog" or "ILogger";
        }

        internal static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attribute)
        {
            foreach (var data in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
