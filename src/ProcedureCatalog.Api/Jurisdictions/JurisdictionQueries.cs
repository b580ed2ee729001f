using System.Data.Common;
using Dapper;

namespace ProcedureCatalog.Api.Jurisdictions;

internal static class JurisdictionQueries
{
    private const string Select = "SELECT code, name, level, report_day, created_at, updated_at, version FROM jurisdictions";

    public static Task<IEnumerable<JurisdictionRow>> List(DbConnection connection, CancellationToken cancellationToken) =>
        connection.QueryAsync<JurisdictionRow>(new CommandDefinition(Select + " ORDER BY code", cancellationToken: cancellationToken));

    public static Task<JurisdictionRow?> Find(DbConnection connection, string code, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<JurisdictionRow>(
            new CommandDefinition(Select + " WHERE code = @Code", new { Code = code }, transaction, cancellationToken: cancellationToken));

    public static Task Insert(DbConnection connection, DbTransaction transaction, JurisdictionCreate input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO jurisdictions (code, name, level, report_day, created_at, updated_at, version)
            VALUES (@Code, @Name, @Level, @ReportDay, @Now, @Now, 1)
            """,
            new { input.Code, Name = input.Name.Trim(), Level = Infrastructure.EnumText.Of(input.Level!.Value), ReportDay = input.ReportDay ?? Jurisdiction.DefaultReportDay, Now = now },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(DbConnection connection, DbTransaction transaction, string code, long expectedVersion, JurisdictionUpdate input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jurisdictions
            SET name = @Name, level = @Level, report_day = COALESCE(@ReportDay, report_day), updated_at = @Now, version = version + 1
            WHERE code = @Code AND version = @ExpectedVersion
            """,
            new { Code = code, Name = input.Name.Trim(), Level = Infrastructure.EnumText.Of(input.Level!.Value), input.ReportDay, Now = now, ExpectedVersion = expectedVersion },
            transaction, cancellationToken: cancellationToken));
}
