using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// What moved in a period, read from the views the reports read (db/*/views/0200_reductions.sql and the value in
/// force of 0100): the value of each procedure on the report date (@AsOf) against the one on the previous report
/// date (@Before), the procedures abolished in between, and those whose online level or boundary-free flag moved
/// (the derived windows of each date, with the attribute entry in force on @AsOf that they name).
/// </summary>
internal static class PeriodReportQueries
{
    /// <summary>The value in force and the history of each measure: the decision of the window that holds @AsOf.</summary>
    private static readonly IReadOnlyDictionary<ReductionMeasure, (string InForce, string History)> Entries = new Dictionary<ReductionMeasure, (string, string)>
    {
        [ReductionMeasure.Time] = ("time_in_force", "time_history"),
        [ReductionMeasure.Cost] = ("cost_in_force", "cost_history"),
    };

    /// <summary>
    /// The procedures of a measure whose value on @AsOf (not abolished) is lower than on @Before: the rows of the
    /// measure's reduction view that hold each date, with the entry in force on @AsOf and its decision. The cut is
    /// 100 × (before − after) / before in hundredths, rounded half away from zero as every reduction is.
    /// </summary>
    private static string CutQuery(ReductionMeasure measure, IReadOnlyList<string> conditions) =>
        $"""
        SELECT p.id AS procedure_id, p.code, p.name, a.name AS agency_name,
               b.current_value AS before_value, p.current_value AS after_value, p.reduction_hundredths,
               (20000 * (b.current_value - p.current_value) + b.current_value) / (2 * b.current_value) AS cut_hundredths,
               h.effective_from, h.decision_ref
        FROM {ReportQueries.Views[measure]} p
        INNER JOIN {ReportQueries.Views[measure]} b
            ON b.program_code = p.program_code AND b.id = p.id AND b.valid_from <= @Before AND (b.valid_to IS NULL OR b.valid_to > @Before)
        INNER JOIN agencies a ON a.id = p.agency_id
        INNER JOIN {Entries[measure].InForce} w
            ON w.procedure_id = p.id AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)
        INNER JOIN {Entries[measure].History} h ON h.id = w.entry_id
        {ReportQueries.Where(conditions)}
          AND p.is_abolished = 0 AND b.current_value > 0 AND p.current_value < b.current_value
        ORDER BY p.code, p.id
        """;

    /// <summary>
    /// Which attribute each list of <see cref="PeriodMove"/> follows (the column of procedure_windows and the one that names
    /// its entry in force, migration 0017), and what its value is on @Before (window b) and on @AsOf (window w). Nothing in
    /// force on @Before counts as not online and not boundary-free.
    /// </summary>
    private static readonly IReadOnlyDictionary<PeriodMove, (string Entry, string Condition)> MoveRules = new Dictionary<PeriodMove, (string, string)>
    {
        [PeriodMove.NewlyOnline] = ("online_level_entry_id", "COALESCE(b.online_level, 'none') = 'none' AND w.online_level IN ('partial', 'full')"),
        [PeriodMove.NewlyFullOnline] = ("online_level_entry_id", "COALESCE(b.online_level, 'none') <> 'full' AND w.online_level = 'full'"),
        [PeriodMove.NewlyBoundaryFree] = ("boundary_free_entry_id", "COALESCE(b.boundary_free, 0) = 0 AND w.boundary_free = 1"),
        [PeriodMove.NoLongerOnline] = ("online_level_entry_id", "b.online_level IN ('partial', 'full') AND w.online_level = 'none'"),
        [PeriodMove.NoLongerFullOnline] = ("online_level_entry_id", "b.online_level = 'full' AND w.online_level <> 'full'"),
        [PeriodMove.NoLongerBoundaryFree] = ("boundary_free_entry_id", "b.boundary_free = 1 AND w.boundary_free = 0"),
    };

    /// <summary>
    /// The procedures of one list, not abolished on @AsOf: their window that holds @AsOf (w) and the one that holds @Before (b),
    /// both attributes on each date, and the effective date and decision of the attribute's entry in force on @AsOf, the one
    /// the window names (so the rule of what is in force is only the derivation's, views/0100_history_windows.sql).
    /// </summary>
    private static string MoveQuery(PeriodMove move, IReadOnlyList<string> conditions) =>
        $"""
        SELECT p.id AS procedure_id, p.code, p.name, a.name AS agency_name,
               b.online_level AS online_level_before, w.online_level AS online_level_after,
               b.boundary_free AS boundary_free_before, w.boundary_free AS boundary_free_after,
               h.effective_from, h.decision_ref
        FROM procedures p
        INNER JOIN procedure_windows w
            ON w.procedure_id = p.id AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)
        INNER JOIN procedure_windows b
            ON b.procedure_id = p.id AND b.valid_from <= @Before AND (b.valid_to IS NULL OR b.valid_to > @Before)
        INNER JOIN agencies a ON a.id = p.agency_id
        INNER JOIN attribute_history h ON h.id = w.{MoveRules[move].Entry}
        {ProcedureQueries.WhereClause([.. conditions, "w.is_abolished = 0", MoveRules[move].Condition])}
        ORDER BY p.code, p.id
        """;

    private const string AbolishedQuery =
        """
        SELECT p.id AS procedure_id, p.code, p.name, a.name AS agency_name, p.abolished_on
        FROM procedures p
        INNER JOIN agencies a ON a.id = p.agency_id
        WHERE p.jurisdiction_code = @Jurisdiction AND p.abolished_on > @Before AND p.abolished_on <= @AsOf
        ORDER BY p.abolished_on, p.code, p.id
        """;

    /// <summary>The cuts of one measure in the jurisdiction (every kind of procedure), from @Before to the report's @AsOf.</summary>
    public static async Task<IReadOnlyList<CutRow>> Cuts(
        DbConnection connection, SqlDialect dialect, ReductionMeasure measure, string jurisdiction, ReportDates dates, DateOnly before, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(new ProcedureFilter { Jurisdiction = jurisdiction }, dialect);
        parameters.Add("Before", before);
        var rows = await connection.QueryAsync<CutRow>(new CommandDefinition(CutQuery(measure, conditions), dates.With(parameters), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The procedures of the jurisdiction abolished after @Before, on or before @AsOf.</summary>
    public static async Task<IReadOnlyList<AbolitionRow>> Abolished(
        DbConnection connection, string jurisdiction, DateOnly before, DateOnly asOf, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Jurisdiction", jurisdiction, System.Data.DbType.String, size: 10);
        parameters.Add("Before", before);
        parameters.Add("AsOf", asOf);
        var rows = await connection.QueryAsync<AbolitionRow>(new CommandDefinition(AbolishedQuery, parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The procedures of the jurisdiction in one list of what became (or stopped being) online, fully online or boundary-free from @Before to @AsOf.</summary>
    public static async Task<IReadOnlyList<MoveRow>> Moves(
        DbConnection connection, SqlDialect dialect, PeriodMove move, string jurisdiction, DateOnly before, DateOnly asOf, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(new ProcedureFilter { Jurisdiction = jurisdiction }, dialect);
        parameters.Add("Before", before);
        parameters.Add("AsOf", asOf);
        var rows = await connection.QueryAsync<MoveRow>(new CommandDefinition(MoveQuery(move, conditions), parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    internal static IEnumerable<string> Statements(SqlDialect dialect)
    {
        var (conditions, _) = ProcedureQueries.Conditions(new ProcedureFilter { Jurisdiction = "92" }, dialect);
        foreach (var measure in Entries.Keys)
        {
            yield return CutQuery(measure, conditions);
        }

        foreach (var move in MoveRules.Keys)
        {
            yield return MoveQuery(move, conditions);
        }

        yield return AbolishedQuery;
    }
}

/// <summary>The lists of what the online level and the boundary-free flag did in a period (<see cref="PeriodReportQueries.Moves"/>).</summary>
internal enum PeriodMove
{
    /// <summary>Not online (none, or nothing in force) on the previous report date, partial or full on the report date.</summary>
    NewlyOnline,

    /// <summary>Not full on the previous report date, full on the report date.</summary>
    NewlyFullOnline,

    /// <summary>Not boundary-free on the previous report date, boundary-free on the report date.</summary>
    NewlyBoundaryFree,

    /// <summary>Partial or full on the previous report date, none on the report date.</summary>
    NoLongerOnline,

    /// <summary>Full on the previous report date, partial or none on the report date.</summary>
    NoLongerFullOnline,

    /// <summary>Boundary-free on the previous report date, not on the report date.</summary>
    NoLongerBoundaryFree,
}

internal sealed record CutRow
{
    public long ProcedureId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string AgencyName { get; init; }
    public long BeforeValue { get; init; }
    public long AfterValue { get; init; }
    public long? ReductionHundredths { get; init; }
    public long CutHundredths { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public required string DecisionRef { get; init; }
}

internal sealed record AbolitionRow
{
    public long ProcedureId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string AgencyName { get; init; }
    public DateOnly AbolishedOn { get; init; }
}

/// <summary>A procedure of one <see cref="PeriodMove"/> list: both attributes on each date, and the attribute's entry in force on the report date.</summary>
internal sealed record MoveRow
{
    public long ProcedureId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string AgencyName { get; init; }
    public string? OnlineLevelBefore { get; init; }
    public string? OnlineLevelAfter { get; init; }
    public bool? BoundaryFreeBefore { get; init; }
    public bool? BoundaryFreeAfter { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public string? DecisionRef { get; init; }
}
