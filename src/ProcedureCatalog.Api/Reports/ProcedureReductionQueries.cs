using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>The reduction of one procedure (GET /procedures/{id}/reduction): its row of procedure_reductions that holds @AsOf.</summary>
internal static class ProcedureReductionQueries
{
    /// <summary>One procedure: its window of procedure_reductions that holds @AsOf, with the year's targets.</summary>
    internal static readonly string Statement = StatementOf(channel: false);

    /// <summary>One channel of one procedure: its pair of the channel's rows that holds @AsOf (<see cref="ReportQueries.PairsOf"/>).</summary>
    internal static readonly string ChannelStatement = StatementOf(channel: true);

    private static string StatementOf(bool channel) =>
        $"""
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name,
               p.time_baseline AS time_baseline_units, p.time_current AS time_current_units, p.is_abolished AS time_abolished,
               p.time_reduction_hundredths, tt.target_hundredths AS time_target_hundredths,
               CASE WHEN p.time_reduction_hundredths IS NULL OR tt.target_hundredths IS NULL THEN NULL
                    WHEN p.time_reduction_hundredths >= tt.target_hundredths THEN 1 ELSE 0 END AS time_meets_target,
               CASE WHEN p.time_reduction_hundredths IS NULL OR tt.target_hundredths IS NULL THEN NULL
                    WHEN p.time_reduction_hundredths >= tt.target_hundredths THEN 0 ELSE tt.target_hundredths - p.time_reduction_hundredths END AS time_gap_hundredths,
               p.hourly_tariff_vnd, p.cost_baseline AS cost_baseline_centi, p.cost_current AS cost_current_centi, p.is_abolished AS cost_abolished,
               p.cost_reduction_hundredths, ct.target_hundredths AS cost_target_hundredths,
               CASE WHEN p.cost_reduction_hundredths IS NULL OR ct.target_hundredths IS NULL THEN NULL
                    WHEN p.cost_reduction_hundredths >= ct.target_hundredths THEN 1 ELSE 0 END AS cost_meets_target,
               CASE WHEN p.cost_reduction_hundredths IS NULL OR ct.target_hundredths IS NULL THEN NULL
                    WHEN p.cost_reduction_hundredths >= ct.target_hundredths THEN 0 ELSE ct.target_hundredths - p.cost_reduction_hundredths END AS cost_gap_hundredths,
               p.baseline_annual_filings, p.current_annual_filings, p.baseline_yearly_centi, p.current_yearly_centi
        FROM {ReportQueries.PairsOf(channel)} p
        LEFT JOIN target_levels tt ON tt.program_code = @Program AND tt.indicator = @TimeIndicator AND tt.year = @Year
        LEFT JOIN target_levels ct ON ct.program_code = @Program AND ct.indicator = @CostIndicator AND ct.year = @Year
        WHERE p.id = @Id AND {ReportQueries.HoldsAsOf()}{(channel ? " AND " + ReportQueries.OfChannel : string.Empty)}
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
