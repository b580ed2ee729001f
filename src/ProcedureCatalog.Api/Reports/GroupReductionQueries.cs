using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// The group reductions (GET /reports/reductions, and the reduction rows of the scoreboard): per group, the sums of
/// each view's rows that hold @AsOf, and the group formula applied to the sums.
/// </summary>
internal static class GroupReductionQueries
{
    /// <summary>
    /// A grouping: the column of the views the rows are grouped by (a constant for the whole scope), the group's
    /// columns named from it after grouping (with the join that names it, one row per group), and the order.
    /// </summary>
    /// <remarks>
    /// <paramref name="Splits"/>: the key is an integer id, so the groups can be read in parts (key modulo parts),
    /// each part whole groups, and put in order by that id.
    /// </remarks>
    private sealed record Grouping(string? Key, string Select, string Join, string OrderBy, bool Splits = false);

    private static readonly IReadOnlyDictionary<ReductionGroupBy, Grouping> Groupings = new Dictionary<ReductionGroupBy, Grouping>
    {
        [ReductionGroupBy.None] = new(null, "NULL AS group_id, NULL AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.procedures"),
        [ReductionGroupBy.Agency] = new("p.agency_id", "t.group_key AS group_id, NULL AS group_code, a.jurisdiction_code AS group_jurisdiction, a.name AS group_name", "INNER JOIN agencies a ON a.id = t.group_key", "s.group_id", Splits: true),
        [ReductionGroupBy.Field] = new("p.field_id", "t.group_key AS group_id, NULL AS group_code, NULL AS group_jurisdiction, f.name AS group_name", "INNER JOIN fields f ON f.id = t.group_key", "s.group_id", Splits: true),
        [ReductionGroupBy.Level] = new("p.level", "NULL AS group_id, t.group_key AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.group_code"),
        [ReductionGroupBy.Kind] = new("p.kind", "NULL AS group_id, t.group_key AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.group_code"),
        [ReductionGroupBy.Jurisdiction] = new("p.jurisdiction_code", "NULL AS group_id, t.group_key AS group_code, NULL AS group_jurisdiction, j.name AS group_name", "INNER JOIN jurisdictions j ON j.code = t.group_key", "s.group_code"),
    };

    /// <summary>
    /// The year's time and cost targets as one row (NULL where none is set), read once per group report
    /// rather than looked up for every procedure; (program, indicator, year) is unique.
    /// </summary>
    private const string YearTargets =
        """
        SELECT MAX(CASE WHEN yt.indicator = @TimeIndicator THEN yt.target_hundredths END) AS time_target_hundredths,
               MAX(CASE WHEN yt.indicator = @CostIndicator THEN yt.target_hundredths END) AS cost_target_hundredths
        FROM target_levels yt
        WHERE yt.program_code = @Program AND yt.year = @Year
        """;

    /// <summary>The yearly burden (cost × filings a year) of the pairs where both are known, from cost_reductions.</summary>
    private const string YearlySums =
        """
        ,
               COUNT(CASE WHEN p.baseline_yearly_centi IS NOT NULL AND p.current_yearly_centi IS NOT NULL THEN 1 END) AS with_annual_filings,
               SUM(CASE WHEN p.current_yearly_centi IS NOT NULL THEN p.baseline_yearly_centi END) AS baseline_yearly_centi,
               SUM(CASE WHEN p.baseline_yearly_centi IS NOT NULL THEN p.current_yearly_centi END) AS current_yearly_centi
        """;

    /// <summary>The sums of one measure per group: the window of each procedure that holds @AsOf, filtered, added up.</summary>
    /// <remarks>
    /// A pair makes the sums only when both B and C are known (COUNT(x) skips NULL); every procedure has exactly one
    /// window that holds @AsOf in each view, so both sides count the same procedures.
    /// </remarks>
    private static string Sums(ReductionMeasure measure, string? key, string where, string target) =>
        $"""
        SELECT {key ?? "0"} AS group_key, COUNT(*) AS procedures, COUNT(CASE WHEN p.is_abolished = 1 THEN 1 END) AS abolished,
               COUNT(p.baseline_value) AS with_baseline,
               COUNT(CASE WHEN p.reduction_hundredths >= tg.{target} THEN 1 END) AS meeting_target,
               SUM(CASE WHEN p.current_value IS NOT NULL THEN p.baseline_value END) AS baseline_sum,
               SUM(CASE WHEN p.baseline_value IS NOT NULL THEN p.current_value END) AS current_sum{(measure == ReductionMeasure.Cost ? YearlySums : string.Empty)}
        FROM {ReportQueries.Views[measure]} p
        CROSS JOIN ({YearTargets}) tg
        {where}
        {(key is null ? string.Empty : "GROUP BY " + key)}
        """;

    /// <remarks>
    /// The group formula, 100 × (ΣB − ΣC) / ΣB rounded half away from zero in hundredths, is applied to the sums
    /// once per group; the targets and everything derived from the sums after grouping.
    /// </remarks>
    private static string GroupQuery(Grouping grouping, string filter) =>
        $"""
        SELECT s.group_id, s.group_code, s.group_jurisdiction, s.group_name, s.procedures, s.abolished,
               s.time_with_baseline, s.time_no_baseline, s.time_meeting_target, s.time_baseline_units, s.time_current_units,
               s.time_target_hundredths, s.time_reduction_hundredths,
               CASE WHEN s.time_reduction_hundredths IS NULL OR s.time_target_hundredths IS NULL THEN NULL
                    WHEN s.time_reduction_hundredths >= s.time_target_hundredths THEN 1 ELSE 0 END AS time_meets_target,
               CASE WHEN s.time_reduction_hundredths IS NULL OR s.time_target_hundredths IS NULL THEN NULL
                    WHEN s.time_reduction_hundredths >= s.time_target_hundredths THEN 0 ELSE s.time_target_hundredths - s.time_reduction_hundredths END AS time_gap_hundredths,
               s.cost_with_baseline, s.cost_no_baseline, s.cost_meeting_target, s.cost_baseline_centi, s.cost_current_centi,
               s.cost_target_hundredths, s.cost_reduction_hundredths,
               CASE WHEN s.cost_reduction_hundredths IS NULL OR s.cost_target_hundredths IS NULL THEN NULL
                    WHEN s.cost_reduction_hundredths >= s.cost_target_hundredths THEN 1 ELSE 0 END AS cost_meets_target,
               CASE WHEN s.cost_reduction_hundredths IS NULL OR s.cost_target_hundredths IS NULL THEN NULL
                    WHEN s.cost_reduction_hundredths >= s.cost_target_hundredths THEN 0 ELSE s.cost_target_hundredths - s.cost_reduction_hundredths END AS cost_gap_hundredths,
               s.with_annual_filings, s.baseline_yearly_centi, s.current_yearly_centi
        FROM (
            SELECT {grouping.Select}, t.procedures, t.abolished,
                   t.with_baseline AS time_with_baseline, t.procedures - t.with_baseline AS time_no_baseline,
                   CASE WHEN tg.time_target_hundredths IS NULL THEN NULL ELSE t.meeting_target END AS time_meeting_target,
                   t.baseline_sum AS time_baseline_units, t.current_sum AS time_current_units, tg.time_target_hundredths,
                   CASE WHEN t.baseline_sum IS NULL OR t.baseline_sum = 0 OR t.current_sum IS NULL THEN NULL
                        ELSE (20000 * (t.baseline_sum - t.current_sum)
                              + CASE WHEN t.baseline_sum > t.current_sum THEN t.baseline_sum WHEN t.baseline_sum < t.current_sum THEN -t.baseline_sum ELSE 0 END)
                             / (2 * t.baseline_sum) END AS time_reduction_hundredths,
                   c.with_baseline AS cost_with_baseline, c.procedures - c.with_baseline AS cost_no_baseline,
                   CASE WHEN tg.cost_target_hundredths IS NULL THEN NULL ELSE c.meeting_target END AS cost_meeting_target,
                   c.baseline_sum AS cost_baseline_centi, c.current_sum AS cost_current_centi, tg.cost_target_hundredths,
                   CASE WHEN c.baseline_sum IS NULL OR c.baseline_sum = 0 OR c.current_sum IS NULL THEN NULL
                        ELSE (20000 * (c.baseline_sum - c.current_sum)
                              + CASE WHEN c.baseline_sum > c.current_sum THEN c.baseline_sum WHEN c.baseline_sum < c.current_sum THEN -c.baseline_sum ELSE 0 END)
                             / (2 * c.baseline_sum) END AS cost_reduction_hundredths,
                   c.with_annual_filings, c.baseline_yearly_centi, c.current_yearly_centi
            FROM ({Sums(ReductionMeasure.Time, grouping.Key, filter, "time_target_hundredths")}) t
            INNER JOIN ({Sums(ReductionMeasure.Cost, grouping.Key, filter, "cost_target_hundredths")}) c ON c.group_key = t.group_key
            CROSS JOIN ({YearTargets}) tg
            {grouping.Join}
        ) s
        ORDER BY {grouping.OrderBy}
        """;

    public static Task<IReadOnlyList<GroupReductionRow>> Groups(
        DbConnection connection, SqlDialect dialect, ReductionGroupBy groupBy, ProcedureFilter filter, ReportDates dates, CancellationToken cancellationToken) =>
        Groups(connection, dialect, Groupings[groupBy], filter, dates, part: null, cancellationToken);

    /// <summary>
    /// The group report read in up to <paramref name="parts"/> parts at once, each on its own connection, when
    /// the groups are keyed by an id: each part holds whole groups, computed by the same statement; they are
    /// only put back in the statement's order. Each part reads the catalogue as it is when that part starts.
    /// </summary>
    public static async Task<IReadOnlyList<GroupReductionRow>> Groups(
        Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect, ReductionGroupBy groupBy, ProcedureFilter filter, ReportDates dates, int parts,
        CancellationToken cancellationToken)
    {
        var grouping = Groupings[groupBy];
        if (!grouping.Splits || parts < 2)
        {
            await using var connection = await open(cancellationToken);
            return await Groups(connection, dialect, grouping, filter, dates, part: null, cancellationToken);
        }

        var reads = await Task.WhenAll(Enumerable.Range(0, parts).Select(part => ReportQueries.OnItsOwnConnection(
            open, connection => Groups(connection, dialect, grouping, filter, dates, (part, parts), cancellationToken), cancellationToken)));
        return reads.SelectMany(rows => rows).OrderBy(row => row.GroupId).ToList();
    }

    private static async Task<IReadOnlyList<GroupReductionRow>> Groups(
        DbConnection connection, SqlDialect dialect, Grouping grouping, ProcedureFilter filter, ReportDates dates, (int Part, int Parts)? part, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        if (part is { } split)
        {
            conditions.Add(PartCondition(grouping));
            parameters.Add("Part", split.Part);
            parameters.Add("Parts", split.Parts);
        }

        var rows = await connection.QueryAsync<GroupReductionRow>(new CommandDefinition(
            GroupQuery(grouping, ReportQueries.Where(conditions)), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static string PartCondition(Grouping grouping) => $"{grouping.Key} % @Parts = @Part";

    internal static IEnumerable<string> Statements(IReadOnlyList<string> conditions)
    {
        foreach (var grouping in Groupings.Values)
        {
            yield return GroupQuery(grouping, ReportQueries.Where(conditions));
            if (grouping.Splits)
            {
                yield return GroupQuery(grouping, ReportQueries.Where([.. conditions, PartCondition(grouping)]));
            }
        }
    }
}

internal sealed record GroupReductionRow
{
    public long? GroupId { get; init; }
    public string? GroupCode { get; init; }
    public string? GroupJurisdiction { get; init; }
    public string? GroupName { get; init; }
    public long Procedures { get; init; }
    public long Abolished { get; init; }
    public long TimeWithBaseline { get; init; }
    public long TimeNoBaseline { get; init; }
    public long? TimeMeetingTarget { get; init; }
    public long? TimeBaselineUnits { get; init; }
    public long? TimeCurrentUnits { get; init; }
    public long? TimeTargetHundredths { get; init; }
    public long? TimeReductionHundredths { get; init; }
    public long? TimeMeetsTarget { get; init; }
    public long? TimeGapHundredths { get; init; }
    public long CostWithBaseline { get; init; }
    public long CostNoBaseline { get; init; }
    public long? CostMeetingTarget { get; init; }
    public long? CostBaselineCenti { get; init; }
    public long? CostCurrentCenti { get; init; }
    public long? CostTargetHundredths { get; init; }
    public long? CostReductionHundredths { get; init; }
    public long? CostMeetsTarget { get; init; }
    public long? CostGapHundredths { get; init; }
    public long WithAnnualFilings { get; init; }
    public long? BaselineYearlyCenti { get; init; }
    public long? CurrentYearlyCenti { get; init; }
}
