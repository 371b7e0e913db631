namespace HipaaAnalyzers.Benchmarks.Corpus
{
    /// <summary>
    /// Small stand-ins for the EF Core and Dapper APIs the corpus calls, with the real namespaces and names so that
    /// name-based rules (ours and the peers') see the calls they look for. The corpus needs no package downloads.
    /// </summary>
    internal static class Stubs
    {
        public const string FileName = "Infrastructure/DataStubs.cs";

        public const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Data;
            using System.Linq;
            using System.Linq.Expressions;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Microsoft.EntityFrameworkCore
            {
                public abstract class DbContext : IDisposable
                {
                    public DatabaseFacade Database { get; } = new DatabaseFacade();

                    protected virtual void OnModelCreating(ModelBuilder modelBuilder)
                    {
                    }

                    public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

                    public void Dispose()
                    {
                    }
                }

                public sealed class DatabaseFacade
                {
                }

                public class DbSet<T> : List<T>
                    where T : class
                {
                }

                public sealed class ModelBuilder
                {
                    public EntityTypeBuilder<T> Entity<T>()
                        where T : class => new EntityTypeBuilder<T>();
                }

                public sealed class EntityTypeBuilder<T>
                    where T : class
                {
                    public EntityTypeBuilder<T> ToTable(string name) => this;

                    public EntityTypeBuilder<T> HasKey(string name) => this;

                    public PropertyBuilder Property(string name) => new PropertyBuilder();
                }

                public sealed class PropertyBuilder
                {
                    public PropertyBuilder HasMaxLength(int length) => this;

                    public PropertyBuilder IsRequired() => this;
                }

                public static class RelationalQueryableExtensions
                {
                    public static IQueryable<T> FromSqlRaw<T>(this DbSet<T> set, string sql, params object[] parameters)
                        where T : class => set.AsQueryable();

                    public static IQueryable<T> FromSqlInterpolated<T>(this DbSet<T> set, FormattableString sql)
                        where T : class => set.AsQueryable();
                }

                public static class RelationalDatabaseFacadeExtensions
                {
                    public static int ExecuteSqlRaw(this DatabaseFacade database, string sql, params object[] parameters) => 0;
                }

                public static class EntityFrameworkQueryableExtensions
                {
                    public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
                        Task.FromResult(source.ToList());

                    public static Task<T?> FirstOrDefaultAsync<T>(
                        this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
                        Task.FromResult(source.FirstOrDefault(predicate));
                }
            }

            namespace Dapper
            {
                public static class SqlMapper
                {
                    public static IEnumerable<T> Query<T>(this IDbConnection connection, string sql, object? param = null) => Array.Empty<T>();

                    public static int Execute(this IDbConnection connection, string sql, object? param = null) => 0;
                }
            }
            """;
    }
}
