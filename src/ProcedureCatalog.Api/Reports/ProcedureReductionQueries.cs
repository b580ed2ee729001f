using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>The reduction of one procedure (GET /procedures/{id}/reduction): its rows of time_reductions and cost_reductions that hold @AsOf.</summary>
internal static class ProcedureReductionQueries
{
    /// <summary>One procedure: its time and cost windows that hold @AsOf, with the year's targets.</summary>
    internal static readonly string Statement = StatementOf(channel: false);

    /// <summary>One channel of one procedure: its rows of the channel views that hold @AsOf.</summary>
    internal static readonly string ChannelStatement = StatementOf(channel: true);

    private static string StatementOf(bool channel) =>
        $"""
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name,
               p.baseline_value AS time_baseline_units, p.current_value AS time_current_units, p.is_abolished AS time_abolished,
               p.reduction_hundredths AS time_reduction_hundredths, tt.target_hundredths AS time_target_hundredths,
               CASE WHEN p.reduction_hundredths IS NULL OR tt.target_hundredths IS NULL THEN NULL
                    WHEN p.reduction_hundredths >= tt.target_hundredths THEN 1 ELSE 0 END AS time_meets_target,
               CASE WHEN p.reduction_hundredths IS NULL OR tt.target_hundredths IS NULL THEN NULL
                    WHEN p.reduction_hundredths >= tt.target_hundredths THEN 0 ELSE tt.target_hundredths - p.reduction_hundredths END AS time_gap_hundredths,
               c.hourly_tariff_vnd, c.baseline_value AS cost_baseline_centi, c.current_value AS cost_current_centi, c.is_abolished AS cost_abolished,
               c.reduction_hundredths AS cost_reduction_hundredths, ct.target_hundredths AS cost_target_hundredths,
               CASE WHEN c.reduction_hundredths IS NULL OR ct.target_hundredths IS NULL THEN NULL
                    WHEN c.reduction_hundredths >= ct.target_hundredths THEN 1 ELSE 0 END AS cost_meets_target,
               CASE WHEN c.reduction_hundredths IS NULL OR ct.target_hundredths IS NULL THEN NULL
                    WHEN c.reduction_hundredths >= ct.target_hundredths THEN 0 ELSE ct.target_hundredths - c.reduction_hundredths END AS cost_gap_hundredths,
               c.baseline_annual_filings, c.current_annual_filings, c.baseline_yearly_centi, c.current_yearly_centi
        FROM {ReportQueries.ViewOf(ReductionMeasure.Time, channel)} p
        INNER JOIN {ReportQueries.ViewOf(ReductionMeasure.Cost, channel)} c
            ON c.program_code = p.program_code AND c.id = p.id AND c.valid_from <= @AsOf AND (c.valid_to IS NULL OR c.valid_to > @AsOf){(channel ? " AND c.channel = p.channel" : string.Empty)}
        LEFT JOIN target_levels tt ON tt.program_code = @Program AND tt.indicator = @TimeIndicator AND tt.year = @Year
        LEFT JOIN target_levels ct ON ct.program_code = @Program AND ct.indicator = @CostIndicator AND ct.year = @Year
        WHERE p.id = @Id AND {ReportQueries.HoldsAsOf}{(channel ? " AND " + ReportQueries.OfChannel : string.Empty)}
        """;

    public static Task<ProcedureReductionRow?> ForProcedure(
        DbConnection connection, SqlDialect dialect, long id, ReportDates dates, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ProcedureReductionRow>(new CommandDefinition(
            dates.Channel is null ? Statement : ChannelStatement, dates.With(new DynamicParameters(new { Id = id })), cancellationToken: cancellationToken));
}

internal sealed record ProcedureReductionRow
{
    public long ProcedureId { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public long? TimeBaselineUnits { get; init; }
    public long? TimeCurrentUnits { get; init; }
    public long TimeAbolished { get; init; }
    public long? TimeReductionHundredths { get; init; }
    public long? TimeTargetHundredths { get; init; }
    public long? TimeMeetsTarget { get; init; }
    public long? TimeGapHundredths { get; init; }
    public long? HourlyTariffVnd { get; init; }
    public long? CostBaselineCenti { get; init; }
    public long? CostCurrentCenti { get; init; }
    public long CostAbolished { get; init; }
    public long? CostReductionHundredths { get; init; }
    public long? CostTargetHundredths { get; init; }
    public long? CostMeetsTarget { get; init; }
    public long? CostGapHundredths { get; init; }
    public long? BaselineAnnualFilings { get; init; }
    public long? CurrentAnnualFilings { get; init; }
    public long? BaselineYearlyCenti { get; init; }
    public long? CurrentYearlyCenti { get; init; }
}
