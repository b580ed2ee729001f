using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Agencies;

internal static class AgencyQueries
{
    private const string Select = "SELECT id, jurisdiction_code, name, created_at, updated_at, version FROM agencies";

    public static Task<IEnumerable<AgencyRow>> List(DbConnection connection, string? jurisdiction, CancellationToken cancellationToken) =>
        connection.QueryAsync<AgencyRow>(new CommandDefinition(
            Select + " WHERE (@Jurisdiction IS NULL OR jurisdiction_code = @Jurisdiction) ORDER BY jurisdiction_code, name",
            new { Jurisdiction = jurisdiction }, cancellationToken: cancellationToken));

    public static Task<AgencyRow?> Find(DbConnection connection, long id, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<AgencyRow>(
            new CommandDefinition(Select + " WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));

    public static Task<long?> IdOfName(DbConnection connection, DbTransaction transaction, string jurisdiction, string name, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT id FROM agencies WHERE jurisdiction_code = @Jurisdiction AND name = @Name",
            new { Jurisdiction = jurisdiction, Name = name.Trim() }, transaction, cancellationToken: cancellationToken));

    public static Task<long> Insert(DbConnection connection, DbTransaction transaction, SqlDialect dialect, AgencyCreate input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO agencies (jurisdiction_code, name, created_at, updated_at, version) VALUES (@Jurisdiction, @Name, @Now, @Now, 1); " + dialect.SelectInsertedId,
            new { input.Jurisdiction, Name = input.Name.Trim(), Now = now }, transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(DbConnection connection, DbTransaction transaction, long id, long expectedVersion, AgencyUpdate input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agencies SET name = @Name, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, Name = input.Name.Trim(), Now = now, ExpectedVersion = expectedVersion }, transaction, cancellationToken: cancellationToken));
}
