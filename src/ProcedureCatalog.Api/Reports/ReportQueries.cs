using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// What the report queries share. Every per-procedure figure is in the view procedure_reductions (and its halves
/// time_reductions and cost_reductions, db/*/views/0200_reductions.sql) in exact integers (1/5600 working day, hundredths of a đồng, hundredths of a per
/// cent), one row per window of dates; a report picks the window that holds @AsOf (<see cref="HoldsAsOf(string, bool)"/>), filters
/// with the procedure list's conditions, adds up and applies the group formula to the sums. C# chooses a view and a
/// grouping column from fixed lists and binds parameters: the queries of each report are in its own file
/// (<see cref="ProcedureReductionQueries"/>, <see cref="GroupReductionQueries"/>, <see cref="LaggardQueries"/>,
/// <see cref="CoverageQueries"/>).
/// </summary>
internal static class ReportQueries
{
    /// <summary>Time units per working day in the views (hundredths × 56, 40 or 7).</summary>
    public const decimal UnitsPerWorkingDay = 5600m;

    /// <summary>
    /// The window of a row of reduction_windows or a view over it (alias <paramref name="alias"/>) that holds @AsOf, for the
    /// program. For a statement that reads every jurisdiction (<paramref name="everyJurisdiction"/>) an open window is given
    /// the end 9999-12-31 (report dates run to 2100-12-31): so written, the condition is a range of the index of
    /// reduction_windows by the end of each window (migration 0019: ix_reduction_windows_holding), which skips the windows
    /// that ended on or before @AsOf, most of a catalogue's history. A statement of one jurisdiction or one procedure keeps
    /// the plain form, which that index cannot serve, and reads its own range of the table.
    /// </summary>
    public static string HoldsAsOf(string alias = "p", bool everyJurisdiction = false) => everyJurisdiction
        ? $"{alias}.program_code = @Program AND {alias}.valid_from <= @AsOf AND COALESCE({alias}.valid_to, '9999-12-31') > @AsOf"
        : $"{alias}.program_code = @Program AND {alias}.valid_from <= @AsOf AND ({alias}.valid_to IS NULL OR {alias}.valid_to > @AsOf)";

    /// <summary>The view of each measure on its own (both carry baseline_value, current_value and reduction_hundredths); procedure_reductions has both.</summary>
    public static readonly IReadOnlyDictionary<ReductionMeasure, string> Views = new Dictionary<ReductionMeasure, string>
    {
        [ReductionMeasure.Time] = "time_reductions",
        [ReductionMeasure.Cost] = "cost_reductions",
    };

    /// <summary>
    /// One channel's measures (views/0700_channels.sql), in the shape of the procedure-level views and with p.channel: the
    /// channel view's rows with the dated attributes (kind, businessRelated, onlineLevel, …) in force on @AsOf, from the
    /// procedure's derived window that holds it, so that a channel's report keeps and filters procedures as every report does.
    /// </summary>
    public static readonly IReadOnlyDictionary<ReductionMeasure, string> ChannelViews = new Dictionary<ReductionMeasure, string>
    {
        [ReductionMeasure.Time] = ChannelSource("channel_time_reductions", string.Empty),
        [ReductionMeasure.Cost] = ChannelSource(
            "channel_fee_reductions", ", r.hourly_tariff_vnd, r.baseline_annual_filings, r.current_annual_filings, r.baseline_yearly_centi, r.current_yearly_centi"),
    };

    private static string ChannelSource(string view, string measureColumns) =>
        "(SELECT r.program_code, r.channel, r.id, r.jurisdiction_code, r.code, r.name, r.level, w.kind, w.business_related, w.online_level, "
        + "w.full_online_eligible, w.boundary_free, w.technical_regulation, r.field_id, r.agency_id, r.status, r.search_text, "
        + "r.valid_from, r.valid_to, r.is_abolished, r.baseline_value, r.current_value, r.reduction_hundredths" + measureColumns
        + $" FROM {view} r INNER JOIN procedure_windows w ON w.procedure_id = r.id AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf))";

    /// <summary>
    /// What a report that reads both measures at once reads: procedure_reductions, or one channel's rows in its shape: the
    /// channel's time row (the window, the procedure's columns and dated attributes, the time figures) with its fee row that
    /// holds @AsOf as the cost (none: no cost figures), kept to the channel asked for by <see cref="OfChannel"/>.
    /// </summary>
    public static string PairsOf(bool channel) => channel ? ChannelPairs : "procedure_reductions";

    private static readonly string ChannelPairs =
        "(SELECT t.program_code, t.channel, t.id, t.jurisdiction_code, t.code, t.name, t.level, t.kind, t.business_related, t.online_level, "
        + "t.full_online_eligible, t.boundary_free, t.technical_regulation, t.field_id, t.agency_id, t.status, t.search_text, t.valid_from, t.valid_to, t.is_abolished, "
        + "t.baseline_value AS time_baseline, t.current_value AS time_current, t.reduction_hundredths AS time_reduction_hundredths, "
        + "c.hourly_tariff_vnd, c.baseline_value AS cost_baseline, c.current_value AS cost_current, c.reduction_hundredths AS cost_reduction_hundredths, "
        + "c.baseline_annual_filings, c.current_annual_filings, c.baseline_yearly_centi, c.current_yearly_centi "
        + $"FROM {ChannelViews[ReductionMeasure.Time]} t LEFT JOIN {ChannelViews[ReductionMeasure.Cost]} c "
        + "ON c.program_code = t.program_code AND c.id = t.id AND c.channel = t.channel AND c.valid_from <= @AsOf AND (c.valid_to IS NULL OR c.valid_to > @AsOf))";

    /// <summary>The view a report of a measure reads: the procedure-level one, or one channel's (kept by <see cref="OfChannel"/>).</summary>
    public static string ViewOf(ReductionMeasure measure, bool channel) => channel ? ChannelViews[measure] : Views[measure];

    /// <summary>The rows of the channel a report asks for, in a channel view.</summary>
    public const string OfChannel = "p.channel = @Channel";

    /// <summary>The indicator whose target a measure is judged by.</summary>
    public static Targets.Indicator IndicatorOf(ReductionMeasure measure) =>
        measure == ReductionMeasure.Time ? Targets.Indicator.TimeReduction : Targets.Indicator.CostReduction;

    /// <summary>The WHERE of a report over the views: the window that holds @AsOf and the procedure list's filters.</summary>
    public static string Where(IReadOnlyList<string> filterConditions) => ProcedureQueries.WhereClause(
        [HoldsAsOf(everyJurisdiction: !filterConditions.Any(OneJurisdiction.Contains)), .. filterConditions]);

    /// <summary>The conditions that keep the rows of one jurisdiction: a statement with one of them reads that jurisdiction's range.</summary>
    private static readonly string[] OneJurisdiction = [ProcedureQueries.InJurisdiction, OfEachJurisdiction];

    /// <summary>The rows of the jurisdiction <c>j</c> of the statement around.</summary>
    private const string OfEachJurisdiction = "p.jurisdiction_code = j.code";

    /// <summary>
    /// Jurisdictions among the procedures the filter keeps that have cost history but no hourly tariff for
    /// the baseline year: their cost cannot be computed, and a report must say so rather than count zero.
    /// </summary>
    public static async Task<IReadOnlyList<string>> JurisdictionsWithoutTariff(
        DbConnection connection, SqlDialect dialect, ProcedureFilter filter, ReportDates dates, CancellationToken cancellationToken)
    {
        // Asked per jurisdiction without a tariff (usually none), not per procedure: at national size the
        // per-procedure form read the whole catalogue before every report.
        // The filter's dated conditions hold on @AsOf, as in the report itself.
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        conditions.Add(OfEachJurisdiction);
        conditions.Add("EXISTS (SELECT 1 FROM cost_history h WHERE h.procedure_id = p.id)");
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            TariffStatement(conditions), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static string TariffStatement(IReadOnlyList<string> conditions) =>
        "SELECT j.code FROM jurisdictions j "
        + "WHERE NOT EXISTS (SELECT 1 FROM hourly_tariffs ht WHERE ht.jurisdiction_code = j.code AND ht.year = @TariffYear) "
        + "AND EXISTS (SELECT 1 FROM procedure_reductions p" + Where(conditions) + ") ORDER BY j.code";

    /// <summary>
    /// A read on a connection of its own, started at once beside the caller's. Task.Run: Microsoft.Data.Sqlite
    /// answers its async calls synchronously, so reads meant to run at the same time would run one after another.
    /// </summary>
    public static Task<T> OnItsOwnConnection<T>(
        Func<CancellationToken, Task<DbConnection>> open, Func<DbConnection, Task<T>> read, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var connection = await open(cancellationToken);
            return await read(connection);
        }, cancellationToken);

    /// <summary>Every statement the reports send, with all filters on, so that tests can parse them as T-SQL where SQL Server cannot run.</summary>
    internal static IEnumerable<string> Statements(SqlDialect dialect)
    {
        var (conditions, _) = ProcedureQueries.Conditions(new ProcedureFilter
        {
            Jurisdiction = "92", Level = ProcedureLevel.Province, Kind = ProcedureKind.External, BusinessRelated = true, OnlineLevel = OnlineLevel.Full,
            FullOnlineEligible = true, BoundaryFree = true, FieldId = 1, AgencyId = 1, Status = ProcedureStatus.Active, SearchTerms = ["dang", "ky"],
        }, dialect);
        yield return ProcedureReductionQueries.Statement;
        yield return TariffStatement([.. conditions, OfEachJurisdiction]);
        yield return ProcedureReductionQueries.ChannelStatement;
        foreach (var statement in CoverageQueries.Statements)
        {
            yield return statement;
        }
        foreach (var statement in GroupReductionQueries.Statements(conditions))
        {
            yield return statement;
        }

        foreach (var statement in LaggardQueries.Statements(dialect, conditions))
        {
            yield return statement;
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
    /// <summary>The channel whose own time and fee are measured; null: the procedure-level figures.</summary>
    public Channels.FilingChannel? Channel { get; init; }

    /// <summary>The conditions of a report over the views with the channel's, when it asks for one.</summary>
    public List<string> Kept(List<string> conditions)
    {
        if (Channel is not null)
        {
            conditions.Add(ReportQueries.OfChannel);
        }

        return conditions;
    }

    public DynamicParameters With(DynamicParameters parameters)
    {
        parameters.Add("Program", Program);
        parameters.Add("TariffYear", TariffYear);
        parameters.Add("AsOf", AsOf);
        parameters.Add("Year", Year);
        parameters.Add("TimeIndicator", Infrastructure.EnumText.Of(Targets.Indicator.TimeReduction));
        parameters.Add("CostIndicator", Infrastructure.EnumText.Of(Targets.Indicator.CostReduction));
        if (Channel is { } channel)
        {
            parameters.Add("Channel", Infrastructure.EnumText.Of(channel));
        }

        return parameters;
    }
}

internal sealed record TargetLevelRow
{
    public required string Indicator { get; init; }
    public long TargetHundredths { get; init; }
    public DateOnly JudgedOn { get; init; }
    public required string Scope { get; init; }
}
