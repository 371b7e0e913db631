using System.Threading.Tasks;
using HipaaAnalyzers.CodeFixes.Rules.Integrity;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Rules.Integrity;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Integrity.DynamicSqlAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Integrity.DynamicSqlAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Integrity.DynamicSqlCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Integrity
{
    [Trait("Rule", "HIPAA501")]
    public class DynamicSqlTests
    {
        private const string Stubs = IntegrityStubs.SqlClient + IntegrityStubs.Dapper + IntegrityStubs.EfCore;

        [Fact]
        public Task Flags_CommandText_concatenation_interpolation_format_and_constructor()
        {
            const string source = """
                using System.Data.Common;
                using Microsoft.Data.SqlClient;
                public class PatientRepository
                {
                    public void Find(DbConnection connection, string lastName, string mrn, string city)
                    {
                        var command = connection.CreateCommand();
                        command.CommandText = {|#0:"SELECT * FROM Patients WHERE LastName = '" + lastName + "'"|};
                        command.CommandText = {|#1:$"SELECT * FROM Patients WHERE Mrn = '{mrn}'"|};
                        command.CommandText = {|#2:string.Format("SELECT * FROM Patients WHERE City = '{0}'", city)|};
                        var sql = new SqlCommand({|#3:"DELETE FROM Patients WHERE Mrn = '" + mrn + "'"|}, connection);
                    }
                }
                """;
            return V.Analyzer(source + Stubs, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("DbCommand.CommandText", "'lastName'", "concatenation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(1).WithArguments("DbCommand.CommandText", "'mrn'", "interpolation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(2).WithArguments("DbCommand.CommandText", "'city'", "string.Format"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(3).WithArguments("new SqlCommand", "'mrn'", "concatenation"));
        }

        [Fact]
        public Task Flags_text_built_in_a_local_StringBuilder_or_by_appending()
        {
            const string source = """
                using System.Data;
                using System.Text;
                using Dapper;
                using Microsoft.EntityFrameworkCore;
                public class Patient { public string Name { get; set; } = ""; }
                public class Search
                {
                    public void Run(IDbConnection connection, IDbCommand command, DbSet<Patient> patients, DatabaseFacade db, string name, string zip)
                    {
                        var sql = "SELECT * FROM Patients WHERE 1 = 1";
                        sql += " AND Name = '" + name + "'";
                        connection.Query<Patient>({|#0:sql|});

                        var builder = new StringBuilder("UPDATE Patients SET Zip = '");
                        builder.Append(zip).Append("'");
                        command.CommandText = {|#1:builder.ToString()|};

                        patients.FromSqlRaw({|#2:"SELECT * FROM Patients WHERE Zip = " + zip|});
                        db.ExecuteSqlRaw({|#3:$"DELETE FROM Patients WHERE Name = '{name}'"|});
                    }
                }
                """;
            return V.Analyzer(source + Stubs, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("SqlMapper.Query", "a non-constant value", "concatenation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(1).WithArguments("IDbCommand.CommandText", "'zip'", "StringBuilder"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(2).WithArguments("RelationalQueryableExtensions.FromSqlRaw", "'zip'", "concatenation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(3).WithArguments("RelationalDatabaseFacadeExtensions.ExecuteSqlRaw", "'name'", "interpolation"));
        }

        [Fact]
        public Task Does_not_flag_parameterised_constant_or_passed_in_sql()
        {
            const string source = """
                using System;
                using System.Data;
                using System.Data.Common;
                using System.Linq;
                using Dapper;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Data.SqlClient;
                public class Patient { public string Name { get; set; } = ""; }
                public enum SortOrder { Asc, Desc }
                public class Queries
                {
                    private const string Table = "Patients";
                    private static readonly string Schema = "clinical";
                    public void Run(DbConnection connection, IDbConnection dapper, DbSet<Patient> patients, DatabaseFacade db,
                        string name, int id, Guid key, SortOrder order, string sqlFromCaller, bool active)
                    {
                        var command = new SqlCommand("SELECT * FROM " + Table + " WHERE Name = @name");
                        command.Parameters.AddWithValue("@name", name);
                        command.CommandText = $"SELECT * FROM {Schema}.{Table} WHERE Id = {id} AND RowKey = '{key}' ORDER BY Name {order}";
                        command.CommandText = $"DELETE FROM Sessions WHERE Expires < '{DateTime.UtcNow:yyyy-MM-dd}'";
                        command.CommandText = sqlFromCaller;
                        var where = active ? " WHERE Active = 1" : "";
                        command.CommandText = "SELECT * FROM Patients" + where;
                        command.CommandText += " ORDER BY Name";
                        dapper.Query<Patient>("SELECT * FROM Patients WHERE Name = @name", new { name });
                        patients.FromSql($"SELECT * FROM Patients WHERE Name = {name}");
                        patients.FromSqlRaw("SELECT * FROM Patients WHERE Name = {0}", name);
                        db.ExecuteSql($"DELETE FROM Patients WHERE Name = {name}");
                        Console.WriteLine("SELECT " + name);
                        var ids = new[] { 1, 2, 3 };
                        command.CommandText = "SELECT * FROM Patients WHERE Id IN (" + string.Join(",", ids) + ")";
                        var names = new[] { name };
                        command.CommandText = "SELECT * FROM Patients WHERE Name IN (" + string.Join(", ", names.Select((_, i) => "@p" + i)) + ")";
                    }
                }
                """;
            return V.NoDiagnostic(source + Stubs, ReferenceSet.Net);
        }

        [Fact]
        public Task Flags_join_of_quoted_text_values()
        {
            const string source = """
                using System.Data.Common;
                using System.Linq;
                public class Repo
                {
                    public void Find(DbCommand command, string[] codes) =>
                        command.CommandText = {|#0:"SELECT * FROM Diagnoses WHERE Code IN (" + string.Join(",", codes.Select(c => "'" + c + "'")) + ")"|};
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("DbCommand.CommandText", "'Join()'", "concatenation"));
        }

        [Fact]
        public Task Flags_EF_Core_2_RawSqlString_but_not_its_FormattableString_overload()
        {
            const string source = """
                using System;
                using System.Linq;
                using Microsoft.EntityFrameworkCore;
                public class Patient { }
                public class Repo
                {
                    public void Run(IQueryable<Patient> patients, string name)
                    {
                        patients.FromSql({|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|});
                        patients.FromSql($"SELECT * FROM Patients WHERE Name = {name}");
                    }
                }
                namespace Microsoft.EntityFrameworkCore
                {
                    public readonly struct RawSqlString
                    {
                        public RawSqlString(string s) { }
                        public static implicit operator RawSqlString(string s) => new RawSqlString(s);
                        public static implicit operator RawSqlString(FormattableString s) => new RawSqlString("");
                    }
                    public static class RelationalQueryableExtensions
                    {
                        public static IQueryable<T> FromSql<T>(this IQueryable<T> source, RawSqlString sql, params object[] parameters) => source;
                        public static IQueryable<T> FromSql<T>(this IQueryable<T> source, FormattableString sql) => source;
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("RelationalQueryableExtensions.FromSql", "'name'", "concatenation"));
        }

        [Fact]
        public Task Flags_sql_taken_straight_from_a_controller_action_parameter()
        {
            const string source = """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.EntityFrameworkCore;
                public class Patient { }
                public class ReportsController : ControllerBase
                {
                    private readonly DatabaseFacade _db = new DatabaseFacade();
                    public IActionResult Run(string query)
                    {
                        _db.ExecuteSqlRaw({|#0:query|});
                        return Ok();
                    }

                    private void Helper(string sql) => _db.ExecuteSqlRaw(sql);
                }
                """;
            return V.Analyzer(source + IntegrityStubs.EfCore, ReferenceSet.AspNetCore, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("RelationalDatabaseFacadeExtensions.ExecuteSqlRaw", "'query'", "request input"));
        }

        [Fact]
        public Task Message_never_contains_the_sql_literal()
        {
            const string source = """
                using System.Data.Common;
                public class Repo
                {
                    public void Find(DbCommand command, string ssn) =>
                        command.CommandText = {|#0:"SELECT * FROM Members WHERE SecretColumn = '" + ssn + "'"|};
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("DbCommand.CommandText", "'ssn'", "concatenation"));
        }

        [Fact]
        public void Message_format_does_not_carry_sql_text()
        {
            var message = string.Format(Descriptors.DynamicSql.MessageFormat.ToString(), "DbCommand.CommandText", "'ssn'", "concatenation");
            Assert.DoesNotContain("SecretColumn", message);
            Assert.DoesNotContain("SELECT", message);
        }

        [Fact]
        public Task Fix_EF_raw_methods_use_interpolated_methods()
        {
            const string source = """
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                public class Patient { public string Name { get; set; } = ""; }
                public class Repo
                {
                    public async Task Run(DbSet<Patient> patients, DatabaseFacade db, string name, Patient patient)
                    {
                        var found = patients.FromSqlRaw([|$"SELECT * FROM Patients WHERE Name = '{name}'"|]).ToList();
                        await db.ExecuteSqlRawAsync([|"DELETE FROM Patients WHERE Name = N'" + patient.Name + "'"|]);
                    }
                }
                """;
            const string fixedSource = """
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                public class Patient { public string Name { get; set; } = ""; }
                public class Repo
                {
                    public async Task Run(DbSet<Patient> patients, DatabaseFacade db, string name, Patient patient)
                    {
                        var found = patients.FromSql($"SELECT * FROM Patients WHERE Name = {name}").ToList();
                        await db.ExecuteSqlAsync($"DELETE FROM Patients WHERE Name = {patient.Name}");
                    }
                }
                """;
            return VF.Fix(source + Stubs, fixedSource + Stubs, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_CommandText_adds_parameters()
        {
            const string source = """
                using Microsoft.Data.SqlClient;
                public class Patient { public string LastName { get; set; } = ""; }
                public class Repo
                {
                    public void Run(SqlCommand command, SqlCommand other, string mrn, Patient patient, int id)
                    {
                        command.CommandText = [|"SELECT * FROM Patients WHERE Mrn = '" + mrn + "' AND LastName = '" + patient.LastName + "'"|];
                        command.ExecuteNonQuery();
                        other.CommandText = [|$"DELETE FROM Visits WHERE Mrn = '{mrn}' AND Id = {id}"|];
                    }
                }
                """;
            const string fixedSource = """
                using Microsoft.Data.SqlClient;
                public class Patient { public string LastName { get; set; } = ""; }
                public class Repo
                {
                    public void Run(SqlCommand command, SqlCommand other, string mrn, Patient patient, int id)
                    {
                        command.CommandText = "SELECT * FROM Patients WHERE Mrn = @mrn AND LastName = @LastName";
                        command.Parameters.AddWithValue("@mrn", mrn);
                        command.Parameters.AddWithValue("@LastName", patient.LastName);
                        command.ExecuteNonQuery();
                        other.CommandText = "DELETE FROM Visits WHERE Mrn = @mrn AND Id = @id";
                        other.Parameters.AddWithValue("@mrn", mrn);
                        other.Parameters.AddWithValue("@id", id);
                    }
                }
                """;
            return VF.Fix(source + Stubs, fixedSource + Stubs, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_Dapper_adds_anonymous_parameter_object()
        {
            const string source = """
                using System.Data;
                using Dapper;
                public class Patient { public string Email { get; set; } = ""; }
                public class Repo
                {
                    public void Run(IDbConnection connection, string email, Patient patient)
                    {
                        connection.Query<Patient>([|"SELECT * FROM Patients WHERE Email = '" + email + "'"|]);
                        connection.Execute([|$"UPDATE Patients SET Email = '{patient.Email}' WHERE Email = '{email}'"|], transaction: null);
                    }
                }
                """;
            const string fixedSource = """
                using System.Data;
                using Dapper;
                public class Patient { public string Email { get; set; } = ""; }
                public class Repo
                {
                    public void Run(IDbConnection connection, string email, Patient patient)
                    {
                        connection.Query<Patient>("SELECT * FROM Patients WHERE Email = @email", new { email });
                        connection.Execute("UPDATE Patients SET Email = @Email WHERE Email = @email1", transaction: null, param: new { patient.Email, email1 = email });
                    }
                }
                """;
            return VF.Fix(source + Stubs, fixedSource + Stubs, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_not_offered_when_a_value_shares_a_quoted_literal_with_other_text()
        {
            const string source = """
                using System.Data;
                using Dapper;
                using Microsoft.Data.SqlClient;
                using Microsoft.EntityFrameworkCore;
                public class Patient { public string Name { get; set; } = ""; }
                public class Repo
                {
                    public void Run(SqlCommand a, SqlCommand b, SqlCommand c, IDbConnection connection, DbSet<Patient> patients, string name, string first)
                    {
                        a.CommandText = [|"SELECT * FROM Patients WHERE Name LIKE '%" + name + "%'"|];
                        b.CommandText = [|$"SELECT * FROM Patients WHERE FullName = '{first} {name}'"|];
                        c.CommandText = [|"SELECT * FROM Notes WHERE Body = 'it''s " + name + "'"|];
                        connection.Query<Patient>([|$"SELECT * FROM Patients WHERE Name LIKE '{name}%'"|]);
                        patients.FromSqlRaw([|$"SELECT * FROM Patients WHERE Name LIKE '%{name}%'"|]);
                    }
                }
                """;
            return VF.Fix(source + Stubs, source + Stubs, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_not_offered_for_identifier_positions()
        {
            const string source = """
                using Microsoft.Data.SqlClient;
                using Microsoft.EntityFrameworkCore;
                public class Patient { public string Name { get; set; } = ""; }
                public class Repo
                {
                    public void Run(SqlCommand a, SqlCommand b, SqlCommand c, SqlCommand d, DbSet<Patient> patients, string sortColumn, string table, string columns)
                    {
                        a.CommandText = [|"SELECT * FROM Patients ORDER BY " + sortColumn|];
                        b.CommandText = [|"SELECT * FROM " + table + " WHERE Id = 1"|];
                        c.CommandText = [|$"SELECT {columns} FROM Patients"|];
                        d.CommandText = [|"INSERT INTO " + table + " (Name) VALUES ('x')"|];
                        patients.FromSqlRaw([|$"SELECT * FROM {table}"|]);
                    }
                }
                """;
            return VF.Fix(source + Stubs, source + Stubs, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_parameter_names_avoid_names_already_in_the_text_or_added_to_the_command()
        {
            const string source = """
                using Microsoft.Data.SqlClient;
                public class Repo
                {
                    public void Run(SqlCommand command, SqlCommand other, string name, string mrn, string city)
                    {
                        command.Parameters.AddWithValue("@mrn", mrn);
                        command.CommandText = [|"SELECT * FROM Patients WHERE Mrn = @mrn AND Name = '" + name + "' AND Chart = '" + mrn + "'"|];
                        other.CommandText = [|$"SELECT * FROM Patients WHERE City IN ('{city}', @city) AND Name = '{name}'"|];
                    }
                }
                """;
            const string fixedSource = """
                using Microsoft.Data.SqlClient;
                public class Repo
                {
                    public void Run(SqlCommand command, SqlCommand other, string name, string mrn, string city)
                    {
                        command.Parameters.AddWithValue("@mrn", mrn);
                        command.CommandText = "SELECT * FROM Patients WHERE Mrn = @mrn AND Name = @name AND Chart = @mrn1";
                        command.Parameters.AddWithValue("@name", name);
                        command.Parameters.AddWithValue("@mrn1", mrn);
                        other.CommandText = "SELECT * FROM Patients WHERE City IN (@city1, @city) AND Name = @name";
                        other.Parameters.AddWithValue("@city1", city);
                        other.Parameters.AddWithValue("@name", name);
                    }
                }
                """;
            return VF.Fix(source + Stubs, fixedSource + Stubs, ReferenceSet.Net);
        }

        [Fact]
        public Task Does_not_flag_number_text_constant_switch_or_a_local_parameter_list()
        {
            const string source = """
                using System.Data.Common;
                using System.Globalization;
                using System.Linq;
                public enum Status { Active, Closed }
                public class Queries
                {
                    public void Run(DbCommand command, int id, Status status, decimal amount, string[] names)
                    {
                        command.CommandText = "SELECT * FROM Visits WHERE Id = " + id.ToString();
                        command.CommandText = "SELECT * FROM Visits WHERE Status = " + status.ToString("D");
                        command.CommandText = "SELECT * FROM Bills WHERE Amount > " + amount.ToString(CultureInfo.InvariantCulture);
                        var order = status switch { Status.Active => "Name ASC", Status.Closed => "Closed DESC", _ => "Id" };
                        command.CommandText = "SELECT * FROM Visits ORDER BY " + order;
                        var placeholders = names.Select((_, i) => "@p" + i).ToList();
                        command.CommandText = "SELECT * FROM Patients WHERE Name IN (" + string.Join(", ", placeholders) + ")";
                    }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Flags_formatted_number_with_runtime_format_and_switch_with_a_value_arm()
        {
            const string source = """
                using System.Data.Common;
                public class Queries
                {
                    public void Run(DbCommand command, int id, string format, bool byName, string column)
                    {
                        command.CommandText = {|#0:"SELECT * FROM Visits WHERE Id = " + id.ToString(format)|};
                        var order = byName switch { true => "Name", false => column };
                        command.CommandText = {|#1:"SELECT * FROM Visits ORDER BY " + order|};
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("DbCommand.CommandText", "'ToString()'", "concatenation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(1).WithArguments("DbCommand.CommandText", "'order'", "concatenation"));
        }

        [Fact]
        public Task Flags_fluent_StringBuilder_chains()
        {
            const string source = """
                using System.Data.Common;
                using System.Text;
                public class Search
                {
                    public void Run(DbCommand a, DbCommand b, DbCommand c, string name, string zip, string table)
                    {
                        var sb = new StringBuilder("SELECT * FROM Patients WHERE 1 = 1").Append(" AND Name = '").Append(name).Append("'");
                        a.CommandText = {|#0:sb.ToString()|};
                        var lines = new StringBuilder();
                        lines.AppendLine("SELECT * FROM Patients").AppendLine($"WHERE Zip = '{zip}'");
                        b.CommandText = {|#1:lines.ToString()|};
                        c.CommandText = {|#2:new StringBuilder("SELECT * FROM ").Append(table).ToString()|};
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("DbCommand.CommandText", "'name'", "StringBuilder"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(1).WithArguments("DbCommand.CommandText", "a non-constant value", "StringBuilder"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(2).WithArguments("DbCommand.CommandText", "'table'", "StringBuilder"));
        }

        [Fact]
        public Task Does_not_flag_constant_fluent_StringBuilder_chains()
        {
            const string source = """
                using System.Data.Common;
                using System.Text;
                public class Search
                {
                    public void Run(DbCommand a, int id)
                    {
                        var sb = new StringBuilder("SELECT * FROM Patients").Append(" WHERE Id = ").Append(id).AppendLine(" AND Active = 1");
                        a.CommandText = sb.ToString();
                        a.CommandText = new StringBuilder("SELECT 1").Append(" FROM Patients").ToString();
                    }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Flags_batch_commands_data_sources_Replace_and_formattable_strings()
        {
            const string source = """
                using System;
                using System.Data;
                using System.Data.Common;
                using System.Runtime.CompilerServices;
                using Microsoft.EntityFrameworkCore;
                public class Patient { }
                public class Repo
                {
                    public void Run(DbBatchCommand batch, DbDataSource dataSource, DbCommand command, DbSet<Patient> patients, DatabaseFacade db, string name)
                    {
                        batch.CommandText = {|#0:"DELETE FROM Patients WHERE Name = '" + name + "'"|};
                        var created = new SampleBatchCommand({|#1:$"DELETE FROM Visits WHERE Name = '{name}'"|});
                        using var fromSource = dataSource.CreateCommand({|#2:"SELECT * FROM Patients WHERE Name = '" + name + "'"|});
                        command.CommandText = {|#3:"SELECT * FROM Patients WHERE Name = '{name}'".Replace("{name}", name)|};
                        command.CommandText = {|#4:FormattableString.Invariant($"SELECT * FROM Patients WHERE Name = '{name}'")|};
                        patients.FromSql({|#5:FormattableStringFactory.Create("SELECT * FROM Patients WHERE Name = '" + name + "'")|});
                        patients.FromSql($"SELECT * FROM Patients WHERE Name = {name}");
                        command.CommandText = "SELECT * FROM {table}".Replace("{table}", "Patients");
                    }
                }
                public sealed class SampleBatchCommand : DbBatchCommand
                {
                    public SampleBatchCommand(string commandText) => CommandText = commandText;
                    public override string CommandText { get; set; } = "";
                    public override CommandType CommandType { get; set; }
                    public override int RecordsAffected => 0;
                    protected override DbParameterCollection DbParameterCollection => null!;
                }
                """;
            return V.Analyzer(source + IntegrityStubs.EfCore, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(0).WithArguments("DbBatchCommand.CommandText", "'name'", "concatenation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(1).WithArguments("new SampleBatchCommand", "'name'", "interpolation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(2).WithArguments("DbDataSource.CreateCommand", "'name'", "concatenation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(3).WithArguments("DbCommand.CommandText", "'name'", "string.Replace"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(4).WithArguments("DbCommand.CommandText", "'name'", "interpolation"),
                V.Diagnostic(Descriptors.DynamicSql).WithLocation(5).WithArguments("RelationalQueryableExtensions.FromSql", "'name'", "concatenation"));
        }

        [Fact]
        public Task Fix_parameterises_values_in_VALUES_and_IN_lists_and_comparisons()
        {
            const string source = """
                using Microsoft.Data.SqlClient;
                public class Repo
                {
                    public void Run(SqlCommand insert, SqlCommand select, string mrn, string name, string city, string other)
                    {
                        insert.CommandText = [|"INSERT INTO Patients (Mrn, Name) VALUES ('" + mrn + "', N'" + name + "')"|];
                        select.CommandText = [|$"SELECT * FROM Patients WHERE City IN ('{city}', '{other}') AND Name <> '{name}'"|];
                    }
                }
                """;
            const string fixedSource = """
                using Microsoft.Data.SqlClient;
                public class Repo
                {
                    public void Run(SqlCommand insert, SqlCommand select, string mrn, string name, string city, string other)
                    {
                        insert.CommandText = "INSERT INTO Patients (Mrn, Name) VALUES (@mrn, @name)";
                        insert.Parameters.AddWithValue("@mrn", mrn);
                        insert.Parameters.AddWithValue("@name", name);
                        select.CommandText = "SELECT * FROM Patients WHERE City IN (@city, @other) AND Name <> @name";
                        select.Parameters.AddWithValue("@city", city);
                        select.Parameters.AddWithValue("@other", other);
                        select.Parameters.AddWithValue("@name", name);
                    }
                }
                """;
            return VF.Fix(source + Stubs, fixedSource + Stubs, ReferenceSet.Net);
        }
    }
}
