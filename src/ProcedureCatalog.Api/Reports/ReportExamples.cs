using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Reports;

/// <summary>The worked example of the domain brief (procedures A, B and C of Cần Thơ), as the reports give it.</summary>
internal static class ReportExamples
{
    private static readonly ReportBasis Basis = new(
        "resolution-66", "Nghị quyết 66/NQ-CP", new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31), 2025, Normalisation.For(2024));

    public static readonly ProcedureReduction Procedure = new(
        41, "92", "1.009645", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", Basis,
        new MeasureReduction(15m, 10m, 33.33m, 30m, true, 0m, false),
        new CostReduction(40000, new MeasureReduction(1_020_000m, 560_000m, 45.10m, 30m, true, 0m, false), 1200, 1500, 1_224_000_000m, 840_000_000m));

    public static readonly GroupReductionReport Groups = new(Basis, ReductionGroupBy.Agency, ReportScope.Target,
    [
        new GroupReduction(
            new GroupKey(21, null, "92", "Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ"), 3, 0,
            new GroupMeasure(29.2857m, 22m, 24.88m, 30m, false, 5.12m, 2, 1, 1),
            new GroupMeasure(1_020_000m, 560_000m, 45.10m, 30m, true, 0m, 1, 2, 1),
            new YearlyBurden(1, 1_224_000_000m, 840_000_000m)),
    ]);

    public static readonly Scoreboard Board = new(Basis, "92", 1, 2,
    [
        new ScoreboardIndicator("time-reduction", 30m, new DateOnly(2025, 12, 31),
            "Processing time of active or abolished external, business-related procedures, versus the baseline date",
            24.88m, 7.2857m, 29.2857m, "working-days", false, 5.12m),
        new ScoreboardIndicator("business-online", 100m, new DateOnly(2025, 12, 31),
            "Active external, business-related procedures offered online (partial or full)", 100m, 8, 8, "procedures", true, 0m),
    ], Provisional: false, new DateOnly(2025, 12, 31));

    public static readonly LaggardReport Laggards = new(Basis, ReductionMeasure.Time, ReportScope.Target, 30m, Paging.Of<Laggard>(
    [
        new Laggard(42, "92", "1.009650", "Cấp Giấy phép kinh doanh dịch vụ lữ hành quốc tế", 21,
            "Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ", "Du lịch", 14.2857m, 12m, 16.00m, 30m, 14.00m),
    ], page: 1, pageSize: 20, totalCount: 1));
}
