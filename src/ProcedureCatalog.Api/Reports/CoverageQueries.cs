using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// The coverage indicators of the scoreboard: shares counted over the view coverage_windows (db/*/views/0300_coverage.sql),
/// whose rows say, per window of a procedure, whether it is in each indicator's denominator and numerator on the dates
/// of the window, and business-reporting-electronic over reporting_regime_coverage (db/*/views/0350_reporting_regimes.sql).
/// The rows that hold @AsOf are added up in one pass and each target of the year takes its pair of sums.
/// </summary>
internal static class CoverageQueries
{
    /// <summary>The coverage indicators and the columns of coverage_windows that count them (a fixed list).</summary>
    private static readonly IReadOnlyList<Targets.Indicator> Counted =
    [
        Targets.Indicator.BusinessOnline, Targets.Indicator.BoundaryFree, Targets.Indicator.InternalReviewed, Targets.Indicator.DocumentsProvidedOnce,
        Targets.Indicator.FullOnlineOfEligible, Targets.Indicator.InternalElectronic, Targets.Indicator.TechnicalRegulationReviewed,
    ];

    private static string Column(Targets.Indicator indicator) => Infrastructure.EnumText.Of(indicator).Replace('-', '_');

    private static string Sums(IReadOnlyList<Targets.Indicator> counted) => counted.Count == 0 ? "COUNT(*) AS windows" : string.Join(",\n               ", counted.Select(indicator =>
        $"SUM(cw.{Column(indicator)}_numerator) AS {Column(indicator)}_numerator, SUM(cw.{Column(indicator)}_denominator) AS {Column(indicator)}_denominator"));

    private static string Pick(IReadOnlyList<Targets.Indicator> counted, string part) => counted.Count == 0 ? "NULL" :
        "CASE t.indicator " + string.Join(" ", counted.Select(indicator => $"WHEN '{Infrastructure.EnumText.Of(indicator)}' THEN c.{Column(indicator)}_{part}")) + " END";

    /// <summary>The statements of every indicator, of all jurisdictions and of one, for the checks of the in-code statements.</summary>
    internal static IEnumerable<string> Statements =>
        [StatementFor(EveryIndicator, ofJurisdiction: false), StatementFor(EveryIndicator, ofJurisdiction: true)];

    private static readonly IReadOnlyCollection<Targets.Indicator> EveryIndicator = [.. Counted, Targets.Indicator.BusinessReportingElectronic];

    /// <summary>
    /// The statement of the indicators of a year: only their columns are added up (each sum is work on every procedure
    /// at national size), and the reporting regimes are read only when the year has their indicator.
    /// </summary>
    /// <remarks>Of one jurisdiction (<paramref name="ofJurisdiction"/>: @Jurisdiction) a statement of its own, so that its rows are read as their range of
    /// reduction_windows (an "@Jurisdiction IS NULL OR …" would read them all).</remarks>
    private static string StatementFor(IReadOnlyCollection<Targets.Indicator> indicators, bool ofJurisdiction)
    {
        var counted = Counted.Where(indicators.Contains).ToList();
        var regimes = indicators.Contains(Targets.Indicator.BusinessReportingElectronic);
        return $"""
        SELECT s.indicator, s.target_hundredths, s.judged_on, s.scope, s.numerator, s.denominator, s.value_hundredths,
               CASE WHEN s.value_hundredths IS NULL THEN NULL WHEN s.value_hundredths >= s.target_hundredths THEN 1 ELSE 0 END AS met,
               CASE WHEN s.value_hundredths IS NULL THEN NULL WHEN s.value_hundredths >= s.target_hundredths THEN 0
                    ELSE s.target_hundredths - s.value_hundredths END AS gap_hundredths
        FROM (
            SELECT g.indicator, g.target_hundredths, g.judged_on, g.scope, g.numerator, g.denominator,
                   CASE WHEN g.denominator = 0 THEN NULL
                        ELSE (20000 * CAST(g.numerator AS BIGINT) + CAST(g.denominator AS BIGINT)) / (2 * CAST(g.denominator AS BIGINT)) END AS value_hundredths
            FROM (
                SELECT t.indicator, t.target_hundredths, t.judged_on, t.scope,
                       COALESCE({Pick(counted, "numerator")}, {(regimes ? "r.numerator" : "NULL")}, 0) AS numerator,
                       COALESCE({Pick(counted, "denominator")}, {(regimes ? "r.denominator" : "NULL")}, 0) AS denominator
                FROM target_levels t
                CROSS JOIN (
                    SELECT {Sums(counted)}
                    FROM coverage_windows cw
                    WHERE cw.year = @Year
                      AND {(ofJurisdiction ? "cw.jurisdiction_code = @Jurisdiction AND " : string.Empty)}{ReportQueries.HoldsAsOf("cw", everyJurisdiction: !ofJurisdiction)}
                ) c
                {(regimes ? RegimeSums(ofJurisdiction) : string.Empty)}
                WHERE t.program_code = @Program AND t.year = @Year
                  AND t.indicator IN ({string.Join(", ", indicators.Where(indicator => counted.Contains(indicator) || (regimes && indicator == Targets.Indicator.BusinessReportingElectronic))
                      .Select(indicator => $"'{Infrastructure.EnumText.Of(indicator)}'").DefaultIfEmpty("''"))})
            ) g
        ) s
        ORDER BY s.indicator
        """;
    }

    /// <summary>business-reporting-electronic: the jurisdiction's reporting regimes, each by its stretch of dates that holds @AsOf (views/0350_reporting_regimes.sql: active on it, and electronic too).</summary>
    private static string RegimeSums(bool ofJurisdiction) =>
        $"""
        LEFT JOIN (
                    SELECT rc.indicator, SUM(rc.in_numerator) AS numerator, SUM(rc.in_denominator) AS denominator
                    FROM reporting_regime_coverage rc
                    WHERE rc.program_code = @Program AND rc.year = @Year AND rc.valid_from <= @AsOf AND (rc.valid_to IS NULL OR rc.valid_to > @AsOf)
                      {(ofJurisdiction ? "AND rc.jurisdiction_code = @Jurisdiction" : string.Empty)}
                    GROUP BY rc.indicator
                ) r ON r.indicator = t.indicator
        """;

    /// <summary>The coverage indicators read on a connection of their own, started at once: the scoreboard reads them beside its reductions.</summary>
    public static Task<IReadOnlyList<CoverageRow>> CoverageOnItsOwnConnection(
        Func<CancellationToken, Task<DbConnection>> open, string? jurisdiction, ReportDates dates, IReadOnlyList<Targets.Indicator> indicators, CancellationToken cancellationToken) =>
        ReportQueries.OnItsOwnConnection(open, connection => Coverage(connection, jurisdiction, dates, indicators, cancellationToken), cancellationToken);

    /// <summary>The coverage indicators of the year's targets (<paramref name="indicators"/>: those the program has for it).</summary>
    public static async Task<IReadOnlyList<CoverageRow>> Coverage(
        DbConnection connection, string? jurisdiction, ReportDates dates, IReadOnlyList<Targets.Indicator> indicators, CancellationToken cancellationToken)
    {
        var parameters = dates.With(new DynamicParameters());
        parameters.Add("Jurisdiction", jurisdiction, System.Data.DbType.String, size: 10);
        var rows = await connection.QueryAsync<CoverageRow>(new CommandDefinition(StatementFor(indicators, jurisdiction is not null), parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The coverage indicators of the targets the program has for the year.</summary>
    public static async Task<IReadOnlyList<CoverageRow>> Coverage(DbConnection connection, string? jurisdiction, ReportDates dates, CancellationToken cancellationToken) =>
        await Coverage(connection, jurisdiction, dates, IndicatorsOf(await ReportQueries.TargetsOfYear(connection, dates.Program, dates.Year, cancellationToken)), cancellationToken);

    public static IReadOnlyList<Targets.Indicator> IndicatorsOf(IEnumerable<TargetLevelRow> targets) =>
        targets.Select(target => Infrastructure.EnumText<Targets.Indicator>.TryParse(target.Indicator, out var indicator) ? indicator : (Targets.Indicator?)null)
            .OfType<Targets.Indicator>().ToList();
}

internal sealed record CoverageRow
{
    public required string Indicator { get; init; }
    public long TargetHundredths { get; init; }
    public DateOnly JudgedOn { get; init; }
    public required string Scope { get; init; }
    public long Numerator { get; init; }
    public long Denominator { get; init; }
    public long? ValueHundredths { get; init; }
    public long? Met { get; init; }
    public long? GapHundredths { get; init; }
}
