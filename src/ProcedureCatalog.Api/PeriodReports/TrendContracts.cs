using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>Every scoreboard indicator at each date of a series: the figures an analyst charts.</summary>
/// <param name="Program">The reduction program.</param>
/// <param name="Jurisdiction">The jurisdiction, or null for all together.</param>
/// <param name="From">The first date asked for (default the program's baseline date).</param>
/// <param name="To">The last date asked for (default today, but no later than the program's last judging date).</param>
/// <param name="Step">month, quarter or year.</param>
/// <param name="Day">The day of the month of every point (default the jurisdiction's report day, or 22).</param>
/// <param name="Points">The scoreboard at each date, as GET /reports/scoreboard answers it for that jurisdiction and asOf (the targets of the date's year).</param>
public sealed record TrendReport(string Program, string? Jurisdiction, DateOnly From, DateOnly To, TrendStep Step, int Day, IReadOnlyList<Scoreboard> Points);

/// <summary>The time and cost reductions of one date of a trend, against the targets of its year: one point of the chart.</summary>
/// <param name="AsOf">The date.</param>
/// <param name="TargetYear">The program year whose targets apply.</param>
/// <param name="TimeReductionPct">The reduction of processing time (null when nothing has a baseline).</param>
/// <param name="TimeTargetPct">The target of time-reduction for the year.</param>
/// <param name="CostReductionPct">The reduction of compliance cost.</param>
/// <param name="CostTargetPct">The target of cost-reduction for the year.</param>
public sealed record ReductionPoint(DateOnly AsOf, int TargetYear, decimal? TimeReductionPct, decimal? TimeTargetPct, decimal? CostReductionPct, decimal? CostTargetPct)
{
    /// <summary>The point of a scoreboard: its time-reduction and cost-reduction indicators.</summary>
    public static ReductionPoint Of(Scoreboard board)
    {
        var time = board.Indicators.FirstOrDefault(indicator => indicator.Indicator == EnumText.Of(Targets.Indicator.TimeReduction));
        var cost = board.Indicators.FirstOrDefault(indicator => indicator.Indicator == EnumText.Of(Targets.Indicator.CostReduction));
        return new ReductionPoint(board.Basis.AsOf, board.Basis.TargetYear, time?.ValuePct, time?.TargetPct, cost?.ValuePct, cost?.TargetPct);
    }
}

/// <summary>One row of the trend as a table: one indicator of the scoreboard of one date.</summary>
public sealed record TrendRow(Scoreboard Board, ScoreboardIndicator Indicator);

/// <summary>The query string of the trend.</summary>
public sealed class TrendQuery
{
    /// <summary>VN or a province code; leave out for all jurisdictions together.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The first date (YYYY-MM-DD); default the program's baseline date (2024-12-31).</summary>
    public string? From { get; init; }

    /// <summary>The last date (YYYY-MM-DD); default today, but no later than the program's last judging date.</summary>
    public string? To { get; init; }

    /// <summary>month (default): the day of every month; quarter: of March, June, September and December; year: of December.</summary>
    [EnumValues(typeof(TrendStep))]
    public string? Step { get; init; }

    /// <summary>The day of the month of every point, 1 to 28; default the jurisdiction's report day (reportDay), or 22 for all jurisdictions.</summary>
    public string? Day { get; init; }

    /// <summary>The reduction program; default resolution-66.</summary>
    public string? Program { get; init; }
}
