using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.History;

internal static class HistoryExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    public static readonly TimeEntryInput TimeInput = new(new DateOnly(2025, 3, 1), 10m, TimeUnit.WorkingDays, "125/QĐ-UBND");

    public static readonly TimeEntry Time = new(41, new DateOnly(2025, 3, 1), 10m, TimeUnit.WorkingDays, "125/QĐ-UBND", Recorded);

    public static readonly IReadOnlyList<TimeEntry> TimeList =
    [
        new(40, new DateOnly(2023, 5, 1), 15m, TimeUnit.WorkingDays, "512/QĐ-UBND", Recorded),
        Time,
        new(42, new DateOnly(2026, 1, 15), 7m, TimeUnit.WorkingDays, "88/QĐ-UBND", Recorded),
    ];

    public static readonly CostEntryInput CostInput = new(new DateOnly(2025, 3, 1), 300_000, 100_000, 4m, 1200, "125/QĐ-UBND");

    public static readonly CostEntry Cost = new(77, new DateOnly(2025, 3, 1), 300_000, 100_000, 4m, 1200, "125/QĐ-UBND", Recorded);

    public static readonly IReadOnlyList<CostEntry> CostList =
    [
        new(76, new DateOnly(2024, 1, 1), 500_000, 200_000, 8m, 1200, "30/QĐ-UBND", Recorded),
        Cost,
    ];
}
