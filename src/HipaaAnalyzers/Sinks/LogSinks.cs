using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Sinks
{
    /// <summary>
    /// The logging sinks of HIPAA001 as data: a type (class or interface) and the methods on it that write a log entry.
    /// Adding a logging library is a row here, not code.
    /// </summary>
    public static class LogSinks
    {
        public sealed class Entry
        {
            public Entry(string metadataName, string display, params string[] methods)
            {
                MetadataName = metadataName;
                Display = display;
                Methods = ImmutableHashSet.Create(StringComparer.Ordinal, methods);
            }

            public string MetadataName { get; }

            public string Display { get; }

            public ImmutableHashSet<string> Methods { get; }
        }

        private static readonly string[] LevelMethods = { "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write" };

        public static readonly ImmutableArray<Entry> Table = ImmutableArray.Create(
            new Entry("Microsoft.Extensions.Logging.LoggerExtensions", "ILogger",
                "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope"),
            new Entry("Microsoft.Extensions.Logging.ILogger", "ILogger", "Log", "BeginScope"),
            new Entry("Serilog.ILogger", "Serilog", Concat(LevelMethods, "ForContext")),
            new Entry("Serilog.Context.LogContext", "Serilog", "PushProperty"),
            new Entry("Serilog.Log", "Serilog", Concat(LevelMethods, "ForContext")),
            new Entry("NLog.ILogger", "NLog", "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace"),
            new Entry("NLog.ILoggerBase", "NLog", "Log"),
            new Entry("NLog.Logger", "NLog", "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace"),
            new Entry("log4net.ILog", "log4net",
                "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat"),
            new Entry("System.Console", "Console", "Write", "WriteLine"),
            new Entry("System.Diagnostics.Debug", "Debug", "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print"),
            new Entry("System.Diagnostics.Trace", "Trace",
                "Write", "WriteLine", "WriteIf", "WriteLineIf", "TraceInformation", "TraceWarning", "TraceError"));

        /// <summary>Every method name in the table: a call by any other name (and not a delegate or partial method) is no sink.</summary>
        public static readonly ImmutableHashSet<string> MethodNames = Table.SelectMany(e => e.Methods).ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>Parameter names that carry the message template or composite format.</summary>
        public static readonly ImmutableHashSet<string> TemplateParameters =
            ImmutableHashSet.Create(StringComparer.Ordinal, "message", "messageTemplate", "format");

        /// <summary>Parameters that are never the logged data.</summary>
        public static readonly ImmutableHashSet<string> IgnoredParameters =
            ImmutableHashSet.Create(StringComparer.Ordinal, "category", "condition", "propertyName", "destructureObjects",
                "logLevel", "level", "eventId", "exception", "formatProvider", "provider");

        private static string[] Concat(string[] first, params string[] second)
        {
            var all = new List<string>(first);
            all.AddRange(second);
            return all.ToArray();
        }
    }

    /// <summary>The sink table resolved against one compilation; types a project does not reference are simply absent.</summary>
    public sealed class ResolvedLogSinks
    {
        private readonly Dictionary<INamedTypeSymbol, LogSinks.Entry> _byType;

        private ResolvedLogSinks(Dictionary<INamedTypeSymbol, LogSinks.Entry> byType, INamedTypeSymbol? iLogger,
            INamedTypeSymbol? loggerMessageAttribute, INamedTypeSymbol? exception)
        {
            _byType = byType;
            ILogger = iLogger;
            LoggerMessageAttribute = loggerMessageAttribute;
            Exception = exception;
        }

        /// <summary>The sink decision per called method (name, whether it is a [LoggerMessage] method), filled lazily.</summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, (string? Name, bool IsLoggerMessage)> ByMethod { get; } =
            new System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, (string? Name, bool IsLoggerMessage)>(SymbolEqualityComparer.Default);

        public INamedTypeSymbol? ILogger { get; }

        public INamedTypeSymbol? LoggerMessageAttribute { get; }

        public INamedTypeSymbol? Exception { get; }

        public static ResolvedLogSinks Resolve(Compilation compilation)
        {
            var byType = new Dictionary<INamedTypeSymbol, LogSinks.Entry>(SymbolEqualityComparer.Default);
            foreach (var entry in LogSinks.Table)
            {
                if (compilation.GetTypeByMetadataName(entry.MetadataName) is { } type)
                {
                    byType[type] = entry;
                }
            }

            return new ResolvedLogSinks(
                byType,
                compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"),
                compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute"),
                compilation.GetTypeByMetadataName("System.Exception"));
        }

        /// <summary>The sink a call writes to, by its declaring type or an interface that type implements.</summary>
        public LogSinks.Entry? Match(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            if (_byType.TryGetValue(type.OriginalDefinition, out var entry))
            {
                return entry.Methods.Contains(method.Name) ? entry : null;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (_byType.TryGetValue(implemented.OriginalDefinition, out entry) && entry.Methods.Contains(method.Name))
                {
                    return entry;
                }
            }

            return null;
        }
    }
}
