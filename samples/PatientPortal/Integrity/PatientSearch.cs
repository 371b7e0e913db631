using System.Data.Common;

namespace PatientPortal.Integrity;

/// <summary>Front-desk search by last name over ADO.NET.</summary>
public sealed class PatientSearch
{
    private readonly DbConnection _connection;

    public PatientSearch(DbConnection connection) => _connection = connection;

    public async Task<List<Guid>> FindByLastNameAsync(string lastName, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();

        // HIPAA501: a last name such as O'Brien breaks the query; a crafted one reads or rewrites every record.
        command.CommandText = "SELECT Id FROM Patients WHERE LastName = '" + lastName + "'";

        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>The safe shape: constant SQL text, the value bound as a parameter.</summary>
    public async Task<int> CountByLastNameAsync(string lastName, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Patients WHERE LastName = @lastName";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@lastName";
        parameter.Value = lastName;
        command.Parameters.Add(parameter);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }
}
