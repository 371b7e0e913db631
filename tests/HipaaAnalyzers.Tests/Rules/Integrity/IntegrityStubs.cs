namespace HipaaAnalyzers.Tests.Rules.Integrity
{
    /// <summary>Tiny stand-ins for provider, Dapper and EF Core APIs: the analyzer matches them by metadata name.</summary>
    internal static class IntegrityStubs
    {
        public const string SqlClient = """

            namespace Microsoft.Data.SqlClient
            {
                using System.Data;
                using System.Data.Common;
                public sealed class SqlParameterCollection
                {
                    public DbParameter AddWithValue(string parameterName, object? value) => null!;
                }
                public sealed class SqlCommand : DbCommand
                {
                    public SqlCommand() { }
                    public SqlCommand(string? cmdText) { }
                    public SqlCommand(string? cmdText, DbConnection? connection) { }
                    public new SqlParameterCollection Parameters { get; } = new SqlParameterCollection();
                    public override string CommandText { get; set; } = "";
                    public override int CommandTimeout { get; set; }
                    public override CommandType CommandType { get; set; }
                    public override bool DesignTimeVisible { get; set; }
                    public override UpdateRowSource UpdatedRowSource { get; set; }
                    protected override DbConnection? DbConnection { get; set; }
                    protected override DbParameterCollection DbParameterCollection => null!;
                    protected override DbTransaction? DbTransaction { get; set; }
                    public override void Cancel() { }
                    public override int ExecuteNonQuery() => 0;
                    public override object? ExecuteScalar() => null;
                    public override void Prepare() { }
                    protected override DbParameter CreateDbParameter() => null!;
                    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => null!;
                }
            }
            """;

        public const string Dapper = """

            namespace Dapper
            {
                using System.Collections.Generic;
                using System.Data;
                public static class SqlMapper
                {
                    public static IEnumerable<T> Query<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null) => null!;
                    public static int Execute(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null) => 0;
                }
            }
            """;

        public const string EfCore = """

            namespace Microsoft.EntityFrameworkCore
            {
                using System;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                public class DbSet<T> : IQueryable<T> where T : class
                {
                    public Type ElementType => typeof(T);
                    public System.Linq.Expressions.Expression Expression => null!;
                    public IQueryProvider Provider => null!;
                    public System.Collections.Generic.IEnumerator<T> GetEnumerator() => null!;
                    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;
                }
                public class DatabaseFacade { }
                public static class RelationalQueryableExtensions
                {
                    public static IQueryable<T> FromSqlRaw<T>(this DbSet<T> source, string sql, params object[] parameters) where T : class => source;
                    public static IQueryable<T> FromSql<T>(this DbSet<T> source, FormattableString sql) where T : class => source;
                }
                public static class RelationalDatabaseFacadeExtensions
                {
                    public static int ExecuteSqlRaw(this DatabaseFacade db, string sql, params object[] parameters) => 0;
                    public static int ExecuteSql(this DatabaseFacade db, FormattableString sql) => 0;
                    public static Task<int> ExecuteSqlRawAsync(this DatabaseFacade db, string sql, CancellationToken cancellationToken = default) => Task.FromResult(0);
                    public static Task<int> ExecuteSqlAsync(this DatabaseFacade db, FormattableString sql, CancellationToken cancellationToken = default) => Task.FromResult(0);
                }
            }
            """;
    }
}
