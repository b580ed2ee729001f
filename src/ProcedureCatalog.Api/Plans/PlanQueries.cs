using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Plans;

/// <summary>The plans themselves; their tasks are in <see cref="PlanTaskQueries"/>.</summary>
internal static class PlanQueries
{
    private const string Select =
        "SELECT id, jurisdiction_code, program_code, number, issued_on, issuer, title, created_at, updated_at, version FROM plans";

    /// <summary>The plans of a jurisdiction and program (or all), newest first (those without a date last), then by id.</summary>
    public static async Task<IReadOnlyList<PlanRow>> List(DbConnection connection, string? jurisdiction, string? program, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PlanRow>(new CommandDefinition(
            Select + """
             WHERE (@Jurisdiction IS NULL OR jurisdiction_code = @Jurisdiction) AND (@Program IS NULL OR program_code = @Program)
             ORDER BY jurisdiction_code, CASE WHEN issued_on IS NULL THEN 1 ELSE 0 END, issued_on DESC, id
            """,
            new { Jurisdiction = new DbString { Value = jurisdiction, Length = 10 }, Program = new DbString { Value = program, Length = 40 } },
            cancellationToken: cancellationToken))).ToList();

    public static Task<PlanRow?> Find(DbConnection connection, long id, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(Select + " WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>The plan of the jurisdiction with this number and date, case aside (as SQL Server compares), for the 409 of a twin.</summary>
    public static Task<long?> IdOfNumber(
        DbConnection connection, DbTransaction transaction, string jurisdiction, string number, DateOnly issuedOn, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT id FROM plans WHERE jurisdiction_code = @Jurisdiction AND LOWER(number) = LOWER(@Number) AND issued_on = @IssuedOn",
            new { Jurisdiction = new DbString { Value = jurisdiction, Length = 10 }, Number = new DbString { Value = number, Length = 100 }, IssuedOn = issuedOn },
            transaction, cancellationToken: cancellationToken));

    public static Task<long> Insert(DbConnection connection, DbTransaction transaction, SqlDialect dialect, PlanCreate input, string program, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO plans (jurisdiction_code, program_code, number, issued_on, issuer, title, created_at, updated_at, version)
            VALUES (@Jurisdiction, @Program, @Number, @IssuedOn, @Issuer, @Title, @Now, @Now, 1);
            """ + dialect.SelectInsertedId,
            new { input.Jurisdiction, Program = program, Number = input.Number?.Trim(), input.IssuedOn, Issuer = input.Issuer.Trim(), Title = input.Title.Trim(), Now = now },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(
        DbConnection connection, DbTransaction transaction, long id, long expectedVersion, PlanUpdate input, string program, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE plans SET program_code = @Program, number = @Number, issued_on = @IssuedOn, issuer = @Issuer, title = @Title, updated_at = @Now, version = version + 1
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new { Id = id, ExpectedVersion = expectedVersion, Program = program, Number = input.Number?.Trim(), input.IssuedOn, Issuer = input.Issuer.Trim(), Title = input.Title.Trim(), Now = now },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Deletes a plan whose milestones have no progress, with its tasks, their agencies and milestones; 0 when the version moved on.</summary>
    public static async Task<int> Delete(DbConnection connection, DbTransaction transaction, long id, long expectedVersion, CancellationToken cancellationToken)
    {
        var parameters = new { Id = id, ExpectedVersion = expectedVersion };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plan_milestones WHERE task_id IN (SELECT t.id FROM plan_tasks t WHERE t.plan_id = @Id)", parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plan_task_agencies WHERE task_id IN (SELECT t.id FROM plan_tasks t WHERE t.plan_id = @Id)", parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM plan_tasks WHERE plan_id = @Id", parameters, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plans WHERE id = @Id AND version = @ExpectedVersion", parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>True when the program exists.</summary>
    public static async Task<bool> ProgramExists(DbConnection connection, DbTransaction transaction, string program, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM reduction_programs WHERE code = @Program", new { Program = new DbString { Value = program, Length = 40 } }, transaction,
            cancellationToken: cancellationToken)) > 0;

    /// <summary>
    /// The trail of a plan: its own changes and those of its tasks and their progress, whose keys start with the plan's id
    /// ("12", "12/40", "12/40/301"), so that it stays readable after a task or the plan is deleted.
    /// </summary>
    public static async Task<IReadOnlyList<Changes.ChangeRow>> Audit(
        DbConnection connection, SqlDialect dialect, long id, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Changes.ChangeRow>(new CommandDefinition(
            $"""
            SELECT {dialect.ChangePosition} AS position, {Changes.ChangeQueries.Columns}
            FROM changes
            WHERE entity IN ('plan', 'plan-task', 'milestone-progress') AND (entity_key = @Key OR entity_key LIKE @Prefix)
            ORDER BY id
            """,
            new
            {
                Key = new DbString { Value = PlanKeys.Plan(id), Length = 200 },
                Prefix = new DbString { Value = PlanKeys.Plan(id) + "/%", Length = 200 },
            },
            cancellationToken: cancellationToken))).ToList();
}

/// <summary>The keys of a plan's changes in the feed: the plan's id, then the task's, then the progress entry's.</summary>
internal static class PlanKeys
{
    public static string Plan(long planId) => planId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Task(long planId, long taskId) => FormattableString.Invariant($"{planId}/{taskId}");

    public static string Progress(long planId, long taskId, long entryId) => FormattableString.Invariant($"{planId}/{taskId}/{entryId}");
}
