using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Sinks
{
    /// <summary>APIs that execute SQL text (HIPAA501), resolved once per compilation by metadata name.</summary>
    public sealed class SqlSinks
    {
        /// <summary>Types whose methods take SQL text in a parameter named <c>sql</c>, and which of their methods do.</summary>
        private static readonly (string Type, string[]? Methods)[] MethodTable =
        {
            ("Dapper.SqlMapper", null),
            ("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", new[] { "FromSqlRaw", "FromSql", "FromSqlInterpolated" }),
            ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", new[]
            {
                "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw", "ExecuteSqlCommand", "ExecuteSqlCommandAsync",
                "ExecuteSql", "ExecuteSqlAsync", "SqlQuery", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
            }),
            ("System.Data.Entity.Database", new[] { "SqlQuery", "ExecuteSqlCommand", "ExecuteSqlCommandAsync" }),
            ("System.Data.Entity.DbSet", new[] { "SqlQuery" }),
            ("System.Data.Entity.DbSet`1", new[] { "SqlQuery" }),
        };

        /// <summary>EF Core raw-SQL methods and the interpolated (parameterising) method that replaces each.</summary>
        public static readonly ImmutableDictionary<string, string> EfInterpolatedReplacements = new Dictionary<string, string>
        {
            ["FromSqlRaw"] = "FromSql",
            ["ExecuteSqlRaw"] = "ExecuteSql",
            ["ExecuteSqlRawAsync"] = "ExecuteSqlAsync",
            ["SqlQueryRaw"] = "SqlQuery",
        }.ToImmutableDictionary();

        private readonly Dictionary<INamedTypeSymbol, string[]?> _methods;

        private SqlSinks(Compilation compilation)
        {
            _methods = new Dictionary<INamedTypeSymbol, string[]?>(SymbolEqualityComparer.Default);
            foreach (var (name, methods) in MethodTable)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    _methods[type] = methods;
                }
            }

            DbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
            IDbCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
            DbDataAdapter = compilation.GetTypeByMetadataName("System.Data.Common.DbDataAdapter");
            DbBatchCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbBatchCommand");
            DbDataSource = compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource");
            CommandDefinition = compilation.GetTypeByMetadataName("Dapper.CommandDefinition");
            StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        }

        public INamedTypeSymbol? DbCommand { get; }

        public INamedTypeSymbol? IDbCommand { get; }

        public INamedTypeSymbol? DbDataAdapter { get; }

        public INamedTypeSymbol? CommandDefinition { get; }

        public INamedTypeSymbol? DbBatchCommand { get; }

        public INamedTypeSymbol? DbDataSource { get; }

        public INamedTypeSymbol? StringBuilder { get; }

        public bool IsEmpty => _methods.Count == 0 && DbCommand is null && IDbCommand is null;

        public static SqlSinks Resolve(Compilation compilation) => new SqlSinks(compilation);

        /// <summary>True for the Dapper and Entity Framework methods that take SQL text.</summary>
        public bool IsSqlMethod(IMethodSymbol method)
        {
            var type = method.ReducedFrom?.ContainingType ?? method.ContainingType;
            if (method.Name == "CreateCommand" && DbDataSource is not null && DerivesFrom(type, DbDataSource))
            {
                return true;
            }

            if (type is null || !_methods.TryGetValue(type.OriginalDefinition, out var names))
            {
                return false;
            }

            return names is null || System.Array.IndexOf(names, method.Name) >= 0;
        }

        /// <summary>Command types: DbCommand subclasses, IDbCommand implementations and Dapper's CommandDefinition.</summary>
        public bool IsCommandType(ITypeSymbol? type) =>
            type is not null && _commandTypes.GetOrAdd(type, t => IsCommandTypeCore(t));

        // Every object creation in the compilation asks: walk each type's bases and interfaces once.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> _commandTypes =
            new System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        private bool IsCommandTypeCore(ITypeSymbol type)
        {

            if (SymbolEqualityComparer.Default.Equals(type, CommandDefinition) || Is(type, IDbCommand))
            {
                return true;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbCommand) || SymbolEqualityComparer.Default.Equals(current, DbDataAdapter)
                    || SymbolEqualityComparer.Default.Equals(current, DbBatchCommand))
                {
                    return true;
                }
            }

            return IDbCommand is not null && type.AllInterfaces.Contains(IDbCommand, SymbolEqualityComparer.Default);
        }

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? other) =>
            other is not null && SymbolEqualityComparer.Default.Equals(type, other);

        /// <summary>
        /// SQL text parameters are strings, or EF Core 2's RawSqlString (a string converts to it implicitly), or a
        /// FormattableString (judged only when its format is built: an interpolated string there is parameterised).
        /// </summary>
        public static bool IsSqlParameterType(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String || type.Name is "RawSqlString" or "FormattableString";

        /// <summary>Names of SQL-text parameters: Dapper and EF use sql, ADO.NET constructors cmdText/commandText.</summary>
        public static bool IsSqlParameterName(string name) =>
            name is "sql" or "cmdText" or "commandText" or "selectCommandText";
    }
}
