using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>A trend of Cần Thơ in the sample catalogue: two report days of 2026, the reductions moving towards the 50 % of 2026.</summary>
internal static class TrendExamples
{
    private static Scoreboard Board(DateOnly asOf, decimal time, decimal cost) => new(
        new ReportBasis("resolution-66", "Nghị quyết 66/NQ-CP", new DateOnly(2024, 12, 31), asOf, 2026, Normalisation.For(2024)), "92", 0, 2,
        [
            new ScoreboardIndicator("time-reduction", 50m, new DateOnly(2026, 12, 31),
                "Processing time of active or abolished external, business-related procedures, versus the baseline date",
                time, decimal.Round(time * 1.53m, 4), 153m, "working-days", false, 50m - time),
            new ScoreboardIndicator("cost-reduction", 50m, new DateOnly(2026, 12, 31),
                "Compliance cost per filing of active or abolished external, business-related procedures, versus the baseline date",
                cost, decimal.Round(cost * 1_000_000m, 0), 100_000_000m, "vnd", false, 50m - cost),
        ],
        Provisional: true, new DateOnly(2026, 12, 31));

    public static readonly TrendReport Trend = new("resolution-66", "92", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), TrendStep.Month, 22,
    [
        Board(new DateOnly(2026, 10, 22), 38.12m, 29.40m),
        Board(new DateOnly(2026, 11, 22), 41.05m, 33.33m),
    ]);

    public static IReadOnlyList<TrendRow> Rows { get; } = Trend.Points.SelectMany(board => board.Indicators.Select(indicator => new TrendRow(board, indicator))).ToList();

    public static IReadOnlyList<CsvColumn<TrendRow>> Columns { get; } = TrendMappings.Columns(Trend.Points);
}
