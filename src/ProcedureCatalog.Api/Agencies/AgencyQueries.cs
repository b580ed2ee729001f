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

    /// <summary>
    /// The agency of the jurisdiction whose name is the same as <paramref name="name"/> by TextRules.NameKey (case, Unicode form and
    /// spacing aside). Neither engine folds Vietnamese case and Unicode forms in SQL the way .NET does, and a jurisdiction has at most
    /// a few thousand agencies: compared here.
    /// </summary>
    public static async Task<long?> IdOfName(DbConnection connection, DbTransaction transaction, string jurisdiction, string name, CancellationToken cancellationToken)
    {
        var key = Infrastructure.TextRules.NameKey(name);
        var names = await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM agencies WHERE jurisdiction_code = @Jurisdiction",
            new { Jurisdiction = new DbString { Value = jurisdiction, Length = 10 } }, transaction, cancellationToken: cancellationToken));
        return names.Where(agency => Infrastructure.TextRules.NameKey(agency.Name) == key).Select(agency => (long?)agency.Id).FirstOrDefault();
    }

    public static Task<long> Insert(DbConnection connection, DbTransaction transaction, SqlDialect dialect, AgencyCreate input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO agencies (jurisdiction_code, name, created_at, updated_at, version) VALUES (@Jurisdiction, @Name, @Now, @Now, 1); " + dialect.SelectInsertedId,
            new { input.Jurisdiction, Name = input.Name.Trim(), Now = now }, transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(DbConnection connection, DbTransaction transaction, long id, long expectedVersion, AgencyUpdate input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agencies SET name = @Name, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, Name = input.Name.Trim(), Now = now, ExpectedVersion = expectedVersion }, transaction, cancellationToken: cancellationToken));
}
