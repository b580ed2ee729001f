using System.Data.Common;
using Dapper;

namespace ProcedureCatalog.Api.Plans;

/// <summary>Which plans a task report covers: those of a jurisdiction, one plan, or all.</summary>
/// <param name="Jurisdiction">VN or a province code; null for every jurisdiction.</param>
/// <param name="PlanId">One plan; null for every plan of the jurisdiction.</param>
public sealed record TaskScope(string? Jurisdiction = null, long? PlanId = null);

/// <summary>A milestone with its status on the date the report reads it for, its task, its plan and the evidence of the entry that gives the status.</summary>
internal sealed record MilestoneStatusRow : MilestoneRow
{
    public long PlanId { get; init; }
    public required string JurisdictionCode { get; init; }
    public string? PlanNumber { get; init; }
    public DateOnly? PlanIssuedOn { get; init; }
    public required string PlanTitle { get; init; }
    public required string TaskNumber { get; init; }
    public required string Content { get; init; }
    public string? DecisionRef { get; init; }
    public string? Link { get; init; }
    public string? Notes { get; init; }
}

/// <summary>
/// The three task reports, each a filter on the status windows of views/0600_plan_milestones.sql read on one date:
/// overdue on D (not done on D, due before D), due from D1 to D2 (not done on D1, due on one of those days) and done from D1
/// to D2 (done on D2, on a date of the period). The monthly report reads the same three.
/// </summary>
internal static class TaskReportQueries
{
    private const string Select =
        """
        SELECT w.milestone_id AS id, w.task_id, w.plan_id, w.jurisdiction_code, p.number AS plan_number, p.issued_on AS plan_issued_on, p.title AS plan_title,
               t.number AS task_number, t.content, m.position, m.label, m.deadline_kind, m.due_on, m.due_year, w.due_by, w.status, w.progress_id,
               CASE WHEN w.progress_id IS NULL THEN NULL ELSE w.valid_from END AS status_on, e.decision_ref, e.link, e.notes
        FROM milestone_status_windows w
        INNER JOIN plan_milestones m ON m.id = w.milestone_id
        INNER JOIN plan_tasks t ON t.id = w.task_id
        INNER JOIN plans p ON p.id = w.plan_id
        LEFT JOIN milestone_progress e ON e.id = w.progress_id
        WHERE w.valid_from <= @StatusOn AND (w.valid_to IS NULL OR w.valid_to > @StatusOn)
          AND (@Jurisdiction IS NULL OR w.jurisdiction_code = @Jurisdiction) AND (@PlanId IS NULL OR w.plan_id = @PlanId)
        """;

    private const string Order = " ORDER BY w.plan_id, w.task_id, m.position";

    private const string OverdueCondition = " AND w.status <> 'done' AND w.due_by < @StatusOn";
    private const string DueCondition = " AND w.status <> 'done' AND w.due_by >= @From AND w.due_by <= @To";
    private const string DoneCondition = " AND w.status = 'done' AND w.valid_from >= @From AND w.valid_from <= @To";

    /// <summary>The milestones not done on <paramref name="on"/> whose deadline is before it.</summary>
    public static Task<IReadOnlyList<MilestoneStatusRow>> OverdueOn(DbConnection connection, TaskScope scope, DateOnly on, CancellationToken cancellationToken) =>
        Rows(connection, Select + OverdueCondition + Order, scope, on, on, on, cancellationToken);

    /// <summary>The milestones not done on <paramref name="from"/> whose deadline is one of the days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Task<IReadOnlyList<MilestoneStatusRow>> DueBetween(DbConnection connection, TaskScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Rows(connection, Select + DueCondition + Order, scope, from, from, to, cancellationToken);

    /// <summary>The milestones done on <paramref name="to"/> whose done entry is dated from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Task<IReadOnlyList<MilestoneStatusRow>> DoneBetween(DbConnection connection, TaskScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Rows(connection, Select + DoneCondition + Order, scope, to, from, to, cancellationToken);

    /// <summary>The lead agencies of every task in the scope, in order, named as the catalogue names them now.</summary>
    public static async Task<IReadOnlyList<TaskAgencyRow>> LeadAgencies(DbConnection connection, TaskScope scope, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<TaskAgencyRow>(new CommandDefinition(
            PlanTaskQueries.AgencySelect
            + """
             INNER JOIN plans p ON p.id = t.plan_id
             WHERE a.role = 'lead' AND (@Jurisdiction IS NULL OR p.jurisdiction_code = @Jurisdiction) AND (@PlanId IS NULL OR t.plan_id = @PlanId)
             ORDER BY a.task_id, a.position
            """,
            Parameters(scope), cancellationToken: cancellationToken))).ToList();

    private static async Task<IReadOnlyList<MilestoneStatusRow>> Rows(
        DbConnection connection, string sql, TaskScope scope, DateOnly statusOn, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var parameters = Parameters(scope);
        parameters.Add("StatusOn", statusOn);
        parameters.Add("From", from);
        parameters.Add("To", to);
        return (await connection.QueryAsync<MilestoneStatusRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
    }

    private static DynamicParameters Parameters(TaskScope scope)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Jurisdiction", new DbString { Value = scope.Jurisdiction, Length = 10 });
        parameters.Add("PlanId", scope.PlanId);
        return parameters;
    }
}
