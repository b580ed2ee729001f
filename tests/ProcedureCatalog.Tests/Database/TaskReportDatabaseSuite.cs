using Dapper;
using ProcedureCatalog.Api;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Plans;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// The task reports (Plans/TaskReportQueries.cs over views/0600_plan_milestones.sql) against a real database, on rows
/// computed by hand. One concrete class per provider runs it: SQLite always, SQL Server wherever Docker answers.
/// <para>
/// The plan of each test: task 1 (lead: an agency of the catalogue and "Các sở, ban, ngành") with M1 due 2026-06-30, in
/// progress 2026-05-01, done late 2026-07-10; M2 within 2026, nothing recorded; M3 ongoing, in progress 2026-01-01. Task 2
/// (lead "UBND cấp xã") with M4 due 2026-11-30, done 2026-11-20, reopened (in progress) 2026-12-05. Task 2.1 with M5 due
/// 2026-11-15, on 2026-11-10 first recorded done then, later the same day, in progress (the later one stands), done
/// 2026-11-25. Task 3 with M6 due 2026-12-10, not started 2026-09-01.
/// </para>
/// </summary>
public abstract class TaskReportDatabaseSuite<TTarget>(TTarget target) where TTarget : IDatabaseTarget
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private CatalogDatabase Ready()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        Targets.Migrator(target.Database).Migrate();
        return target.Database;
    }

    private sealed record Plan(long Id, IReadOnlyDictionary<string, long> Milestones, long AgencyId);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The plan of the class comment, in jurisdiction <paramref name="jurisdiction"/>.</summary>
    private async Task<Plan> NewPlan(CatalogDatabase database, string jurisdiction)
    {
        await using var connection = await database.OpenAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        var dialect = database.Dialect;
        if (await JurisdictionQueries.Find(connection, jurisdiction, Cancel, transaction) is null)
        {
            await JurisdictionQueries.Insert(connection, transaction, new JurisdictionCreate(jurisdiction, $"Tỉnh {jurisdiction}", JurisdictionLevel.Province), Now, Cancel);
            await AgencyQueries.Insert(connection, transaction, dialect, new AgencyCreate(jurisdiction, $"Sở Tài chính tỉnh {jurisdiction}"), Now, Cancel);
        }

        var agencyId = (await AgencyQueries.IdOfName(connection, transaction, jurisdiction, $"Sở Tài chính tỉnh {jurisdiction}", Cancel))!.Value;
        var planId = await PlanQueries.Insert(connection, transaction, dialect,
            new PlanCreate(jurisdiction, null, null, "UBND tỉnh", "Kế hoạch thử", null), "resolution-66", Now, Cancel);
        var milestones = new Dictionary<string, long>(StringComparer.Ordinal);
        var recordedAt = Now;

        async Task<long> Task(string number, AgencyValue[] lead, params (string Name, MilestoneValues Values)[] deadlines)
        {
            var taskId = await PlanTaskQueries.InsertTask(connection, transaction, dialect, planId, new TaskValues(number, null, $"Nhiệm vụ {number}", null, null), Now, Cancel);
            await PlanTaskQueries.ReplaceAgencies(connection, transaction, taskId, lead, [], Cancel);
            foreach (var (deadline, index) in deadlines.Select((deadline, index) => (deadline, index)))
            {
                milestones[deadline.Name] = await PlanTaskQueries.InsertMilestone(connection, transaction, dialect, taskId, index + 1, deadline.Values, Cancel);
            }

            return taskId;
        }

        async System.Threading.Tasks.Task Progress(string milestone, string on, ProgressStatus status)
        {
            recordedAt = recordedAt.AddSeconds(1);
            await PlanTaskQueries.InsertProgress(connection, transaction, dialect, milestones[milestone],
                new ProgressInput(Day(on), status, status == ProgressStatus.Done ? $"{milestone}/QĐ-UBND" : null, null, null), "tests", recordedAt, Cancel);
        }

        await Task("1", [new AgencyValue(agencyId, null), new AgencyValue(null, "Các sở, ban, ngành")],
            ("M1", new MilestoneValues(null, DeadlineKind.Date, Day("2026-06-30"), null)),
            ("M2", new MilestoneValues("năm 2026", DeadlineKind.Year, null, 2026)),
            ("M3", new MilestoneValues(null, DeadlineKind.Ongoing, null, null)));
        await Task("2", [new AgencyValue(null, "UBND cấp xã")], ("M4", new MilestoneValues(null, DeadlineKind.Date, Day("2026-11-30"), null)));
        await Task("2.1", [], ("M5", new MilestoneValues(null, DeadlineKind.Date, Day("2026-11-15"), null)));
        await Task("3", [], ("M6", new MilestoneValues(null, DeadlineKind.Date, Day("2026-12-10"), null)));

        // Recorded out of date order on purpose: the dates decide, and on the same date the one recorded last.
        await Progress("M1", "2026-07-10", ProgressStatus.Done);
        await Progress("M1", "2026-05-01", ProgressStatus.InProgress);
        await Progress("M3", "2026-01-01", ProgressStatus.InProgress);
        await Progress("M4", "2026-11-20", ProgressStatus.Done);
        await Progress("M4", "2026-12-05", ProgressStatus.InProgress);
        await Progress("M5", "2026-11-10", ProgressStatus.Done);
        await Progress("M5", "2026-11-10", ProgressStatus.InProgress);
        await Progress("M5", "2026-11-25", ProgressStatus.Done);
        await Progress("M6", "2026-09-01", ProgressStatus.NotStarted);
        await transaction.CommitAsync(Cancel);
        return new Plan(planId, milestones, agencyId);
    }

    private static string[] Names(Plan plan, IEnumerable<MilestoneStatusRow> rows) =>
        rows.Select(row => plan.Milestones.Single(entry => entry.Value == row.Id).Key).ToArray();

    [Theory]
    [InlineData("2026-06-30")]
    [InlineData("2026-07-10")]
    [InlineData("2026-07-01", "M1")]
    [InlineData("2026-11-16", "M5")]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-06", "M4")]
    [InlineData("2027-01-01", "M2", "M4", "M6")]
    public async Task OverdueOnADateAreTheMilestonesNotDoneThenWhoseDeadlineIsBefore(string on, params string[] expected)
    {
        var database = Ready();
        var plan = await NewPlan(database, "92");
        await using var connection = await database.OpenAsync(Cancel);
        Assert.Equal(expected, Names(plan, await TaskReportQueries.OverdueOn(connection, new TaskScope(PlanId: plan.Id), Day(on), Cancel)));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-30", "M4", "M5")]
    [InlineData("2026-11-21", "2026-12-31", "M2", "M6")]
    [InlineData("2026-12-11", "2026-12-30")]
    public async Task DueInAPeriodAreTheMilestonesNotDoneOnItsFirstDayDueOnOneOfItsDays(string from, string to, params string[] expected)
    {
        var database = Ready();
        var plan = await NewPlan(database, "92");
        await using var connection = await database.OpenAsync(Cancel);
        Assert.Equal(expected, Names(plan, await TaskReportQueries.DueBetween(connection, new TaskScope(PlanId: plan.Id), Day(from), Day(to), Cancel)));
    }

    [Theory]
    [InlineData("2026-07-01", "2026-07-31", "M1")]
    [InlineData("2026-11-01", "2026-11-30", "M4", "M5")]
    [InlineData("2026-12-01", "2026-12-31")]
    [InlineData("2026-11-21", "2026-11-24")]
    public async Task DoneInAPeriodAreTheMilestonesDoneOnItsLastDayByAnEntryOfThePeriod(string from, string to, params string[] expected)
    {
        var database = Ready();
        var plan = await NewPlan(database, "92");
        await using var connection = await database.OpenAsync(Cancel);
        Assert.Equal(expected, Names(plan, await TaskReportQueries.DoneBetween(connection, new TaskScope(PlanId: plan.Id), Day(from), Day(to), Cancel)));
    }

    [Fact]
    public async Task AReportRowCarriesTheDeadlineTheStatusAndTheEvidenceInForce()
    {
        var database = Ready();
        var plan = await NewPlan(database, "92");
        await using var connection = await database.OpenAsync(Cancel);
        var done = await TaskReportQueries.DoneBetween(connection, new TaskScope(PlanId: plan.Id), Day("2026-11-01"), Day("2026-11-30"), Cancel);
        Assert.Equal(
            [("2", "date", Day("2026-11-30"), "done", Day("2026-11-20"), "M4/QĐ-UBND"), ("2.1", "date", Day("2026-11-15"), "done", Day("2026-11-25"), "M5/QĐ-UBND")],
            done.Select(row => (row.TaskNumber, row.DeadlineKind, row.DueBy!.Value, row.Status, row.StatusOn!.Value, row.DecisionRef!)).ToArray());
        var overdue = await TaskReportQueries.OverdueOn(connection, new TaskScope(PlanId: plan.Id), Day("2027-01-01"), Cancel);
        Assert.Equal(
            [("1", "year", (int?)2026, Day("2026-12-31"), "not-started", (DateOnly?)null), ("2", "date", null, Day("2026-11-30"), "in-progress", Day("2026-12-05")),
             ("3", "date", null, Day("2026-12-10"), "not-started", Day("2026-09-01"))],
            overdue.Select(row => (row.TaskNumber, row.DeadlineKind, row.DueYear, row.DueBy!.Value, row.Status, row.StatusOn)).ToArray());
        Assert.Equal("năm 2026", overdue[0].Label);
    }

    [Fact]
    public async Task LeadAgenciesAreNamedByTheCatalogueOrByThePlanInTheirOrder()
    {
        var database = Ready();
        var plan = await NewPlan(database, "92");
        await using var connection = await database.OpenAsync(Cancel);
        var leads = await TaskReportQueries.LeadAgencies(connection, new TaskScope(PlanId: plan.Id), Cancel);
        Assert.Equal([((long?)plan.AgencyId, "Sở Tài chính tỉnh 92", 1), (null, "Các sở, ban, ngành", 2), (null, "UBND cấp xã", 1)],
            leads.Select(lead => (lead.AgencyId, lead.Name, lead.Position)).ToArray());
        Assert.All(leads, lead => Assert.Equal("lead", lead.Role));
    }

    [Fact]
    public async Task AReportCoversItsJurisdictionOrItsPlanOnly()
    {
        var database = Ready();
        var canTho = await NewPlan(database, "92");
        var dienBien = await NewPlan(database, "11");
        await using var connection = await database.OpenAsync(Cancel);
        var on = Day("2026-07-01");
        var ofDienBien = await TaskReportQueries.OverdueOn(connection, new TaskScope("11"), on, Cancel);
        Assert.Contains(ofDienBien, row => row.Id == dienBien.Milestones["M1"]);
        Assert.All(ofDienBien, row => Assert.Equal("11", row.JurisdictionCode));
        Assert.DoesNotContain(ofDienBien, row => row.PlanId == canTho.Id);
        var everywhere = await TaskReportQueries.OverdueOn(connection, new TaskScope(), on, Cancel);
        Assert.Contains(everywhere, row => row.Id == canTho.Milestones["M1"]);
        Assert.Contains(everywhere, row => row.Id == dienBien.Milestones["M1"]);
    }

    [Fact]
    public async Task TheStatusOfATasksMilestonesOnADateComesFromTheSameWindows()
    {
        var database = Ready();
        var plan = await NewPlan(database, "92");
        await using var connection = await database.OpenAsync(Cancel);
        var status = async (string on) => (await PlanTaskQueries.Milestones(connection, plan.Id, null, Day(on), Cancel))
            .ToDictionary(row => plan.Milestones.Single(entry => entry.Value == row.Id).Key, row => (row.Status, row.StatusOn));
        Assert.Equal(("not-started", (DateOnly?)null), (await status("2026-11-09"))["M5"]);
        Assert.Equal(("in-progress", (DateOnly?)Day("2026-11-10")), (await status("2026-11-10"))["M5"]);
        Assert.Equal(("done", (DateOnly?)Day("2026-11-25")), (await status("2026-12-31"))["M5"]);
        Assert.Equal(("in-progress", (DateOnly?)Day("2026-05-01")), (await status("2026-07-09"))["M1"]);
        Assert.Equal(("not-started", (DateOnly?)null), (await status("2026-12-31"))["M2"]);
    }

    [Fact]
    public async Task TheDatabaseRefusesDoneWithoutEvidenceAMilestoneWithProgressGoneAndATwinPlan()
    {
        var database = Ready();
        var plan = await NewPlan(database, "92");
        await using var connection = await database.OpenAsync(Cancel);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO milestone_progress (milestone_id, progress_on, status, recorded_at, recorded_by) VALUES (@Id, @On, 'done', @Now, 'tests')",
            new { Id = plan.Milestones["M2"], On = Day("2026-11-01"), Now }));
        var orphan = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "DELETE FROM plan_milestones WHERE id = @Id", new { Id = plan.Milestones["M1"] }));
        Assert.True(database.Dialect.IsForeignKeyViolation(orphan), orphan.Message);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "UPDATE plans SET number = '1/KH-UBND' WHERE id = @Id", new { plan.Id }));

        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        var number = $"{plan.Id}/KH-UBND";
        await PlanQueries.Insert(connection, transaction, database.Dialect, new PlanCreate("92", number, Day("2025-09-03"), "UBND", "Một", null), "resolution-66", Now, Cancel);
        var twin = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => PlanQueries.Insert(
            connection, transaction, database.Dialect, new PlanCreate("92", number, Day("2025-09-03"), "UBND", "Hai", null), "resolution-66", Now, Cancel));
        Assert.True(database.Dialect.IsUniqueViolation(twin), twin.Message);
    }

    [Fact]
    public async Task TheSamplesNovemberOfCanThoHasTasksDoneAndOverdue()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        var json = new Microsoft.AspNetCore.Http.Json.JsonOptions();
        CatalogSetup.Configure(json.SerializerOptions);
        json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
        Assert.True(await new ProcedureCatalog.Api.SampleData.SampleCatalogue(database, Microsoft.Extensions.Options.Options.Create(json), new CatalogClock(TimeProvider.System),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ProcedureCatalog.Api.SampleData.SampleCatalogue>.Instance).SeedIfEmptyAsync(Cancel));

        await using var connection = await database.OpenAsync(Cancel);
        var canTho = new TaskScope("92");
        Assert.Equal([("5", Day("2025-08-30")), ("9.2", Day("2025-08-31"))],
            (await TaskReportQueries.OverdueOn(connection, canTho, Day("2026-11-22"), Cancel)).Select(row => (row.TaskNumber, row.DueBy!.Value)).ToArray());
        Assert.Equal([("2", "2310/QĐ-UBND", Day("2026-11-10")), ("6", "2385/QĐ-UBND", Day("2026-11-18")), ("8.1", "2295/QĐ-UBND", Day("2026-11-05"))],
            (await TaskReportQueries.DoneBetween(connection, canTho, Day("2026-10-23"), Day("2026-11-22"), Cancel)).Select(row => (row.TaskNumber, row.DecisionRef!, row.StatusOn!.Value)).ToArray());
        Assert.Equal([("8.1", "TTHC còn lại")],
            (await TaskReportQueries.DueBetween(connection, canTho, Day("2026-12-22"), Day("2027-01-21"), Cancel)).Select(row => (row.TaskNumber, row.Label!)).ToArray());
        Assert.Equal(["1.i", "2.b.ii"],
            (await TaskReportQueries.OverdueOn(connection, new TaskScope("11"), Day("2026-11-22"), Cancel)).Select(row => row.TaskNumber).ToArray());
    }
}
