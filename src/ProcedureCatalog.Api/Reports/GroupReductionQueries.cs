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
        [ReductionGroupBy.Agency] = new("p.agency_id", "g.group_key AS group_id, NULL AS group_code, a.jurisdiction_code AS group_jurisdiction, a.name AS group_name", "INNER JOIN agencies a ON a.id = g.group_key", "s.group_id", Splits: true),
        [ReductionGroupBy.Field] = new("p.field_id", "g.group_key AS group_id, NULL AS group_code, NULL AS group_jurisdiction, f.name AS group_name", "INNER JOIN fields f ON f.id = g.group_key", "s.group_id", Splits: true),
        [ReductionGroupBy.Level] = new("p.level", "NULL AS group_id, g.group_key AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.group_code"),
        [ReductionGroupBy.Kind] = new("p.kind", "NULL AS group_id, g.group_key AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.group_code"),
        [ReductionGroupBy.Jurisdiction] = new("p.jurisdiction_code", "NULL AS group_id, g.group_key AS group_code, NULL AS group_jurisdiction, j.name AS group_name", "INNER JOIN jurisdictions j ON j.code = g.group_key", "s.group_code"),
    };

    /// <summary>The year's target of the measure's indicator as one row (NULL where none is set): (program, indicator, year) is unique.</summary>
    private const string MeasureTarget =
        """
        SELECT MAX(yt.target_hundredths) AS target_hundredths
        FROM target_levels yt
        WHERE yt.program_code = @Program AND yt.indicator = @Indicator AND yt.year = @Year
        """;

    /// <summary>The yearly burden (cost × filings a year) of the pairs where both are known, from cost_reductions.</summary>
    private const string YearlySums =
        """
        ,
                       COUNT(CASE WHEN p.baseline_yearly_centi IS NOT NULL AND p.current_yearly_centi IS NOT NULL THEN 1 END) AS with_annual_filings,
                       SUM(CASE WHEN p.current_yearly_centi IS NOT NULL THEN p.baseline_yearly_centi END) AS baseline_yearly_centi,
                       SUM(CASE WHEN p.baseline_yearly_centi IS NOT NULL THEN p.current_yearly_centi END) AS current_yearly_centi
        """;

    private const string YearlyColumns = ", g.with_annual_filings, g.baseline_yearly_centi, g.current_yearly_centi";

    /// <summary>
    /// One measure's groups: the view's rows that hold @AsOf, filtered, added up per group (a pair makes the sums only
    /// when both B and C are known; COUNT(x) skips NULL), then the group formula, 100 × (ΣB − ΣC) / ΣB rounded half
    /// away from zero in hundredths, applied to the sums once per group, and the year's target.
    /// </summary>
    /// <remarks>
    /// Every procedure has exactly one row that holds @AsOf in each view, so the two measures give the same groups in
    /// the same order, with the same counts of procedures and abolished ones.
    /// </remarks>
    private static string MeasureQuery(ReductionMeasure measure, Grouping grouping, string where, bool channel = false) =>
        $"""
        SELECT s.group_id, s.group_code, s.group_jurisdiction, s.group_name, s.procedures, s.abolished,
               s.with_baseline, s.no_baseline, s.meeting_target, s.baseline_sum, s.current_sum, s.target_hundredths, s.reduction_hundredths,
               CASE WHEN s.reduction_hundredths IS NULL OR s.target_hundredths IS NULL THEN NULL
                    WHEN s.reduction_hundredths >= s.target_hundredths THEN 1 ELSE 0 END AS meets_target,
               CASE WHEN s.reduction_hundredths IS NULL OR s.target_hundredths IS NULL THEN NULL
                    WHEN s.reduction_hundredths >= s.target_hundredths THEN 0 ELSE s.target_hundredths - s.reduction_hundredths END AS gap_hundredths{(measure == ReductionMeasure.Cost ? ", s.with_annual_filings, s.baseline_yearly_centi, s.current_yearly_centi" : string.Empty)}
        FROM (
            SELECT {grouping.Select}, g.procedures, g.abolished, g.with_baseline, g.procedures - g.with_baseline AS no_baseline,
                   CASE WHEN tg.target_hundredths IS NULL THEN NULL ELSE g.meeting_target END AS meeting_target,
                   g.baseline_sum, g.current_sum, tg.target_hundredths,
                   CASE WHEN g.baseline_sum IS NULL OR g.baseline_sum = 0 OR g.current_sum IS NULL THEN NULL
                        ELSE (20000 * (g.baseline_sum - g.current_sum)
                              + CASE WHEN g.baseline_sum > g.current_sum THEN g.baseline_sum WHEN g.baseline_sum < g.current_sum THEN -g.baseline_sum ELSE 0 END)
                             / (2 * g.baseline_sum) END AS reduction_hundredths{(measure == ReductionMeasure.Cost ? YearlyColumns : string.Empty)}
            FROM (
                SELECT {grouping.Key ?? "0"} AS group_key, COUNT(*) AS procedures, COUNT(CASE WHEN p.is_abolished = 1 THEN 1 END) AS abolished,
                       COUNT(p.baseline_value) AS with_baseline,
                       COUNT(CASE WHEN p.reduction_hundredths >= tg.target_hundredths THEN 1 END) AS meeting_target,
                       SUM(CASE WHEN p.current_value IS NOT NULL THEN p.baseline_value END) AS baseline_sum,
                       SUM(CASE WHEN p.baseline_value IS NOT NULL THEN p.current_value END) AS current_sum{(measure == ReductionMeasure.Cost ? YearlySums : string.Empty)}
                FROM {ReportQueries.ViewOf(measure, channel)} p
                CROSS JOIN ({MeasureTarget}) tg
                {where}
                {(grouping.Key is null ? string.Empty : "GROUP BY " + grouping.Key)}
            ) g
            CROSS JOIN ({MeasureTarget}) tg
            {grouping.Join}
        ) s
        ORDER BY {grouping.OrderBy}
        """;

    public static async Task<IReadOnlyList<GroupReductionRow>> Groups(
        DbConnection connection, SqlDialect dialect, ReductionGroupBy groupBy, ProcedureFilter filter, ReportDates dates, CancellationToken cancellationToken)
    {
        var grouping = Groupings[groupBy];
        var time = await Measure(connection, dialect, ReductionMeasure.Time, grouping, filter, dates, part: null, cancellationToken);
        var cost = await Measure(connection, dialect, ReductionMeasure.Cost, grouping, filter, dates, part: null, cancellationToken);
        return Together(time, cost);
    }

    /// <summary>
    /// The group report read on up to <paramref name="parts"/> × 2 connections at once: each measure on its own, and
    /// when the groups are keyed by an id, in parts (each part whole groups, computed by the same statement), put
    /// back in the statements' order. Each read sees the catalogue as it is when it starts.
    /// </summary>
    public static async Task<IReadOnlyList<GroupReductionRow>> Groups(
        Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect, ReductionGroupBy groupBy, ProcedureFilter filter, ReportDates dates, int parts,
        CancellationToken cancellationToken)
    {
        var grouping = Groupings[groupBy];
        if (parts < 2)
        {
            await using var connection = await open(cancellationToken);
            return await Groups(connection, dialect, groupBy, filter, dates, cancellationToken);
        }

        (int Part, int Parts)?[] splits = grouping.Splits ? [.. Enumerable.Range(0, parts).Select(part => ((int, int)?)(part, parts))] : [null];
        Task<IReadOnlyList<MeasureGroupRow>> Read(ReductionMeasure measure, (int Part, int Parts)? split) => ReportQueries.OnItsOwnConnection(
            open, connection => Measure(connection, dialect, measure, grouping, filter, dates, split, cancellationToken), cancellationToken);
        var reads = splits.Select(split => (Time: Read(ReductionMeasure.Time, split), Cost: Read(ReductionMeasure.Cost, split))).ToList();
        await Task.WhenAll(reads.SelectMany(read => new[] { read.Time, read.Cost }));
        var rows = reads.SelectMany(read => Together(read.Time.Result, read.Cost.Result)).ToList();
        return grouping.Splits ? rows.OrderBy(row => row.GroupId).ToList() : rows;
    }

    private static async Task<IReadOnlyList<MeasureGroupRow>> Measure(
        DbConnection connection, SqlDialect dialect, ReductionMeasure measure, Grouping grouping, ProcedureFilter filter, ReportDates dates, (int Part, int Parts)? part,
        CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        dates.Kept(conditions);
        if (part is { } split)
        {
            conditions.Add(PartCondition(grouping));
            parameters.Add("Part", split.Part);
            parameters.Add("Parts", split.Parts);
        }

        parameters.Add("Indicator", Infrastructure.EnumText.Of(ReportQueries.IndicatorOf(measure)));
        var rows = await connection.QueryAsync<MeasureGroupRow>(new CommandDefinition(
            MeasureQuery(measure, grouping, ReportQueries.Where(conditions), dates.Channel is not null), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>
    /// The two measures' rows of the same groups, side by side (no figure is computed here). Read at once on two
    /// connections, a measure may see a write the other did not: the groups are those of the time rows, and a
    /// group the cost read did not see yet has no cost figures.
    /// </summary>
    private static List<GroupReductionRow> Together(IReadOnlyList<MeasureGroupRow> time, IReadOnlyList<MeasureGroupRow> cost)
    {
        var costs = cost.ToDictionary(row => (row.GroupId, row.GroupCode));
        return time.Select(t =>
        {
            var c = costs.GetValueOrDefault((t.GroupId, t.GroupCode)) ?? new MeasureGroupRow { NoBaseline = t.Procedures };
            return new GroupReductionRow
            {
                GroupId = t.GroupId, GroupCode = t.GroupCode, GroupJurisdiction = t.GroupJurisdiction, GroupName = t.GroupName,
                Procedures = t.Procedures, Abolished = t.Abolished,
                TimeWithBaseline = t.WithBaseline, TimeNoBaseline = t.NoBaseline, TimeMeetingTarget = t.MeetingTarget,
                TimeBaselineUnits = t.BaselineSum, TimeCurrentUnits = t.CurrentSum, TimeTargetHundredths = t.TargetHundredths,
                TimeReductionHundredths = t.ReductionHundredths, TimeMeetsTarget = t.MeetsTarget, TimeGapHundredths = t.GapHundredths,
                CostWithBaseline = c.WithBaseline, CostNoBaseline = c.NoBaseline, CostMeetingTarget = c.MeetingTarget,
                CostBaselineCenti = c.BaselineSum, CostCurrentCenti = c.CurrentSum, CostTargetHundredths = c.TargetHundredths,
                CostReductionHundredths = c.ReductionHundredths, CostMeetsTarget = c.MeetsTarget, CostGapHundredths = c.GapHundredths,
                WithAnnualFilings = c.WithAnnualFilings, BaselineYearlyCenti = c.BaselineYearlyCenti, CurrentYearlyCenti = c.CurrentYearlyCenti,
            };
        }).ToList();
    }

    private static string PartCondition(Grouping grouping) => $"{grouping.Key} % @Parts = @Part";

    internal static IEnumerable<string> Statements(IReadOnlyList<string> conditions)
    {
        foreach (var grouping in Groupings.Values)
        {
            foreach (var measure in ReportQueries.Views.Keys)
            {
                yield return MeasureQuery(measure, grouping, ReportQueries.Where(conditions));
                yield return MeasureQuery(measure, grouping, ReportQueries.Where([.. conditions, ReportQueries.OfChannel]), channel: true);
                if (grouping.Splits)
                {
                    yield return MeasureQuery(measure, grouping, ReportQueries.Where([.. conditions, PartCondition(grouping)]));
                }
            }
        }
    }
}

/// <summary>One measure's figures of a group, as <see cref="GroupReductionQueries"/> reads them from one view.</summary>
internal sealed record MeasureGroupRow
{
    public long? GroupId { get; init; }
    public string? GroupCode { get; init; }
    public string? GroupJurisdiction { get; init; }
    public string? GroupName { get; init; }
    public long Procedures { get; init; }
    public long Abolished { get; init; }
    public long WithBaseline { get; init; }
    public long NoBaseline { get; init; }
    public long? MeetingTarget { get; init; }
    public long? BaselineSum { get; init; }
    public long? CurrentSum { get; init; }
    public long? TargetHundredths { get; init; }
    public long? ReductionHundredths { get; init; }
    public long? MeetsTarget { get; init; }
    public long? GapHundredths { get; init; }
    public long WithAnnualFilings { get; init; }
    public long? BaselineYearlyCenti { get; init; }
    public long? CurrentYearlyCenti { get; init; }
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
