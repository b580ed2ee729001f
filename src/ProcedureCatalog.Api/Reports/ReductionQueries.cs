using System.Data.Common;
using Dapper;
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

    private static string InForce(string alias) =>
        $"{alias}.program_code = @Program AND {alias}.valid_from <= @AsOf AND ({alias}.valid_until IS NULL OR {alias}.valid_until > @AsOf)";

    private static readonly string WindowsAndTargets =
        $"""
        INNER JOIN time_reduction_windows tw ON tw.procedure_id = p.id AND {InForce("tw")}
        INNER JOIN cost_reduction_windows cw ON cw.procedure_id = p.id AND {InForce("cw")}
        LEFT JOIN target_levels tt ON tt.program_code = @Program AND tt.indicator = '{TimeIndicator}' AND tt.year = @Year
        LEFT JOIN target_levels ct ON ct.program_code = @Program AND ct.indicator = '{CostIndicator}' AND ct.year = @Year
        """;

    /// <summary>
    /// Jurisdictions among the procedures the filter keeps that have cost history but no hourly tariff for
    /// the baseline year: their cost cannot be computed, and a report must say so rather than count zero.
    /// </summary>
    public static async Task<IReadOnlyList<string>> JurisdictionsWithoutTariff(
        DbConnection connection, ProcedureFilter filter, int tariffYear, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter);
        conditions.Add("EXISTS (SELECT 1 FROM cost_history h WHERE h.procedure_id = p.id)");
        conditions.Add("NOT EXISTS (SELECT 1 FROM hourly_tariffs ht WHERE ht.jurisdiction_code = p.jurisdiction_code AND ht.year = @TariffYear)");
        parameters.Add("TariffYear", tariffYear);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT p.jurisdiction_code FROM procedures p" + ProcedureQueries.WhereClause(conditions) + " ORDER BY p.jurisdiction_code",
            parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static readonly string OneProcedure =
        $"""
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name,
               r.time_baseline_units, r.time_current_units, r.time_abolished, r.time_reduction_hundredths, r.time_target_hundredths,
               {Meets("r.time_reduction_hundredths", "r.time_target_hundredths")} AS time_meets_target,
               {Gap("r.time_reduction_hundredths", "r.time_target_hundredths")} AS time_gap_hundredths,
               r.hourly_tariff_vnd, r.cost_baseline_centi, r.cost_current_centi, r.cost_abolished, r.cost_reduction_hundredths, r.cost_target_hundredths,
               {Meets("r.cost_reduction_hundredths", "r.cost_target_hundredths")} AS cost_meets_target,
               {Gap("r.cost_reduction_hundredths", "r.cost_target_hundredths")} AS cost_gap_hundredths,
               r.baseline_annual_filings, r.current_annual_filings,
               r.cost_baseline_centi * r.baseline_annual_filings AS baseline_yearly_centi,
               r.cost_current_centi * r.current_annual_filings AS current_yearly_centi
        FROM procedures p
        INNER JOIN (
            SELECT tw.procedure_id,
                   tw.baseline_units AS time_baseline_units, tw.current_units AS time_current_units, tw.is_abolished AS time_abolished,
                   tw.reduction_hundredths AS time_reduction_hundredths, tt.target_hundredths AS time_target_hundredths,
                   ht.hourly_tariff_vnd,
                   cw.baseline_cost_centi AS cost_baseline_centi, cw.current_cost_centi AS cost_current_centi, cw.is_abolished AS cost_abolished,
                   cw.reduction_hundredths AS cost_reduction_hundredths, ct.target_hundredths AS cost_target_hundredths,
                   cw.baseline_annual_filings, cw.current_annual_filings
            FROM procedures p
            {WindowsAndTargets}
            LEFT JOIN hourly_tariffs ht ON ht.jurisdiction_code = p.jurisdiction_code AND ht.year = @TariffYear
            WHERE p.id = @Id
        ) r ON r.procedure_id = p.id
        """;

    public static Task<ProcedureReductionRow?> ForProcedure(
        DbConnection connection, long id, ReportDates dates, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ProcedureReductionRow>(new CommandDefinition(
            OneProcedure, dates.With(new DynamicParameters(new { Id = id })), cancellationToken: cancellationToken));

    private sealed record Grouping(string Select, string GroupBy, string OrderBy);

    private static readonly IReadOnlyDictionary<ReductionGroupBy, Grouping> Groupings = new Dictionary<ReductionGroupBy, Grouping>
    {
        [ReductionGroupBy.None] = new("NULL AS group_id, NULL AS group_code, NULL AS group_jurisdiction, NULL AS group_name", string.Empty, "g.procedures"),
        [ReductionGroupBy.Agency] = new("p.agency_id AS group_id, NULL AS group_code, a.jurisdiction_code AS group_jurisdiction, a.name AS group_name", " GROUP BY p.agency_id, a.jurisdiction_code, a.name", "g.group_id"),
        [ReductionGroupBy.Field] = new("p.field_id AS group_id, NULL AS group_code, NULL AS group_jurisdiction, f.name AS group_name", " GROUP BY p.field_id, f.name", "g.group_id"),
        [ReductionGroupBy.Level] = new("NULL AS group_id, p.level AS group_code, NULL AS group_jurisdiction, NULL AS group_name", " GROUP BY p.level", "g.group_code"),
        [ReductionGroupBy.Kind] = new("NULL AS group_id, p.kind AS group_code, NULL AS group_jurisdiction, NULL AS group_name", " GROUP BY p.kind", "g.group_code"),
        [ReductionGroupBy.Jurisdiction] = new("NULL AS group_id, p.jurisdiction_code AS group_code, NULL AS group_jurisdiction, j.name AS group_name", " GROUP BY p.jurisdiction_code, j.name", "g.group_code"),
    };

    private const string WithBoth = "cw.baseline_cost_centi IS NOT NULL AND cw.current_cost_centi IS NOT NULL AND cw.baseline_annual_filings IS NOT NULL AND cw.current_annual_filings IS NOT NULL";

    private static string GroupQuery(Grouping grouping, string where) =>
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
            SELECT g.group_id, g.group_code, g.group_jurisdiction, g.group_name, g.procedures, g.abolished,
                   g.time_with_baseline, g.time_no_baseline, g.time_meeting_target, g.time_baseline_units, g.time_current_units,
                   g.time_target_hundredths, {Reduction("g.time_baseline_units", "g.time_current_units")} AS time_reduction_hundredths,
                   g.cost_with_baseline, g.cost_no_baseline, g.cost_meeting_target, g.cost_baseline_centi, g.cost_current_centi,
                   g.cost_target_hundredths, {Reduction("g.cost_baseline_centi", "g.cost_current_centi")} AS cost_reduction_hundredths,
                   g.with_annual_filings, g.baseline_yearly_centi, g.current_yearly_centi
            FROM (
                SELECT {grouping.Select},
                       COUNT(*) AS procedures,
                       COALESCE(SUM(tw.is_abolished), 0) AS abolished,
                       COALESCE(SUM(CASE WHEN tw.baseline_units IS NOT NULL THEN 1 ELSE 0 END), 0) AS time_with_baseline,
                       COALESCE(SUM(CASE WHEN tw.baseline_units IS NULL THEN 1 ELSE 0 END), 0) AS time_no_baseline,
                       CASE WHEN MAX(tt.target_hundredths) IS NULL THEN NULL
                            ELSE SUM(CASE WHEN tw.reduction_hundredths >= tt.target_hundredths THEN 1 ELSE 0 END) END AS time_meeting_target,
                       SUM(CASE WHEN tw.current_units IS NOT NULL THEN tw.baseline_units END) AS time_baseline_units,
                       SUM(CASE WHEN tw.baseline_units IS NOT NULL THEN tw.current_units END) AS time_current_units,
                       MAX(tt.target_hundredths) AS time_target_hundredths,
                       COALESCE(SUM(CASE WHEN cw.baseline_cost_centi IS NOT NULL THEN 1 ELSE 0 END), 0) AS cost_with_baseline,
                       COALESCE(SUM(CASE WHEN cw.baseline_cost_centi IS NULL THEN 1 ELSE 0 END), 0) AS cost_no_baseline,
                       CASE WHEN MAX(ct.target_hundredths) IS NULL THEN NULL
                            ELSE SUM(CASE WHEN cw.reduction_hundredths >= ct.target_hundredths THEN 1 ELSE 0 END) END AS cost_meeting_target,
                       SUM(CASE WHEN cw.current_cost_centi IS NOT NULL THEN cw.baseline_cost_centi END) AS cost_baseline_centi,
                       SUM(CASE WHEN cw.baseline_cost_centi IS NOT NULL THEN cw.current_cost_centi END) AS cost_current_centi,
                       MAX(ct.target_hundredths) AS cost_target_hundredths,
                       COALESCE(SUM(CASE WHEN {WithBoth} THEN 1 ELSE 0 END), 0) AS with_annual_filings,
                       SUM(CASE WHEN {WithBoth} THEN cw.baseline_cost_centi * cw.baseline_annual_filings END) AS baseline_yearly_centi,
                       SUM(CASE WHEN {WithBoth} THEN cw.current_cost_centi * cw.current_annual_filings END) AS current_yearly_centi
                FROM procedures p
                INNER JOIN agencies a ON a.id = p.agency_id
                INNER JOIN fields f ON f.id = p.field_id
                INNER JOIN jurisdictions j ON j.code = p.jurisdiction_code
                {WindowsAndTargets}
                {where}{grouping.GroupBy}
            ) g
        ) s
        ORDER BY {grouping.OrderBy.Replace("g.", "s.", StringComparison.Ordinal)}
        """;

    public static async Task<IReadOnlyList<GroupReductionRow>> Groups(
        DbConnection connection, ReductionGroupBy groupBy, ProcedureFilter filter, ReportDates dates, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter);
        var rows = await connection.QueryAsync<GroupReductionRow>(new CommandDefinition(
            GroupQuery(Groupings[groupBy], ProcedureQueries.WhereClause(conditions)), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static readonly IReadOnlyDictionary<ReductionMeasure, string> MeasureWindows = new Dictionary<ReductionMeasure, string>
    {
        [ReductionMeasure.Time] = $"SELECT w.procedure_id, w.baseline_units AS baseline_value, w.current_units AS current_value, w.reduction_hundredths FROM time_reduction_windows w WHERE {InForce("w")}",
        [ReductionMeasure.Cost] = $"SELECT w.procedure_id, w.baseline_cost_centi AS baseline_value, w.current_cost_centi AS current_value, w.reduction_hundredths FROM cost_reduction_windows w WHERE {InForce("w")}",
    };

    private static string LaggardFrom(ReductionMeasure measure, IReadOnlyList<string> filterConditions) =>
        $"""
        FROM procedures p
        INNER JOIN agencies a ON a.id = p.agency_id
        INNER JOIN fields f ON f.id = p.field_id
        INNER JOIN ({MeasureWindows[measure]}) m ON m.procedure_id = p.id
        INNER JOIN target_levels t ON t.program_code = @Program AND t.indicator = @Indicator AND t.year = @Year
        {ProcedureQueries.WhereClause([.. filterConditions, "m.reduction_hundredths < t.target_hundredths"])}
        """;

    private const string LaggardSelect =
        """
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name, p.agency_id, a.name AS agency_name, f.name AS field_name,
               m.baseline_value, m.current_value, m.reduction_hundredths, t.target_hundredths,
               t.target_hundredths - m.reduction_hundredths AS gap_hundredths
        """;

    private const string LaggardOrder = " ORDER BY m.reduction_hundredths, p.id";

    public static async Task<(IReadOnlyList<LaggardRow> Rows, long Total)> Laggards(
        DbConnection connection, Database.SqlDialect dialect, ReductionMeasure measure, ProcedureFilter filter, ReportDates dates,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter);
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
                       COALESCE(SUM(cf.in_numerator), 0) AS numerator,
                       COALESCE(SUM(CASE WHEN cf.procedure_id IS NULL THEN 0 ELSE 1 END), 0) AS denominator
                FROM target_levels t
                LEFT JOIN coverage_facts cf
                    ON cf.program_code = t.program_code AND cf.year = t.year AND cf.indicator = t.indicator
                   AND (cf.abolished_on IS NULL OR cf.abolished_on > @AsOf)
                   AND (@Jurisdiction IS NULL OR cf.jurisdiction_code = @Jurisdiction)
                WHERE t.program_code = @Program AND t.year = @Year AND t.indicator NOT IN ('time-reduction', 'cost-reduction')
                GROUP BY t.indicator, t.target_hundredths, t.judged_on, t.scope
            ) g
        ) s
        ORDER BY s.indicator
        """;

    public static async Task<IReadOnlyList<CoverageRow>> Coverage(
        DbConnection connection, string? jurisdiction, ReportDates dates, CancellationToken cancellationToken)
    {
        var parameters = dates.With(new DynamicParameters());
        parameters.Add("Jurisdiction", jurisdiction, System.Data.DbType.String, size: 10);
        var rows = await connection.QueryAsync<CoverageRow>(new CommandDefinition(CoverageQuery, parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Every statement the reports send, with all filters on, so that tests can parse them as T-SQL where SQL Server cannot run.</summary>
    internal static IEnumerable<string> Statements(Database.SqlDialect dialect)
    {
        var (conditions, _) = ProcedureQueries.Conditions(new ProcedureFilter
        {
            Jurisdiction = "92", Level = ProcedureLevel.Province, Kind = ProcedureKind.External, BusinessRelated = true, OnlineLevel = OnlineLevel.Full,
            FullOnlineEligible = true, BoundaryFree = true, FieldId = 1, AgencyId = 1, Status = ProcedureStatus.Active, SearchTerms = ["dang", "ky"],
        });
        yield return OneProcedure;
        yield return CoverageQuery;
        foreach (var grouping in Groupings.Values)
        {
            yield return GroupQuery(grouping, ProcedureQueries.WhereClause(conditions));
        }

        foreach (var measure in MeasureWindows.Keys)
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
