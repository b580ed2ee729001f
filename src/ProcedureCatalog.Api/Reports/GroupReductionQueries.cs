using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// The group reductions (GET /reports/reductions, and the reduction rows of the scoreboard): per group, the sums of the
/// rows of procedure_reductions that hold @AsOf (or of one channel's pairs, <see cref="ReportQueries.PairsOf"/>), both measures in
/// one pass, and the group formula applied to the sums.
/// </summary>
internal static class GroupReductionQueries
{
    /// <summary>
    /// A grouping: the column of the views the rows are grouped by (a constant for the whole scope), the group's
    /// columns named from it after grouping (with the join that names it, one row per group), and the order.
    /// </summary>
    /// <remarks>
    /// <paramref name="Splits"/>: the key is an integer id, so the groups can be read in parts, each part whole groups, and
    /// put in order by that id: by key modulo parts, or, with <paramref name="SplitsByJurisdiction"/>, by ranges of
    /// jurisdictions (an agency is of one jurisdiction), each part reading only its range of reduction_windows, which
    /// keeps the rows in the order (program, jurisdiction, agency). <paramref name="GroupBy"/>: the columns grouped by,
    /// when more than the key (the jurisdiction an agency is of, so that the rows are grouped in the order they are read).
    /// </remarks>
    private sealed record Grouping(string? Key, string Select, string Join, string OrderBy, bool Splits = false, bool SplitsByJurisdiction = false, string? GroupBy = null);

    private static readonly IReadOnlyDictionary<ReductionGroupBy, Grouping> Groupings = new Dictionary<ReductionGroupBy, Grouping>
    {
        [ReductionGroupBy.None] = new(null, "NULL AS group_id, NULL AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.procedures"),
        [ReductionGroupBy.Agency] = new("p.agency_id", "g.group_key AS group_id, NULL AS group_code, a.jurisdiction_code AS group_jurisdiction, a.name AS group_name", "INNER JOIN agencies a ON a.id = g.group_key", "s.group_id",
            Splits: true, SplitsByJurisdiction: true, GroupBy: "p.jurisdiction_code, p.agency_id"),
        [ReductionGroupBy.Field] = new("p.field_id", "g.group_key AS group_id, NULL AS group_code, NULL AS group_jurisdiction, f.name AS group_name", "INNER JOIN fields f ON f.id = g.group_key", "s.group_id", Splits: true),
        [ReductionGroupBy.Level] = new("p.level", "NULL AS group_id, g.group_key AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.group_code"),
        [ReductionGroupBy.Kind] = new("p.kind", "NULL AS group_id, g.group_key AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "s.group_code"),
        [ReductionGroupBy.Jurisdiction] = new("p.jurisdiction_code", "NULL AS group_id, g.group_key AS group_code, NULL AS group_jurisdiction, j.name AS group_name", "INNER JOIN jurisdictions j ON j.code = g.group_key", "s.group_code"),
    };

    /// <summary>The year's target of an indicator as one row (NULL where none is set): (program, indicator, year) is unique.</summary>
    private static string Target(string indicator) =>
        $"SELECT MAX(yt.target_hundredths) AS target_hundredths FROM target_levels yt WHERE yt.program_code = @Program AND yt.indicator = {indicator} AND yt.year = @Year";

    /// <summary>The group formula, 100 × (ΣB − ΣC) / ΣB rounded half away from zero in hundredths, applied to a measure's sums once per group.</summary>
    private static string GroupReduction(string baseline, string current) =>
        $"""
        CASE WHEN {baseline} IS NULL OR {baseline} = 0 OR {current} IS NULL THEN NULL
                        ELSE (20000 * ({baseline} - {current})
                              + CASE WHEN {baseline} > {current} THEN {baseline} WHEN {baseline} < {current} THEN -{baseline} ELSE 0 END)
                             / (2 * {baseline}) END
        """;

    /// <summary>Whether a measure's group reduction meets the year's target, and the points still missing.</summary>
    private static string Judged(string measure) =>
        $"""
        CASE WHEN s.{measure}_reduction_hundredths IS NULL OR s.{measure}_target_hundredths IS NULL THEN NULL
                    WHEN s.{measure}_reduction_hundredths >= s.{measure}_target_hundredths THEN 1 ELSE 0 END AS {measure}_meets_target,
               CASE WHEN s.{measure}_reduction_hundredths IS NULL OR s.{measure}_target_hundredths IS NULL THEN NULL
                    WHEN s.{measure}_reduction_hundredths >= s.{measure}_target_hundredths THEN 0
                    ELSE s.{measure}_target_hundredths - s.{measure}_reduction_hundredths END AS {measure}_gap_hundredths
        """;

    /// <summary>
    /// The groups of both measures: the rows of procedure_reductions that hold @AsOf, filtered, added up per group (a pair
    /// makes a measure's sums only when both its B and C are known, and withBaseline counts exactly those pairs), then the
    /// group formula applied to each measure's sums once per group, and the year's targets.
    /// </summary>
    /// <remarks>Every procedure has exactly one row that holds @AsOf, with both measures.</remarks>
    private static string Query(Grouping grouping, string where, bool channel = false) =>
        $"""
        SELECT s.group_id, s.group_code, s.group_jurisdiction, s.group_name, s.procedures, s.abolished,
               s.time_with_baseline, s.time_no_baseline, s.time_meeting_target, s.time_baseline_units, s.time_current_units,
               s.time_target_hundredths, s.time_reduction_hundredths,
               {Judged("time")},
               s.cost_with_baseline, s.cost_no_baseline, s.cost_meeting_target, s.cost_baseline_centi, s.cost_current_centi,
               s.cost_target_hundredths, s.cost_reduction_hundredths,
               {Judged("cost")},
               s.with_annual_filings, s.baseline_yearly_centi, s.current_yearly_centi
        FROM (
            SELECT {grouping.Select}, g.procedures, g.abolished,
                   g.time_with_baseline, g.procedures - g.time_with_baseline AS time_no_baseline,
                   CASE WHEN tt.target_hundredths IS NULL THEN NULL ELSE g.time_meeting_target END AS time_meeting_target,
                   g.time_baseline_sum AS time_baseline_units, g.time_current_sum AS time_current_units, tt.target_hundredths AS time_target_hundredths,
                   {GroupReduction("g.time_baseline_sum", "g.time_current_sum")} AS time_reduction_hundredths,
                   g.cost_with_baseline, g.procedures - g.cost_with_baseline AS cost_no_baseline,
                   CASE WHEN ct.target_hundredths IS NULL THEN NULL ELSE g.cost_meeting_target END AS cost_meeting_target,
                   g.cost_baseline_sum AS cost_baseline_centi, g.cost_current_sum AS cost_current_centi, ct.target_hundredths AS cost_target_hundredths,
                   {GroupReduction("g.cost_baseline_sum", "g.cost_current_sum")} AS cost_reduction_hundredths,
                   g.with_annual_filings, g.baseline_yearly_centi, g.current_yearly_centi
            FROM (
                SELECT {grouping.Key ?? "0"} AS group_key, COUNT(*) AS procedures, COUNT(CASE WHEN p.is_abolished = 1 THEN 1 END) AS abolished,
                       COUNT(CASE WHEN p.time_baseline IS NOT NULL AND p.time_current IS NOT NULL THEN 1 END) AS time_with_baseline,
                       COUNT(CASE WHEN p.time_reduction_hundredths >= tt.target_hundredths THEN 1 END) AS time_meeting_target,
                       SUM(CASE WHEN p.time_current IS NOT NULL THEN p.time_baseline END) AS time_baseline_sum,
                       SUM(CASE WHEN p.time_baseline IS NOT NULL THEN p.time_current END) AS time_current_sum,
                       COUNT(CASE WHEN p.cost_baseline IS NOT NULL AND p.cost_current IS NOT NULL THEN 1 END) AS cost_with_baseline,
                       COUNT(CASE WHEN p.cost_reduction_hundredths >= ct.target_hundredths THEN 1 END) AS cost_meeting_target,
                       SUM(CASE WHEN p.cost_current IS NOT NULL THEN p.cost_baseline END) AS cost_baseline_sum,
                       SUM(CASE WHEN p.cost_baseline IS NOT NULL THEN p.cost_current END) AS cost_current_sum,
                       COUNT(CASE WHEN p.baseline_yearly_centi IS NOT NULL AND p.current_yearly_centi IS NOT NULL THEN 1 END) AS with_annual_filings,
                       SUM(CASE WHEN p.current_yearly_centi IS NOT NULL THEN p.baseline_yearly_centi END) AS baseline_yearly_centi,
                       SUM(CASE WHEN p.baseline_yearly_centi IS NOT NULL THEN p.current_yearly_centi END) AS current_yearly_centi
                FROM {ReportQueries.PairsOf(channel)} p
                CROSS JOIN ({Target("@TimeIndicator")}) tt
                CROSS JOIN ({Target("@CostIndicator")}) ct
                {where}
                {(grouping.Key is null ? string.Empty : "GROUP BY " + (grouping.GroupBy ?? grouping.Key))}
            ) g
            CROSS JOIN ({Target("@TimeIndicator")}) tt
            CROSS JOIN ({Target("@CostIndicator")}) ct
            {grouping.Join}
        ) s
        ORDER BY {grouping.OrderBy}
        """;

    public static async Task<IReadOnlyList<GroupReductionRow>> Groups(
        DbConnection connection, SqlDialect dialect, ReductionGroupBy groupBy, ProcedureFilter filter, ReportDates dates, CancellationToken cancellationToken) =>
        await Read(connection, dialect, Groupings[groupBy], filter, dates, part: null, cancellationToken);

    /// <summary>
    /// The group report read on up to <paramref name="parts"/> connections at once when the groups are keyed by an id: in
    /// parts (each part whole groups, computed by the same statement), put back in order by that id. Each read sees the
    /// catalogue as it is when it starts.
    /// </summary>
    public static async Task<IReadOnlyList<GroupReductionRow>> Groups(
        Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect, ReductionGroupBy groupBy, ProcedureFilter filter, ReportDates dates, int parts,
        CancellationToken cancellationToken)
    {
        var grouping = Groupings[groupBy];
        IReadOnlyList<Part> split = [];
        if (parts >= 2 && grouping.Splits)
        {
            if (!grouping.SplitsByJurisdiction)
            {
                split = Enumerable.Range(0, parts).Select(part => new Part(PartCondition(grouping), new { Part = part, Parts = parts })).ToList();
            }
            else if (filter.Jurisdiction is null)
            {
                await using var connection = await open(cancellationToken);
                split = JurisdictionRanges(await connection.QueryAsync<string>(new CommandDefinition(JurisdictionCodes, cancellationToken: cancellationToken)), parts);
            }
        }

        if (split.Count < 2)
        {
            await using var connection = await open(cancellationToken);
            return await Read(connection, dialect, grouping, filter, dates, part: null, cancellationToken);
        }

        var reads = split.Select(part => ReportQueries.OnItsOwnConnection(
            open, connection => Read(connection, dialect, grouping, filter, dates, part, cancellationToken), cancellationToken)).ToList();
        await Task.WhenAll(reads);
        return reads.SelectMany(read => read.Result).OrderBy(row => row.GroupId).ToList();
    }

    /// <summary>A part of a group report: the condition that keeps its rows, and its parameters.</summary>
    private sealed record Part(string Condition, object Parameters);

    private const string JurisdictionCodes = "SELECT code FROM jurisdictions ORDER BY code";

    private const string FromJurisdiction = "p.jurisdiction_code >= @PartFrom";

    private const string JurisdictionRange = "p.jurisdiction_code >= @PartFrom AND p.jurisdiction_code < @PartTo";

    /// <summary>The jurisdictions in order, cut into up to <paramref name="parts"/> ranges of as many jurisdictions each; the last one open.</summary>
    private static IReadOnlyList<Part> JurisdictionRanges(IEnumerable<string> codes, int parts)
    {
        var ordered = codes.ToList();
        var chunks = ordered.Chunk((int)Math.Ceiling(ordered.Count / (double)parts)).ToList();
        return chunks.Select((chunk, index) => index == chunks.Count - 1
            ? new Part(FromJurisdiction, new { PartFrom = chunk[0] })
            : new Part(JurisdictionRange, new { PartFrom = chunk[0], PartTo = chunks[index + 1][0] })).ToList();
    }

    private static async Task<IReadOnlyList<GroupReductionRow>> Read(
        DbConnection connection, SqlDialect dialect, Grouping grouping, ProcedureFilter filter, ReportDates dates, Part? part,
        CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        dates.Kept(conditions);
        if (part is not null)
        {
            conditions.Add(part.Condition);
            parameters.AddDynamicParams(part.Parameters);
        }

        var rows = await connection.QueryAsync<GroupReductionRow>(new CommandDefinition(
            Query(grouping, ReportQueries.Where(conditions), dates.Channel is not null), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static string PartCondition(Grouping grouping) => $"{grouping.Key} % @Parts = @Part";

    internal static IEnumerable<string> Statements(IReadOnlyList<string> conditions)
    {
        yield return JurisdictionCodes;
        foreach (var grouping in Groupings.Values)
        {
            yield return Query(grouping, ReportQueries.Where(conditions));
            yield return Query(grouping, ReportQueries.Where([.. conditions, ReportQueries.OfChannel]), channel: true);
            if (grouping.Splits)
            {
                foreach (var part in grouping.SplitsByJurisdiction ? new[] { FromJurisdiction, JurisdictionRange } : [PartCondition(grouping)])
                {
                    yield return Query(grouping, ReportQueries.Where([.. conditions, part]));
                }
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
