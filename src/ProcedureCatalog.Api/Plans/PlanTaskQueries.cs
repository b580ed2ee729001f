using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Plans;

/// <summary>What a task says, trimmed, as it is written.</summary>
internal sealed record TaskValues(string Number, string? Section, string Content, string? ExpectedOutput, string? DeadlineText);

/// <summary>An agency of a task as it is written: an agency of the catalogue, or the plan's words.</summary>
internal sealed record AgencyValue(long? AgencyId, string? Name);

/// <summary>A deadline as it is written.</summary>
internal sealed record MilestoneValues(string? Label, DeadlineKind Kind, DateOnly? DueOn, int? Year);

/// <summary>A plan's tasks, their agencies, milestones and progress.</summary>
internal static class PlanTaskQueries
{
    private const string TaskColumns = "t.id, t.plan_id, t.number, t.section, t.content, t.expected_output, t.deadline_text, t.created_at, t.updated_at, t.version";

    /// <summary>The tasks of a plan, or the one task when <paramref name="taskId"/> is given.</summary>
    public static async Task<IReadOnlyList<PlanTaskRow>> Tasks(
        DbConnection connection, long planId, long? taskId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<PlanTaskRow>(new CommandDefinition(
            $"SELECT {TaskColumns} FROM plan_tasks t WHERE t.plan_id = @PlanId AND (@TaskId IS NULL OR t.id = @TaskId) ORDER BY t.id",
            new { PlanId = planId, TaskId = taskId }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>A task's agencies with the catalogue's name of each agency referred to, the plan's words otherwise; tasks are t.</summary>
    internal const string AgencySelect =
        """
        SELECT a.task_id, a.role, a.position, a.agency_id, COALESCE(g.name, a.name) AS name
        FROM plan_task_agencies a
        INNER JOIN plan_tasks t ON t.id = a.task_id
        LEFT JOIN agencies g ON g.id = a.agency_id
        """;

    /// <summary>The lead and coordinating agencies of a plan's tasks (or one task's), in order, named as the catalogue names them now.</summary>
    public static async Task<IReadOnlyList<TaskAgencyRow>> Agencies(
        DbConnection connection, long planId, long? taskId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<TaskAgencyRow>(new CommandDefinition(
            AgencySelect + " WHERE t.plan_id = @PlanId AND (@TaskId IS NULL OR t.id = @TaskId) ORDER BY a.task_id, a.role, a.position",
            new { PlanId = planId, TaskId = taskId }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>The milestones of a plan's tasks (or one task's) with their status on <paramref name="on"/> (views/0600_plan_milestones.sql).</summary>
    public static async Task<IReadOnlyList<MilestoneRow>> Milestones(
        DbConnection connection, long planId, long? taskId, DateOnly on, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<MilestoneRow>(new CommandDefinition(
            """
            SELECT m.id, m.task_id, m.position, m.label, m.deadline_kind, m.due_on, m.due_year, w.due_by, w.status, w.progress_id,
                   CASE WHEN w.progress_id IS NULL THEN NULL ELSE w.valid_from END AS status_on
            FROM plan_milestones m
            INNER JOIN milestone_status_windows w ON w.milestone_id = m.id AND w.valid_from <= @On AND (w.valid_to IS NULL OR w.valid_to > @On)
            WHERE w.plan_id = @PlanId AND (@TaskId IS NULL OR m.task_id = @TaskId)
            ORDER BY m.task_id, m.position
            """,
            new { PlanId = planId, TaskId = taskId, On = on }, transaction, cancellationToken: cancellationToken))).ToList();

    private const string ProgressColumns = "e.id, e.milestone_id, e.progress_on, e.status, e.decision_ref, e.link, e.notes, e.recorded_at, e.recorded_by";

    /// <summary>The progress entries of a plan's milestones (or one task's), oldest first as they take effect.</summary>
    public static async Task<IReadOnlyList<ProgressRow>> Progress(
        DbConnection connection, long planId, long? taskId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<ProgressRow>(new CommandDefinition(
            $"""
            SELECT {ProgressColumns}
            FROM milestone_progress e
            INNER JOIN plan_milestones m ON m.id = e.milestone_id
            INNER JOIN plan_tasks t ON t.id = m.task_id
            WHERE t.plan_id = @PlanId AND (@TaskId IS NULL OR t.id = @TaskId)
            ORDER BY e.milestone_id, e.progress_on, e.recorded_at, e.id
            """,
            new { PlanId = planId, TaskId = taskId }, transaction, cancellationToken: cancellationToken))).ToList();

    public static Task<ProgressRow?> FindProgress(DbConnection connection, long milestoneId, long entryId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ProgressRow>(new CommandDefinition(
            $"SELECT {ProgressColumns} FROM milestone_progress e WHERE e.milestone_id = @MilestoneId AND e.id = @EntryId",
            new { MilestoneId = milestoneId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The id of the plan's task with this number, case aside (2.b and 2.B are one number): SQL Server compares without case
    /// and SQLite with it, so the comparison is spelt out the same for both.
    /// </summary>
    public static Task<long?> IdOfNumber(DbConnection connection, DbTransaction transaction, long planId, string number, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT id FROM plan_tasks WHERE plan_id = @PlanId AND LOWER(number) = LOWER(@Number)",
            new { PlanId = planId, Number = new DbString { Value = number, Length = 40 } }, transaction, cancellationToken: cancellationToken));

    /// <summary>The numbers of the plan's tasks, to check an import's numbers and parents against.</summary>
    public static async Task<IReadOnlyList<string>> Numbers(DbConnection connection, DbTransaction transaction, long planId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT number FROM plan_tasks WHERE plan_id = @PlanId", new { PlanId = planId }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>How many tasks of the plan stand under <paramref name="number"/> (8.1 and 8.1.a under 8).</summary>
    public static Task<long> Children(DbConnection connection, DbTransaction transaction, long planId, string number, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM plan_tasks WHERE plan_id = @PlanId AND number LIKE @Prefix",
            new { PlanId = planId, Prefix = new DbString { Value = number + ".%", Length = 41 } }, transaction, cancellationToken: cancellationToken));

    /// <summary>How many progress entries the plan's milestones hold (or one task's): none, and the plan or task may be deleted.</summary>
    public static Task<long> ProgressCount(DbConnection connection, DbTransaction transaction, long planId, long? taskId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM milestone_progress e
            INNER JOIN plan_milestones m ON m.id = e.milestone_id
            INNER JOIN plan_tasks t ON t.id = m.task_id
            WHERE t.plan_id = @PlanId AND (@TaskId IS NULL OR t.id = @TaskId)
            """,
            new { PlanId = planId, TaskId = taskId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The milestones of a task that hold progress: they cannot be removed.</summary>
    public static async Task<IReadOnlyList<long>> MilestonesWithProgress(DbConnection connection, DbTransaction transaction, long taskId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT e.milestone_id FROM milestone_progress e INNER JOIN plan_milestones m ON m.id = e.milestone_id WHERE m.task_id = @TaskId",
            new { TaskId = taskId }, transaction, cancellationToken: cancellationToken))).ToList();

    public static Task<long> InsertTask(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long planId, TaskValues task, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO plan_tasks (plan_id, number, section, content, expected_output, deadline_text, created_at, updated_at, version)
            VALUES (@PlanId, @Number, @Section, @Content, @ExpectedOutput, @DeadlineText, @Now, @Now, 1);
            """ + dialect.SelectInsertedId,
            new { PlanId = planId, task.Number, task.Section, task.Content, task.ExpectedOutput, task.DeadlineText, Now = now },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> UpdateTask(
        DbConnection connection, DbTransaction transaction, long taskId, long expectedVersion, TaskValues task, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE plan_tasks SET number = @Number, section = @Section, content = @Content, expected_output = @ExpectedOutput, deadline_text = @DeadlineText,
                updated_at = @Now, version = version + 1
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new { Id = taskId, ExpectedVersion = expectedVersion, task.Number, task.Section, task.Content, task.ExpectedOutput, task.DeadlineText, Now = now },
            transaction, cancellationToken: cancellationToken));

    /// <summary>A change to a task's progress moves the task's version (its representation holds the progress); 0 when it moved on already.</summary>
    public static Task<int> Touch(DbConnection connection, DbTransaction transaction, long taskId, long expectedVersion, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plan_tasks SET updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = taskId, ExpectedVersion = expectedVersion, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Deletes a task without progress, with its agencies and milestones; 0 when its version moved on.</summary>
    public static async Task<int> DeleteTask(DbConnection connection, DbTransaction transaction, long taskId, long expectedVersion, CancellationToken cancellationToken)
    {
        var parameters = new { Id = taskId, ExpectedVersion = expectedVersion };
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM plan_milestones WHERE task_id = @Id", parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM plan_task_agencies WHERE task_id = @Id", parameters, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plan_tasks WHERE id = @Id AND version = @ExpectedVersion", parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Writes a task's lead and coordinating agencies anew, in the order given.</summary>
    public static async Task ReplaceAgencies(
        DbConnection connection, DbTransaction transaction, long taskId, IReadOnlyList<AgencyValue> lead, IReadOnlyList<AgencyValue> coordinating,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plan_task_agencies WHERE task_id = @TaskId", new { TaskId = taskId }, transaction, cancellationToken: cancellationToken));
        var rows = lead.Select((agency, index) => (Role: "lead", Position: index + 1, Agency: agency))
            .Concat(coordinating.Select((agency, index) => (Role: "coordinating", Position: index + 1, Agency: agency)))
            .Select(row => new { TaskId = taskId, row.Role, row.Position, row.Agency.AgencyId, row.Agency.Name })
            .ToList();
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO plan_task_agencies (task_id, role, position, agency_id, name) VALUES (@TaskId, @Role, @Position, @AgencyId, @Name)",
                rows, transaction, cancellationToken: cancellationToken));
        }
    }

    public static Task<long> InsertMilestone(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long taskId, int position, MilestoneValues milestone, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO plan_milestones (task_id, position, label, deadline_kind, due_on, due_year)
            VALUES (@TaskId, @Position, @Label, @Kind, @DueOn, @Year);
            """ + dialect.SelectInsertedId,
            new { TaskId = taskId, Position = position, milestone.Label, Kind = EnumText.Of(milestone.Kind), milestone.DueOn, milestone.Year },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> UpdateMilestone(
        DbConnection connection, DbTransaction transaction, long taskId, long milestoneId, int position, MilestoneValues milestone, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE plan_milestones SET position = @Position, label = @Label, deadline_kind = @Kind, due_on = @DueOn, due_year = @Year
            WHERE id = @Id AND task_id = @TaskId
            """,
            new { Id = milestoneId, TaskId = taskId, Position = position, milestone.Label, Kind = EnumText.Of(milestone.Kind), milestone.DueOn, milestone.Year },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Removes a milestone without progress (the database refuses one with progress: no cascade).</summary>
    public static Task<int> DeleteMilestone(DbConnection connection, DbTransaction transaction, long taskId, long milestoneId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plan_milestones WHERE id = @Id AND task_id = @TaskId", new { Id = milestoneId, TaskId = taskId }, transaction, cancellationToken: cancellationToken));

    public static Task<long> InsertProgress(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long milestoneId, ProgressInput input, string recordedBy, DateTime now,
        CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO milestone_progress (milestone_id, progress_on, status, decision_ref, link, notes, recorded_at, recorded_by)
            VALUES (@MilestoneId, @On, @Status, @DecisionRef, @Link, @Notes, @Now, @RecordedBy);
            """ + dialect.SelectInsertedId,
            new
            {
                MilestoneId = milestoneId,
                input.On,
                Status = EnumText.Of(input.Status!.Value),
                DecisionRef = PlanTaskWrites.Text(input.DecisionRef),
                Link = PlanTaskWrites.Text(input.Link),
                Notes = PlanTaskWrites.Text(input.Notes),
                Now = now,
                RecordedBy = recordedBy,
            },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> DeleteProgress(DbConnection connection, DbTransaction transaction, long milestoneId, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM milestone_progress WHERE id = @Id AND milestone_id = @MilestoneId", new { Id = entryId, MilestoneId = milestoneId }, transaction,
            cancellationToken: cancellationToken));
}
