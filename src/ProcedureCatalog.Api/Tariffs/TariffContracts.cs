using System.ComponentModel.DataAnnotations;

namespace ProcedureCatalog.Api.Tariffs;

/// <summary>The average hourly income of a jurisdiction in a year, which prices the applicant's own hours.</summary>
/// <param name="HourlyTariffVnd">đồng per hour, a whole number from 1 to 100,000,000.</param>
public sealed record TariffInput(
    [property: Required, Range(1, 100_000_000)] long? HourlyTariffVnd);

/// <param name="Jurisdiction">VN or a province code.</param>
/// <param name="Year">The year the tariff is the average of. Reductions price hours with the tariff of the program's baseline year.</param>
/// <param name="HourlyTariffVnd">đồng per hour.</param>
public sealed record Tariff(string Jurisdiction, int Year, long HourlyTariffVnd, DateTime CreatedAt, DateTime UpdatedAt, long Version);
