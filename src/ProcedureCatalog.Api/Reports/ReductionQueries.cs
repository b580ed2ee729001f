using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// The report queries. The views time_reductions and cost_reductions (db/*/views/0200_reductions.sql) hold every
/// per-procedure figure in exact integers (1/5600 working day, hundredths of a đồng, hundredths of a per cent) for
/// each window of dates; these queries only pick the window that holds @AsOf, filter, add up and apply the group
/// formula to the sums. C# chooses a view and a grouping column from fixed lists and binds parameters.
/// </summary>
internal static class ReductionQueries
{
    /// <summary>Time units per working day in the views (hundredths × 56, 40 or 7).</summary>
    public const decimal UnitsPerWorkingDay = 5600m;

    public const string TimeIndicator = "time-reduction";
    public const string CostIndicator = "cost-reduction";

    /// <summary>The window of a row of time_reductions or cost_reductions (alias p) that holds @AsOf, for the program.</summary>
    private const string HoldsAsOf = "p.program_code = @Program AND p.valid_from <= @AsOf AND (p.valid_to IS NULL OR p.valid_to > @AsOf)";

    /// <summary>The view of each measure; both carry baseline_value, current_value and reduction_hundredths.</summary>
    private static readonly IReadOnlyDictionary<ReductionMeasure, string> Views = new Dictionary<ReductionMeasure, string>
    {
        [ReductionMeasure.Time] = "time_reductions",
        [ReductionMeasure.Cost] = "cost_reductions",
    };

    /// <summary>
    /// Jurisdictions among the procedures the filter keeps that have cost history but no hourly tariff for
    /// the baseline year: their cost cannot be computed, and a report must say so rather than count zero.
    /// </summary>
    public static async Task<IReadOnlyList<string>> JurisdictionsWithoutTariff(
        DbConnection connection, SqlDialect dialect, ProcedureFilter filter, int tariffYear, CancellationToken cancellationToken)
    {
        // Asked per jurisdiction without a tariff (usually none), not per procedure: at national size the
        // per-procedure form read the whole catalogue before every report.
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        conditions.Add("p.jurisdiction_code = j.code");
        conditions.Add("EXISTS (SELECT 1 FROM cost_history h WHERE h.procedure_id = p.id)");
        parameters.Add("TariffYear", tariffYear);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT j.code FROM jurisdictions j "
            + "WHERE NOT EXISTS (SELECT 1 FROM hourly_tariffs ht WHERE ht.jurisdiction_code = j.code AND ht.year = @TariffYear) "
            + "AND EXISTS (SELECT 1 FROM procedures p" + ProcedureQueries.WhereClause(conditions) + ") ORDER BY j.code",
            parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>One procedure: its time and cost windows that hold @AsOf, with the year's targets.</summary>
    private const string OneProcedure =
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
        FROM time_reductions p
        INNER JOIN cost_reductions c
            ON c.program_code = p.program_code AND c.id = p.id AND c.valid_from <= @AsOf AND (c.valid_to IS NULL OR c.valid_to > @AsOf)
        LEFT JOIN target_levels tt ON tt.program_code = @Program AND tt.indicator = '{TimeIndicator}' AND tt.year = @Year
        LEFT JOIN target_levels ct ON ct.program_code = @Program AND ct.indicator = '{CostIndicator}' AND ct.year = @Year
        WHERE p.id = @Id AND {HoldsAsOf}
        """;

    public static Task<ProcedureReductionRow?> ForProcedure(
        DbConnection connection, SqlDialect dialect, long id, ReportDates dates, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ProcedureReductionRow>(new CommandDefinition(
            OneProcedure, dates.With(new DynamicParameters(new { Id = id })), cancellationToken: cancellationToken));

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
        $"""
        SELECT MAX(CASE WHEN yt.indicator = '{TimeIndicator}' THEN yt.target_hundredths END) AS time_target_hundredths,
               MAX(CASE WHEN yt.indicator = '{CostIndicator}' THEN yt.target_hundredths END) AS cost_target_hundredths
        FROM target_levels yt
        WHERE yt.program_code = @Program AND yt.year = @Year
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
               SUM(CASE WHEN p.baseline_value IS NOT NULL THEN p.current_value END) AS current_sum{(measure == ReductionMeasure.Cost ? """
               ,
                      COUNT(CASE WHEN p.baseline_yearly_centi IS NOT NULL AND p.current_yearly_centi IS NOT NULL THEN 1 END) AS with_annual_filings,
                      SUM(CASE WHEN p.current_yearly_centi IS NOT NULL THEN p.baseline_yearly_centi END) AS baseline_yearly_centi,
                      SUM(CASE WHEN p.baseline_yearly_centi IS NOT NULL THEN p.current_yearly_centi END) AS current_yearly_centi
               """ : string.Empty)}
        FROM {Views[measure]} p
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

    /// <summary>The WHERE of a report over the views: the window that holds @AsOf and the procedure list's filters.</summary>
    private static string Where(IReadOnlyList<string> filterConditions) => ProcedureQueries.WhereClause([HoldsAsOf, .. filterConditions]);

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

        var reads = await Task.WhenAll(Enumerable.Range(0, parts).Select(part => OnItsOwnConnection(
            open, connection => Groups(connection, dialect, grouping, filter, dates, (part, parts), cancellationToken), cancellationToken)));
        return reads.SelectMany(rows => rows).OrderBy(row => row.GroupId).ToList();
    }

    /// <summary>
    /// A read on a connection of its own, started at once beside the caller's. Task.Run: Microsoft.Data.Sqlite
    /// answers its async calls synchronously, so reads meant to run at the same time would run one after another.
    /// </summary>
    private static Task<T> OnItsOwnConnection<T>(
        Func<CancellationToken, Task<DbConnection>> open, Func<DbConnection, Task<T>> read, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var connection = await open(cancellationToken);
            return await read(connection);
        }, cancellationToken);

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
            GroupQuery(grouping, Where(conditions)), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static string PartCondition(Grouping grouping) => $"{grouping.Key} % @Parts = @Part";

    private static string LaggardFrom(ReductionMeasure measure, IReadOnlyList<string> filterConditions) =>
        $"""
        FROM {Views[measure]} p
        INNER JOIN agencies a ON a.id = p.agency_id
        INNER JOIN fields f ON f.id = p.field_id
        INNER JOIN target_levels t ON t.program_code = @Program AND t.indicator = @Indicator AND t.year = @Year
        {Where(filterConditions)} AND p.reduction_hundredths < t.target_hundredths
        """;

    private const string LaggardSelect =
        """
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name, p.agency_id, a.name AS agency_name, f.name AS field_name,
               p.baseline_value, p.current_value, p.reduction_hundredths, t.target_hundredths,
               t.target_hundredths - p.reduction_hundredths AS gap_hundredths
        """;

    private const string LaggardOrder = " ORDER BY p.reduction_hundredths, p.id";

    public static async Task<(IReadOnlyList<LaggardRow> Rows, long Total)> Laggards(
        DbConnection connection, SqlDialect dialect, ReductionMeasure measure, ProcedureFilter filter, ReportDates dates,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        dates.With(parameters);
        parameters.Add("Indicator", measure == ReductionMeasure.Time ? TimeIndicator : CostIndicator);
        var from = LaggardFrom(measure, conditions);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) " + from, parameters, cancellationToken: cancellationToken));
        parameters.Add("Skip", (page - 1) * (long)pageSize);
        parameters.Add("Take", pageSize);
        var rows = await connection.QueryAsync<LaggardRow>(new CommandDefinition(
            dialect.Page(LaggardSelect + " " + from + LaggardOrder),
            parameters, cancellationToken: cancellationToken));
        return (rows.ToList(), total);
    }

    private const string CoverageQuery =
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
                ) c ON c.indicator = t.indicator
                WHERE t.program_code = @Program AND t.year = @Year AND t.indicator NOT IN ('time-reduction', 'cost-reduction')
            ) g
        ) s
        ORDER BY s.indicator
        """;

    /// <summary>The coverage indicators read on a connection of their own, started at once: the scoreboard reads them beside its reductions.</summary>
    public static Task<IReadOnlyList<CoverageRow>> CoverageOnItsOwnConnection(
        Func<CancellationToken, Task<DbConnection>> open, string? jurisdiction, ReportDates dates, CancellationToken cancellationToken) =>
        OnItsOwnConnection(open, connection => Coverage(connection, jurisdiction, dates, cancellationToken), cancellationToken);

    public static async Task<IReadOnlyList<CoverageRow>> Coverage(
        DbConnection connection, string? jurisdiction, ReportDates dates, CancellationToken cancellationToken)
    {
        var parameters = dates.With(new DynamicParameters());
        parameters.Add("Jurisdiction", jurisdiction, System.Data.DbType.String, size: 10);
        var rows = await connection.QueryAsync<CoverageRow>(new CommandDefinition(CoverageQuery, parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Every statement the reports send, with all filters on, so that tests can parse them as T-SQL where SQL Server cannot run.</summary>
    internal static IEnumerable<string> Statements(SqlDialect dialect)
    {
        var (conditions, _) = ProcedureQueries.Conditions(new ProcedureFilter
        {
            Jurisdiction = "92", Level = ProcedureLevel.Province, Kind = ProcedureKind.External, BusinessRelated = true, OnlineLevel = OnlineLevel.Full,
            FullOnlineEligible = true, BoundaryFree = true, FieldId = 1, AgencyId = 1, Status = ProcedureStatus.Active, SearchTerms = ["dang", "ky"],
        }, dialect);
        yield return OneProcedure;
        yield return CoverageQuery;
        foreach (var grouping in Groupings.Values)
        {
            yield return GroupQuery(grouping, Where(conditions));
            if (grouping.Splits)
            {
                yield return GroupQuery(grouping, Where([.. conditions, PartCondition(grouping)]));
            }
        }

        foreach (var measure in Views.Keys)
        {
            yield return "SELECT COUNT(*) " + LaggardFrom(measure, conditions);
            yield return dialect.Page(LaggardSelect + " " + LaggardFrom(measure, conditions) + LaggardOrder);
        }
    }

    public static async Task<IReadOnlyList<TargetLevelRow>> TargetsOfYear(DbConnection connection, string program, int year, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<TargetLevelRow>(new CommandDefinition(
            "SELECT indicator, target_hundredths, judged_on, scope FROM target_levels WHERE program_code = @Program AND year = @Year ORDER BY indicator",
            new { Program = program, Year = year }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public static async Task<IReadOnlyList<int>> YearsWithTargets(DbConnection connection, string program, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT DISTINCT year FROM program_targets WHERE program_code = @Program ORDER BY year",
            new { Program = program }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}

/// <summary>The dates a report is made for: the program, its baseline year's tariffs, asOf and the target year.</summary>
internal sealed record ReportDates(string Program, int TariffYear, DateOnly AsOf, int Year)
{
    public DynamicParameters With(DynamicParameters parameters)
    {
        parameters.Add("Program", Program);
        parameters.Add("TariffYear", TariffYear);
        parameters.Add("AsOf", AsOf);
        parameters.Add("Year", Year);
        return parameters;
    }
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

internal sealed record LaggardRow
{
    public long ProcedureId { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public long AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public required string FieldName { get; init; }
    public long BaselineValue { get; init; }
    public long CurrentValue { get; init; }
    public long ReductionHundredths { get; init; }
    public long TargetHundredths { get; init; }
    public long GapHundredths { get; init; }
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

internal sealed record TargetLevelRow
{
    public required string Indicator { get; init; }
    public long TargetHundredths { get; init; }
    public DateOnly JudgedOn { get; init; }
    public required string Scope { get; init; }
}
