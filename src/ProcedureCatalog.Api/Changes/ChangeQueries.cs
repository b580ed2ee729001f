using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Changes;

internal static class ChangeQueries
{
    internal const string Columns = "entity, entity_key, action, procedure_id, jurisdiction_code, procedure_code, version, key_name, changed_at";

    public static Task<long> Latest(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            dialect.LatestChange, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ChangeRow>> After(
        DbConnection connection, SqlDialect dialect, long after, string? jurisdiction, int take, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ChangeRow>(new CommandDefinition(
            dialect.ChangesAfter(Columns),
            new { After = after, Jurisdiction = new DbString { Value = jurisdiction, Length = 10 }, Take = take },
            cancellationToken: cancellationToken))).ToList();

    public static async Task<IReadOnlyList<ChangeRow>> OfProcedure(DbConnection connection, SqlDialect dialect, long procedureId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ChangeRow>(new CommandDefinition(
            $"SELECT {dialect.ChangePosition} AS position, {Columns} FROM changes WHERE procedure_id = @ProcedureId ORDER BY id",
            new { ProcedureId = procedureId }, cancellationToken: cancellationToken))).ToList();

    // The dialects differ in how the feed is ordered (SqlDialect.ChangesAfter); the statements sent to SQL Server, for the tests.
    internal static IEnumerable<string> Statements()
    {
        var sqlServer = SqlDialect.For(DatabaseProvider.SqlServer);
        return [sqlServer.ChangesAfter(Columns), sqlServer.LatestChange];
    }
}
