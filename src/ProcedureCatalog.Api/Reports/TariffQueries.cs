using System.Data.Common;
using Dapper;

namespace ProcedureCatalog.Api.Reports;

/// <summary>Hourly tariffs (average hourly income) per jurisdiction and year, for the Standard Cost Model.</summary>
internal static class TariffQueries
{
    public static Task Insert(DbConnection connection, DbTransaction transaction, string jurisdiction, int year, long hourlyTariffVnd, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO hourly_tariffs (jurisdiction_code, year, hourly_tariff_vnd, created_at, updated_at, version)
            VALUES (@Jurisdiction, @Year, @HourlyTariffVnd, @Now, @Now, 1)
            """,
            new { Jurisdiction = jurisdiction, Year = year, HourlyTariffVnd = hourlyTariffVnd, Now = now },
            transaction, cancellationToken: cancellationToken));
}
