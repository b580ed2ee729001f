using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// What the report queries share. Every per-procedure figure is in the views time_reductions and cost_reductions
/// (db/*/views/0200_reductions.sql) in exact integers (1/5600 working day, hundredths of a đồng, hundredths of a per
/// cent), one row per window of dates; a report picks the window that holds @AsOf (<see cref="HoldsAsOf"/>), filters
/// with the procedure list's conditions, adds up and applies the group formula to the sums. C# chooses a view and a
/// grouping column from fixed lists and binds parameters: the queries of each report are in its own file
/// (<see cref="ProcedureReductionQueries"/>, <see cref="GroupReductionQueries"/>, <see cref="LaggardQueries"/>,
/// <see cref="CoverageQueries"/>).
/// </summary>
internal static class ReportQueries
{
    /// <summary>Time units per working day in the views (hundredths × 56, 40 or 7).</summary>
    public const decimal UnitsPerWorkingDay = 5600m;

    /// <summary>The window of a row of time_reductions or cost_reductions (alias p) that holds @AsOf, for the program.</summary>
    public const string HoldsAsOf = "p.program_code = @Program AND p.valid_from <= @AsOf AND (p.valid_to IS NULL OR p.valid_to > @AsOf)";

    /// <summary>The view of each measure; both carry baseline_value, current_value and reduction_hundredths.</summary>
    public static readonly IReadOnlyDictionary<ReductionMeasure, string> Views = new Dictionary<ReductionMeasure, string>
    {
        [ReductionMeasure.Time] = "time_reductions",
        [ReductionMeasure.Cost] = "cost_reductions",
    };

    /// <summary>One channel's measures (views/0700_channels.sql), in the shape of the procedure-level views and with p.channel.</summary>
    public static readonly IReadOnlyDictionary<ReductionMeasure, string> ChannelViews = new Dictionary<ReductionMeasure, string>
    {
        [ReductionMeasure.Time] = "channel_time_reductions",
        [ReductionMeasure.Cost] = "channel_fee_reductions",
    };

    /// <summary>The view a report of a measure reads: the procedure-level one, or one channel's (kept by <see cref="OfChannel"/>).</summary>
    public static string ViewOf(ReductionMeasure measure, bool channel) => channel ? ChannelViews[measure] : Views[measure];

    /// <summary>The rows of the channel a report asks for, in a channel view.</summary>
    public const string OfChannel = "p.channel = @Channel";

    /// <summary>The indicator whose target a measure is judged by.</summary>
    public static Targets.Indicator IndicatorOf(ReductionMeasure measure) =>
        measure == ReductionMeasure.Time ? Targets.Indicator.TimeReduction : Targets.Indicator.CostReduction;

    /// <summary>The WHERE of a report over the views: the window that holds @AsOf and the procedure list's filters.</summary>
    public static string Where(IReadOnlyList<string> filterConditions) => ProcedureQueries.WhereClause([HoldsAsOf, .. filterConditions]);

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
        yield return ProcedureReductionQueries.ChannelStatement;
        yield return CoverageQueries.Statement;
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
