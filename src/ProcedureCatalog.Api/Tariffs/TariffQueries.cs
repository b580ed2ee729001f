using System.Data.Common;
using Dapper;

namespace ProcedureCatalog.Api.Tariffs;

/// <summary>Hourly tariffs (average hourly income) per jurisdiction and year, for the Standard Cost Model.</summary>
internal static class TariffQueries
{
    private const string SelectTariff =
        "SELECT jurisdiction_code, year, hourly_tariff_vnd, created_at, updated_at, version FROM hourly_tariffs";

    public static Task<IEnumerable<TariffRow>> List(DbConnection connection, string? jurisdiction, int? year, CancellationToken cancellationToken) =>
        connection.QueryAsync<TariffRow>(new CommandDefinition(
            SelectTariff + " WHERE (@Jurisdiction IS NULL OR jurisdiction_code = @Jurisdiction) AND (@Year IS NULL OR year = @Year) ORDER BY jurisdiction_code, year",
            new { Jurisdiction = new DbString { Value = jurisdiction, Length = 10 }, Year = year }, cancellationToken: cancellationToken));

    public static Task<TariffRow?> Find(DbConnection connection, string jurisdiction, int year, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<TariffRow>(new CommandDefinition(
            SelectTariff + " WHERE jurisdiction_code = @Jurisdiction AND year = @Year",
            new { Jurisdiction = jurisdiction, Year = year }, transaction, cancellationToken: cancellationToken));

    public static Task Insert(DbConnection connection, DbTransaction transaction, string jurisdiction, int year, long hourlyTariffVnd, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO hourly_tariffs (jurisdiction_code, year, hourly_tariff_vnd, created_at, updated_at, version)
            VALUES (@Jurisdiction, @Year, @HourlyTariffVnd, @Now, @Now, 1)
            """,
            new { Jurisdiction = jurisdiction, Year = year, HourlyTariffVnd = hourlyTariffVnd, Now = now },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(DbConnection connection, DbTransaction transaction, string jurisdiction, int year, long expectedVersion, long hourlyTariffVnd, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE hourly_tariffs SET hourly_tariff_vnd = @HourlyTariffVnd, updated_at = @Now, version = version + 1
            WHERE jurisdiction_code = @Jurisdiction AND year = @Year AND version = @ExpectedVersion
            """,
            new { Jurisdiction = jurisdiction, Year = year, ExpectedVersion = expectedVersion, HourlyTariffVnd = hourlyTariffVnd, Now = now },
            transaction, cancellationToken: cancellationToken));
}

internal sealed record TariffRow
{
    public required string JurisdictionCode { get; init; }
    public int Year { get; init; }
    public long HourlyTariffVnd { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}
