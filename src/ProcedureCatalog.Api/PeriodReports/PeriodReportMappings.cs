using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>From the rows of the period queries to the report's units (as <see cref="ReportMappings"/> does for the other reports).</summary>
internal static class PeriodReportMappings
{
    public static ProcedureCut ToContract(CutRow row, ReductionMeasure measure)
    {
        Func<long?, decimal?> value = measure == ReductionMeasure.Time ? ReportMappings.WorkingDays : ReportMappings.Vnd;
        return new ProcedureCut(row.ProcedureId, row.Code, row.Name, row.AgencyName, measure, value(row.BeforeValue)!.Value, value(row.AfterValue)!.Value,
            row.CutHundredths / 100m, ReportMappings.Pct(row.ReductionHundredths), row.EffectiveFrom, row.DecisionRef);
    }

    public static ProcedureAbolition ToContract(AbolitionRow row) => new(row.ProcedureId, row.Code, row.Name, row.AgencyName, row.AbolishedOn);

    public static OnlineLevelMove ToOnline(MoveRow row) => new(row.ProcedureId, row.Code, row.Name, row.AgencyName,
        row.OnlineLevelBefore is { } before ? EnumText<OnlineLevel>.Parse(before) : null, EnumText<OnlineLevel>.Parse(row.OnlineLevelAfter!), row.EffectiveFrom, row.DecisionRef);

    public static BoundaryFreeMove ToBoundaryFree(MoveRow row) =>
        new(row.ProcedureId, row.Code, row.Name, row.AgencyName, row.BoundaryFreeBefore, row.BoundaryFreeAfter!.Value, row.EffectiveFrom, row.DecisionRef);

    /// <summary>Each indicator of the scoreboard beside the previous report's value of the same indicator.</summary>
    public static IReadOnlyList<IndicatorChange> Changes(Scoreboard board, Scoreboard? previous) => board.Indicators.Select(indicator =>
    {
        var before = previous?.Indicators.FirstOrDefault(other => other.Indicator == indicator.Indicator);
        return new IndicatorChange(indicator.Indicator, indicator.TargetPct, indicator.ValuePct, before?.ValuePct,
            indicator.ValuePct - before?.ValuePct, indicator.Met, before?.Met);
    }).ToList();
}
