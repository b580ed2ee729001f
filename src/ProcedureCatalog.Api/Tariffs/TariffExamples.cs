namespace ProcedureCatalog.Api.Tariffs;

internal static class TariffExamples
{
    private static readonly DateTime Recorded = new(2025, 3, 26, 0, 0, 0, DateTimeKind.Utc);

    public static readonly TariffInput Input = new(40_000);

    public static readonly Tariff CanTho = new("92", 2024, 40_000, Recorded, Recorded, 1);

    public static readonly IReadOnlyList<Tariff> List = [new("11", 2024, 31_000, Recorded, Recorded, 1), CanTho];
}
