using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Changes;

internal static class ChangeQueries
{
    private const string Columns = "entity, entity_key, action, procedure_id, jurisdiction_code, procedure_code, version, key_name, changed_at";

    // SQLite: one writer at a time, so ids are given in commit order and a reader never sees a gap close later.
    private const string SqliteFeed =
        $"""
        SELECT id AS position, {Columns}
        FROM changes
        WHERE id > @After AND (@Jurisdiction IS NULL OR jurisdiction_code = @Jurisdiction)
        ORDER BY id
        LIMIT @Take
        """;

    // SQL Server: identities and rowversions are given at insert, not at commit. Stopping below
    // MIN_ACTIVE_ROWVERSION() never hands out a change while an earlier one may still commit.
    private const string SqlServerFeed =
        $"""
        SELECT TOP (@Take) CAST(row_version AS BIGINT) AS position, {Columns}
        FROM changes
        WHERE row_version > CAST(@After AS BINARY(8)) AND row_version < MIN_ACTIVE_ROWVERSION()
          AND (@Jurisdiction IS NULL OR jurisdiction_code = @Jurisdiction)
        ORDER BY row_version
        """;

    // The position of the latest change of the whole feed (not of one jurisdiction): every cursor the feed gave out is at most this.
    private const string SqliteLatest = "SELECT COALESCE(MAX(id), 0) FROM changes";

    private const string SqlServerLatest = "SELECT COALESCE(CAST(MAX(row_version) AS BIGINT), 0) FROM changes";

    public static Task<long> Latest(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            dialect.Provider == DatabaseProvider.SqlServer ? SqlServerLatest : SqliteLatest, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ChangeRow>> After(
        DbConnection connection, SqlDialect dialect, long after, string? jurisdiction, int take, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ChangeRow>(new CommandDefinition(
            dialect.Provider == DatabaseProvider.SqlServer ? SqlServerFeed : SqliteFeed,
            new { After = after, Jurisdiction = new DbString { Value = jurisdiction, Length = 10 }, Take = take },
            cancellationToken: cancellationToken))).ToList();

    public static async Task<IReadOnlyList<ChangeRow>> OfProcedure(DbConnection connection, SqlDialect dialect, long procedureId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ChangeRow>(new CommandDefinition(
            $"SELECT {(dialect.Provider == DatabaseProvider.SqlServer ? "CAST(row_version AS BIGINT)" : "id")} AS position, {Columns} FROM changes WHERE procedure_id = @ProcedureId ORDER BY id",
            new { ProcedureId = procedureId }, cancellationToken: cancellationToken))).ToList();

    internal static IEnumerable<string> Statements() => [SqlServerFeed, SqlServerLatest];
}
