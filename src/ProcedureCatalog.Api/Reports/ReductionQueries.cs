using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// The report queries. The views hold every per-procedure figure in exact integers (1/5600 working day,
/// hundredths of a đồng, hundredths of a per cent); these queries only pick the window in force on
/// @AsOf, filter, add up and apply the same integer arithmetic to the sums. Nothing is computed in C#.
/// </summary>
internal static class ReductionQueries
{
    /// <summary>Time units per working day in the views (hundredths × 56, 40 or 7).</summary>
    public const decimal UnitsPerWorkingDay = 5600m;

    public const string TimeIndicator = "time-reduction";
    public const string CostIndicator = "cost-reduction";

    /// <summary>10000 × (B − C) / B rounded half away from zero, on integers, exactly as the views do it.</summary>
    private static string Reduction(string baseline, string current) =>
        $"CASE WHEN {baseline} IS NULL OR {baseline} = 0 OR {current} IS NULL THEN NULL "
        + $"ELSE (20000 * ({baseline} - {current}) + CASE WHEN {baseline} > {current} THEN {baseline} WHEN {baseline} < {current} THEN -{baseline} ELSE 0 END) / (2 * {baseline}) END";

    private static string Meets(string value, string target) =>
        $"CASE WHEN {value} IS NULL OR {target} IS NULL THEN NULL WHEN {value} >= {target} THEN 1 ELSE 0 END";

    private static string Gap(string value, string target) =>
        $"CASE WHEN {value} IS NULL OR {target} IS NULL THEN NULL WHEN {value} >= {target} THEN 0 ELSE {target} - {value} END";

    /// <summary>The id of a procedure's history entry in force on a date: the latest effective_from, ties to the last recorded.</summary>
    private static string EntryInForce(SqlDialect dialect, string entries, string date) => InForce(dialect, entries, "e.entry_id", date);

    /// <summary>A column of the entry in force on a date (the index of migration 0006 gives the time's units with the seek).</summary>
    private static string InForce(SqlDialect dialect, string entries, string column, string date) =>
        "(" + dialect.FirstRow($"SELECT {column} FROM {entries} e WHERE e.procedure_id = p.id AND e.effective_from <= {date} "
            + "ORDER BY e.effective_from DESC, e.recorded_at DESC, e.entry_id DESC") + ")";

    /// <summary>A cost in hundredths of a đồng from its money part and the applicant's hours; NULL without a tariff (as the view cost_normalised).</summary>
    private static string CostCenti(string moneyCenti, string hoursHundredths) => $"{moneyCenti} + {hoursHundredths} * ht.hourly_tariff_vnd";

    /// <summary>
    /// One row per procedure that the conditions on <c>p</c> keep, with the values in force: the baseline (the
    /// entry in force on the program's baseline date, unless abolished by then) and the current value on @AsOf
    /// (0 once abolished, for cost too whether or not the jurisdiction has a tariff: the burden is gone; otherwise
    /// the cost unknown when the tariff is missing), in the views' integer units. Both come
    /// from the procedure's row of procedure_figures (migration 0007); only where @AsOf is before the latest
    /// entry is the entry in force looked up in the history, with one index seek.
    /// </summary>
    /// <remarks>
    /// Each column of <c>k</c> that holds a lookup is read once below it: SQLite copies a flattened subquery's
    /// expression to every place that reads it.
    /// </remarks>
    private static string ValuesInForce(SqlDialect dialect, string where, string key) =>
        $"""
        SELECT k.procedure_id, k.group_key, k.is_abolished, ht.hourly_tariff_vnd,
               k.time_baseline_units,
               CASE WHEN k.is_abolished = 1 THEN 0 ELSE k.time_current_units END AS time_current_units,
               {CostCenti("k.cost_baseline_money_centi", "k.cost_baseline_hours_hundredths")} AS cost_baseline_centi,
               CASE WHEN k.is_abolished = 0 AND k.cost_latest_in_force = 1 THEN {CostCenti("k.cost_latest_money_centi", "k.cost_latest_hours_hundredths")}
                    WHEN k.is_abolished = 0 THEN {CostCenti("cc.fee_vnd * 100 + cc.other_cost_vnd * 100", "cc.hours_hundredths")}
                    ELSE 0 END AS cost_current_centi,
               k.cost_baseline_annual_filings AS baseline_annual_filings,
               CASE WHEN k.is_abolished = 1 THEN 0 WHEN k.cost_latest_in_force = 1 THEN k.cost_latest_annual_filings ELSE cc.annual_filings END AS current_annual_filings
        FROM (
            SELECT p.id AS procedure_id, {key} AS group_key, p.jurisdiction_code,
                   CASE WHEN p.abolished_on <= @AsOf THEN 1 ELSE 0 END AS is_abolished,
                   CASE WHEN {InForceOnBaseline} THEN f.time_baseline_units END AS time_baseline_units,
                   CASE WHEN {InForceOnAsOf}
                        THEN CASE WHEN f.time_latest_from <= @AsOf THEN f.time_latest_units
                                  ELSE {InForce(dialect, "time_entry_units", "e.units", "@AsOf")} END END AS time_current_units,
                   CASE WHEN {InForceOnBaseline} THEN f.cost_baseline_money_centi END AS cost_baseline_money_centi,
                   CASE WHEN {InForceOnBaseline} THEN f.cost_baseline_hours_hundredths END AS cost_baseline_hours_hundredths,
                   CASE WHEN {InForceOnBaseline} THEN f.cost_baseline_annual_filings END AS cost_baseline_annual_filings,
                   CASE WHEN f.cost_latest_from <= @AsOf THEN 1 ELSE 0 END AS cost_latest_in_force,
                   f.cost_latest_money_centi, f.cost_latest_hours_hundredths, f.cost_latest_annual_filings,
                   CASE WHEN ({InForceOnAsOf}) AND (f.cost_latest_from IS NULL OR f.cost_latest_from > @AsOf)
                        THEN {EntryInForce(dialect, "cost_entry_amounts", "@AsOf")} END AS cost_current_entry
            FROM procedures p
            INNER JOIN reduction_programs rp ON rp.code = @Program
            LEFT JOIN procedure_figures f ON f.program_code = rp.code AND f.procedure_id = p.id
            {where}
        ) k
        LEFT JOIN hourly_tariffs ht ON ht.jurisdiction_code = k.jurisdiction_code AND ht.year = @TariffYear
        LEFT JOIN cost_entry_amounts cc ON cc.entry_id = k.cost_current_entry
        """;

    /// <summary>A procedure abolished on or before the program's baseline date had nothing in force then.</summary>
    private const string InForceOnBaseline = "p.abolished_on IS NULL OR p.abolished_on > rp.baseline_date";

    /// <summary>A procedure abolished on or before @AsOf has nothing in force on it.</summary>
    private const string InForceOnAsOf = "p.abolished_on IS NULL OR p.abolished_on > @AsOf";

    /// <summary>
    /// The values in force with their reductions: per procedure, the figures the *_reduction_windows views hold
    /// for the window in force on @AsOf (a test holds the two to the same figures on a generated catalogue).
    /// </summary>
    /// <remarks>
    /// <paramref name="key"/> is a column of <c>p</c> carried along as group_key, so that a group report groups
    /// the facts as they come out of the scan of procedures and names its groups after grouping, instead of
    /// joining every procedure back to procedures, agencies, fields and jurisdictions.
    /// </remarks>
    private static string Facts(SqlDialect dialect, string where, string key = "NULL") => dialect.ComputedOnce(
        $"""
        SELECT v.procedure_id, v.group_key, v.is_abolished, v.hourly_tariff_vnd,
               v.time_baseline_units, v.time_current_units, {Reduction("v.time_baseline_units", "v.time_current_units")} AS time_reduction_hundredths,
               v.cost_baseline_centi, v.cost_current_centi, {Reduction("v.cost_baseline_centi", "v.cost_current_centi")} AS cost_reduction_hundredths,
               v.baseline_annual_filings, v.current_annual_filings,
               v.cost_baseline_centi * v.baseline_annual_filings AS baseline_yearly_centi,
               v.cost_current_centi * v.current_annual_filings AS current_yearly_centi
        FROM ({dialect.ComputedOnce(ValuesInForce(dialect, where, key))}) v
        """);

    /// <summary>
    /// The year's time and cost targets as one row (NULL where none is set), read once per group report
    /// rather than looked up for every procedure; (program, indicator, year) is unique.
    /// </summary>
    private static readonly string YearTargets =
        $"""
        SELECT MAX(CASE WHEN t.indicator = '{TimeIndicator}' THEN t.target_hundredths END) AS time_target_hundredths,
               MAX(CASE WHEN t.indicator = '{CostIndicator}' THEN t.target_hundredths END) AS cost_target_hundredths
        FROM target_levels t
        WHERE t.program_code = @Program AND t.year = @Year
        """;

    private static readonly string Targets =
        $"""
        LEFT JOIN target_levels tt ON tt.program_code = @Program AND tt.indicator = '{TimeIndicator}' AND tt.year = @Year
        LEFT JOIN target_levels ct ON ct.program_code = @Program AND ct.indicator = '{CostIndicator}' AND ct.year = @Year
        """;

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

    private static string OneProcedure(SqlDialect dialect) =>
        $"""
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name,
               m.time_baseline_units, m.time_current_units, m.is_abolished AS time_abolished, m.time_reduction_hundredths,
               tt.target_hundredths AS time_target_hundredths,
               {Meets("m.time_reduction_hundredths", "tt.target_hundredths")} AS time_meets_target,
               {Gap("m.time_reduction_hundredths", "tt.target_hundredths")} AS time_gap_hundredths,
               m.hourly_tariff_vnd, m.cost_baseline_centi, m.cost_current_centi, m.is_abolished AS cost_abolished, m.cost_reduction_hundredths,
               ct.target_hundredths AS cost_target_hundredths,
               {Meets("m.cost_reduction_hundredths", "ct.target_hundredths")} AS cost_meets_target,
               {Gap("m.cost_reduction_hundredths", "ct.target_hundredths")} AS cost_gap_hundredths,
               m.baseline_annual_filings, m.current_annual_filings, m.baseline_yearly_centi, m.current_yearly_centi
        FROM ({Facts(dialect, "WHERE p.id = @Id")}) m
        INNER JOIN procedures p ON p.id = m.procedure_id
        {Targets}
        """;

    public static Task<ProcedureReductionRow?> ForProcedure(
        DbConnection connection, SqlDialect dialect, long id, ReportDates dates, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ProcedureReductionRow>(new CommandDefinition(
            OneProcedure(dialect), dates.With(new DynamicParameters(new { Id = id })), cancellationToken: cancellationToken));

    /// <summary>
    /// A grouping: the column of <c>p</c> the facts are grouped by (none for the whole scope), the group's
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

    /// <remarks>
    /// The sums are taken over the facts as they come, with COUNT(x) (which skips NULL) where a count is
    /// wanted; the target and everything derived from the sums are added once per group after grouping. At
    /// national size each aggregate is evaluated for every procedure, so their number is the report's cost.
    /// </remarks>
    private static string GroupQuery(SqlDialect dialect, Grouping grouping, string where) =>
        $"""
        SELECT s.group_id, s.group_code, s.group_jurisdiction, s.group_name, s.procedures, s.abolished,
               s.time_with_baseline, s.time_no_baseline, s.time_meeting_target, s.time_baseline_units, s.time_current_units,
               s.time_target_hundredths, s.time_reduction_hundredths,
               {Meets("s.time_reduction_hundredths", "s.time_target_hundredths")} AS time_meets_target,
               {Gap("s.time_reduction_hundredths", "s.time_target_hundredths")} AS time_gap_hundredths,
               s.cost_with_baseline, s.cost_no_baseline, s.cost_meeting_target, s.cost_baseline_centi, s.cost_current_centi,
               s.cost_target_hundredths, s.cost_reduction_hundredths,
               {Meets("s.cost_reduction_hundredths", "s.cost_target_hundredths")} AS cost_meets_target,
               {Gap("s.cost_reduction_hundredths", "s.cost_target_hundredths")} AS cost_gap_hundredths,
               s.with_annual_filings, s.baseline_yearly_centi, s.current_yearly_centi
        FROM (
            SELECT {grouping.Select}, g.procedures, g.abolished,
                   g.time_with_baseline, g.procedures - g.time_with_baseline AS time_no_baseline,
                   CASE WHEN tg.time_target_hundredths IS NULL THEN NULL ELSE g.time_meeting_target END AS time_meeting_target,
                   g.time_baseline_units, g.time_current_units,
                   tg.time_target_hundredths, {Reduction("g.time_baseline_units", "g.time_current_units")} AS time_reduction_hundredths,
                   g.cost_with_baseline, g.procedures - g.cost_with_baseline AS cost_no_baseline,
                   CASE WHEN tg.cost_target_hundredths IS NULL THEN NULL ELSE g.cost_meeting_target END AS cost_meeting_target,
                   g.cost_baseline_centi, g.cost_current_centi,
                   tg.cost_target_hundredths, {Reduction("g.cost_baseline_centi", "g.cost_current_centi")} AS cost_reduction_hundredths,
                   g.with_annual_filings, g.baseline_yearly_centi, g.current_yearly_centi
            FROM (
                SELECT {(grouping.Key is null ? string.Empty : "m.group_key, ")}COUNT(*) AS procedures,
                       COUNT(CASE WHEN m.is_abolished = 1 THEN 1 END) AS abolished,
                       COUNT(m.time_baseline_units) AS time_with_baseline,
                       COUNT(CASE WHEN m.time_reduction_hundredths >= tg.time_target_hundredths THEN 1 END) AS time_meeting_target,
                       SUM(CASE WHEN m.time_current_units IS NOT NULL THEN m.time_baseline_units END) AS time_baseline_units,
                       SUM(CASE WHEN m.time_baseline_units IS NOT NULL THEN m.time_current_units END) AS time_current_units,
                       COUNT(m.cost_baseline_centi) AS cost_with_baseline,
                       COUNT(CASE WHEN m.cost_reduction_hundredths >= tg.cost_target_hundredths THEN 1 END) AS cost_meeting_target,
                       SUM(CASE WHEN m.cost_current_centi IS NOT NULL THEN m.cost_baseline_centi END) AS cost_baseline_centi,
                       SUM(CASE WHEN m.cost_baseline_centi IS NOT NULL THEN m.cost_current_centi END) AS cost_current_centi,
                       COUNT(CASE WHEN m.baseline_yearly_centi IS NOT NULL AND m.current_yearly_centi IS NOT NULL THEN 1 END) AS with_annual_filings,
                       SUM(CASE WHEN m.current_yearly_centi IS NOT NULL THEN m.baseline_yearly_centi END) AS baseline_yearly_centi,
                       SUM(CASE WHEN m.baseline_yearly_centi IS NOT NULL THEN m.current_yearly_centi END) AS current_yearly_centi
                FROM ({Facts(dialect, where, grouping.Key ?? "NULL")}) m
                CROSS JOIN ({YearTargets}) tg
                {(grouping.Key is null ? string.Empty : "GROUP BY m.group_key")}
            ) g
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
            GroupQuery(dialect, grouping, ProcedureQueries.WhereClause(conditions)), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static string PartCondition(Grouping grouping) => $"{grouping.Key} % @Parts = @Part";

    /// <summary>The columns of <see cref="Facts"/> that a laggard list compares, per measure.</summary>
    private sealed record MeasureColumns(string Baseline, string Current, string Reduction);

    private static readonly IReadOnlyDictionary<ReductionMeasure, MeasureColumns> Measures = new Dictionary<ReductionMeasure, MeasureColumns>
    {
        [ReductionMeasure.Time] = new("m.time_baseline_units", "m.time_current_units", "m.time_reduction_hundredths"),
        [ReductionMeasure.Cost] = new("m.cost_baseline_centi", "m.cost_current_centi", "m.cost_reduction_hundredths"),
    };

    private static string LaggardFrom(SqlDialect dialect, ReductionMeasure measure, IReadOnlyList<string> filterConditions) =>
        $"""
        FROM ({Facts(dialect, ProcedureQueries.WhereClause(filterConditions))}) m
        INNER JOIN procedures p ON p.id = m.procedure_id
        INNER JOIN agencies a ON a.id = p.agency_id
        INNER JOIN fields f ON f.id = p.field_id
        INNER JOIN target_levels t ON t.program_code = @Program AND t.indicator = @Indicator AND t.year = @Year
        WHERE {Measures[measure].Reduction} < t.target_hundredths
        """;

    private static string LaggardSelect(ReductionMeasure measure) =>
        $"""
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name, p.agency_id, a.name AS agency_name, f.name AS field_name,
               {Measures[measure].Baseline} AS baseline_value, {Measures[measure].Current} AS current_value,
               {Measures[measure].Reduction} AS reduction_hundredths, t.target_hundredths,
               t.target_hundredths - {Measures[measure].Reduction} AS gap_hundredths
        """;

    private static string LaggardOrder(ReductionMeasure measure) => $" ORDER BY {Measures[measure].Reduction}, p.id";

    public static async Task<(IReadOnlyList<LaggardRow> Rows, long Total)> Laggards(
        DbConnection connection, SqlDialect dialect, ReductionMeasure measure, ProcedureFilter filter, ReportDates dates,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        dates.With(parameters);
        parameters.Add("Indicator", measure == ReductionMeasure.Time ? TimeIndicator : CostIndicator);
        var from = LaggardFrom(dialect, measure, conditions);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) " + from, parameters, cancellationToken: cancellationToken));
        parameters.Add("Skip", (page - 1) * (long)pageSize);
        parameters.Add("Take", pageSize);
        var rows = await connection.QueryAsync<LaggardRow>(new CommandDefinition(
            dialect.Page(LaggardSelect(measure) + " " + from + LaggardOrder(measure)),
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
        yield return OneProcedure(dialect);
        yield return CoverageQuery;
        foreach (var grouping in Groupings.Values)
        {
            yield return GroupQuery(dialect, grouping, ProcedureQueries.WhereClause(conditions));
            if (grouping.Splits)
            {
                yield return GroupQuery(dialect, grouping, ProcedureQueries.WhereClause([.. conditions, PartCondition(grouping)]));
            }
        }

        foreach (var measure in Measures.Keys)
        {
            yield return "SELECT COUNT(*) " + LaggardFrom(dialect, measure, conditions);
            yield return dialect.Page(LaggardSelect(measure) + " " + LaggardFrom(dialect, measure, conditions) + LaggardOrder(measure));
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
