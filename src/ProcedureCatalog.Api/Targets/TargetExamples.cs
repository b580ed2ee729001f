namespace ProcedureCatalog.Api.Targets;

internal static class TargetExamples
{
    private static readonly DateTime Recorded = new(2025, 3, 26, 0, 0, 0, DateTimeKind.Utc);

    private const string TimeScope = "Processing time of active or abolished external, business-related procedures, versus the baseline date";

    public static readonly TargetInput Input = new(30m, new DateOnly(2025, 12, 31), TimeScope);

    public static readonly Target Time2025 = new("resolution-66", Indicator.TimeReduction, 2025, 30m, new DateOnly(2025, 12, 31), TimeScope, Recorded, Recorded, 1);

    public static readonly IReadOnlyList<ReductionProgram> Programs =
    [
        new("resolution-66", "Nghị quyết 66/NQ-CP", new DateOnly(2024, 12, 31),
        [
            Time2025,
            new("resolution-66", Indicator.TimeReduction, 2026, 50m, new DateOnly(2026, 12, 31), TimeScope, Recorded, Recorded, 1),
        ]),
    ];
}
