using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// The coverage indicators of the scoreboard: shares counted over the view coverage_facts (db/*/views/0300_coverage.sql), and
/// business-reporting-electronic over reporting_regime_coverage (db/*/views/0350_reporting_regimes.sql).
/// </summary>
internal static class CoverageQueries
{
    internal const string Statement =
        """
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
                       COALESCE(c.numerator, 0) AS numerator,
                       COALESCE(c.denominator, 0) AS denominator
                FROM target_levels t
                -- Filtered and counted before the join, so that both engines push the filters into each part of
                -- the view and never build the facts of other years (the documents alone are millions of rows).
                LEFT JOIN (
                    SELECT cf.indicator, SUM(cf.in_numerator) AS numerator, COUNT(*) AS denominator
                    FROM coverage_facts cf
                    WHERE cf.program_code = @Program AND cf.year = @Year
                      AND (cf.abolished_on IS NULL OR cf.abolished_on > @AsOf)
                      AND (@Jurisdiction IS NULL OR cf.jurisdiction_code = @Jurisdiction)
                    GROUP BY cf.indicator
                    UNION ALL
                    -- business-reporting-electronic: the jurisdiction's reporting regimes, each by its stretch of dates that holds
                    -- @AsOf (views/0350_reporting_regimes.sql: active on it, and electronic too).
                    SELECT rc.indicator, SUM(rc.in_numerator) AS numerator, SUM(rc.in_denominator) AS denominator
                    FROM reporting_regime_coverage rc
                    WHERE rc.program_code = @Program AND rc.year = @Year AND rc.valid_from <= @AsOf AND (rc.valid_to IS NULL OR rc.valid_to > @AsOf)
                      AND (@Jurisdiction IS NULL OR rc.jurisdiction_code = @Jurisdiction)
                    GROUP BY rc.indicator
                ) c ON c.indicator = t.indicator
                WHERE t.program_code = @Program AND t.year = @Year AND t.indicator NOT IN (@TimeIndicator, @CostIndicator)
            ) g
        ) s
        ORDER BY s.indicator
        """;

    /// <summary>The coverage indicators read on a connection of their own, started at once: the scoreboard reads them beside its reductions.</summary>
    public static Task<IReadOnlyList<CoverageRow>> CoverageOnItsOwnConnection(
        Func<CancellationToken, Task<DbConnection>> open, string? jurisdiction, ReportDates dates, CancellationToken cancellationToken) =>
        ReportQueries.OnItsOwnConnection(open, connection => Coverage(connection, jurisdiction, dates, cancellationToken), cancellationToken);

    public static async Task<IReadOnlyList<CoverageRow>> Coverage(
        DbConnection connection, string? jurisdiction, ReportDates dates, CancellationToken cancellationToken)
    {
        var parameters = dates.With(new DynamicParameters());
        parameters.Add("Jurisdiction", jurisdiction, System.Data.DbType.String, size: 10);
        var rows = await connection.QueryAsync<CoverageRow>(new CommandDefinition(Statement, parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }
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
