using System.Net;
using System.Net.Http.Headers;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Plans, their tasks and the progress of each milestone, over the API, on the sample catalogue.</summary>
public sealed class PlanApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Tag(long id, long version) => HttpAssertions.Tag(id, version);

    private async Task<long> AgencyOf(string jurisdiction, string name) =>
        (await (await client.Get($"/api/v1/agencies?jurisdiction={jurisdiction}")).ReadAs<List<Agency>>(HttpStatusCode.OK)).Single(agency => agency.Name == name).Id;

    private static PlanTaskInput Task(string number, IReadOnlyList<AgencyReference>? lead = null, params MilestoneInput[] milestones) =>
        new(number, "I. Cắt giảm, đơn giản hóa TTHC", $"Nhiệm vụ {number}", lead, [new AgencyReference(null, "UBND cấp xã")], null, milestones, "Quyết định công bố TTHC");

    private static MilestoneInput OnDate(int year, int month, int day, long? id = null) => new(id, DeadlineKind.Date, new DateOnly(year, month, day), null, null);

    private async Task<PlanTask> AddTask(long planId, PlanTaskInput input) =>
        await (await client.PostJson($"/api/v1/plans/{planId}/tasks", input)).ReadAs<PlanTask>(HttpStatusCode.Created);

    private Task<HttpResponseMessage> Record(PlanTask task, long milestoneId, ProgressInput input, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/{task.PlanId}/tasks/{task.Id}/milestones/{milestoneId}/progress")
        {
            Content = System.Net.Http.Json.JsonContent.Create(input, options: CatalogApiFactory.Json),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Cancel);
    }

    private async Task<PlanTask> Read(PlanTask task) =>
        await (await client.Get($"/api/v1/plans/{task.PlanId}/tasks/{task.Id}")).ReadAs<PlanTask>(HttpStatusCode.OK);

    [Fact]
    public async Task APlanIsCreatedReadChangedAndDeletedUnderItsETag()
    {
        var response = await client.PostJson("/api/v1/plans", new PlanCreate("92", "812/KH-UBND", new DateOnly(2026, 2, 1), " UBND thành phố Cần Thơ ", "Kế hoạch kiểm soát TTHC năm 2026", null));
        var plan = await response.ReadAs<Plan>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/plans/{plan.Id}", response.Headers.Location?.ToString());
        Assert.Equal(Tag(plan.Id, 1), response.Headers.ETag?.ToString());
        Assert.Equal(("92", "resolution-66", "812/KH-UBND", "UBND thành phố Cần Thơ", 1L), (plan.Jurisdiction, plan.Program, plan.Number, plan.Issuer, plan.Version));

        var read = await client.Get($"/api/v1/plans/{plan.Id}");
        Assert.Equal(plan, await read.ReadAs<Plan>(HttpStatusCode.OK));
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/plans/{plan.Id}");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{plan.Id}-1\""));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional, Cancel)).StatusCode);

        var update = new PlanUpdate("812/KH-UBND", new DateOnly(2026, 2, 1), "UBND thành phố Cần Thơ", "Kế hoạch kiểm soát TTHC năm 2026 (sửa đổi)", "resolution-66");
        await (await client.PutJson($"/api/v1/plans/{plan.Id}", update)).Problem(HttpStatusCode.PreconditionRequired);
        await (await client.PutJson($"/api/v1/plans/{plan.Id}", update, Tag(plan.Id, 7))).Problem(HttpStatusCode.PreconditionFailed);
        var changed = await (await client.PutJson($"/api/v1/plans/{plan.Id}", update, Tag(plan.Id, 1))).ReadAs<Plan>(HttpStatusCode.OK);
        Assert.Equal(("Kế hoạch kiểm soát TTHC năm 2026 (sửa đổi)", 2L, "92"), (changed.Title, changed.Version, changed.Jurisdiction));
        await (await client.PutJson($"/api/v1/plans/{plan.Id}", update, Tag(plan.Id, 1))).Problem(HttpStatusCode.PreconditionFailed);

        Assert.Contains(await (await client.Get("/api/v1/plans?jurisdiction=92")).ReadAs<List<Plan>>(HttpStatusCode.OK), item => item.Id == plan.Id);
        Assert.DoesNotContain(await (await client.Get("/api/v1/plans?jurisdiction=11")).ReadAs<List<Plan>>(HttpStatusCode.OK), item => item.Id == plan.Id);

        await (await client.Delete($"/api/v1/plans/{plan.Id}", null)).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"/api/v1/plans/{plan.Id}", Tag(plan.Id, 2))).StatusCode);
        await (await client.Get($"/api/v1/plans/{plan.Id}")).Problem(HttpStatusCode.NotFound);

        // Ids are never given out again: the next plan's id is past the deleted one's.
        var next = await client.NewPlan();
        Assert.True(next.Id > plan.Id);
    }

    [Fact]
    public async Task APlansNumberGoesWithItsDateAndIsUniqueInItsJurisdiction()
    {
        var errors = await (await client.PostJson("/api/v1/plans", new PlanCreate("92", "56/KH-UBND", null, "UBND", "Thiếu ngày", null))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["issuedOn"], errors.Keys);
        errors = await (await client.PostJson("/api/v1/plans", new PlanCreate("92", null, new DateOnly(2025, 9, 3), "UBND", "Thiếu số", null))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["number"], errors.Keys);
        errors = await (await client.PostJson("/api/v1/plans", new PlanCreate("Cần Thơ", null, null, "", "Sai", "Nghị quyết 66"))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["issuer", "jurisdiction", "program"], errors.Keys.Order(StringComparer.Ordinal).ToArray());

        await (await client.PostJson("/api/v1/plans", new PlanCreate("92", "56/KH-UBND", new DateOnly(2025, 9, 3), "UBND", "Trùng", null))).Problem(HttpStatusCode.Conflict);
        // The same number of another year, or of another jurisdiction, is another plan.
        await (await client.PostJson("/api/v1/plans", new PlanCreate("92", "56/KH-UBND", new DateOnly(2026, 9, 3), "UBND", "Năm sau", null))).ReadAs<Plan>(HttpStatusCode.Created);
        await (await client.PostJson("/api/v1/plans", new PlanCreate("11", "56/KH-UBND", new DateOnly(2025, 9, 3), "UBND", "Nơi khác", null))).ReadAs<Plan>(HttpStatusCode.Created);

        errors = await (await client.PostJson("/api/v1/plans", new PlanCreate("77", null, null, "UBND", "Không có tỉnh", "resolution-99"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["jurisdiction", "program"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        await (await client.Get("/api/v1/plans?jurisdiction=Cần%20Thơ")).Problem(HttpStatusCode.BadRequest);
        await (await client.Get("/api/v1/plans/424242")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEditorKeyWritesThePlansOfItsOwnJurisdictionOnly()
    {
        var dienBien = factory.ClientWithKey(factory.CreateKey("Điện Biên one-stop (plans)", ApiKeyRole.Editor, "11"));
        var canTho = await client.NewPlan("92");
        var task = await AddTask(canTho.Id, Task("1", null, OnDate(2026, 6, 30)));

        await (await dienBien.PostJson("/api/v1/plans", new PlanCreate("92", null, null, "UBND", "Của Cần Thơ", null))).Problem(HttpStatusCode.Forbidden);
        await (await dienBien.PutJson($"/api/v1/plans/{canTho.Id}", new PlanUpdate(null, null, "UBND", "Đổi", null), Tag(canTho.Id, 1))).Problem(HttpStatusCode.Forbidden);
        await (await dienBien.PostJson($"/api/v1/plans/{canTho.Id}/tasks", Task("2"))).Problem(HttpStatusCode.Forbidden);
        await (await dienBien.PostJson($"/api/v1/plans/{canTho.Id}/tasks/{task.Id}/milestones/{task.Milestones[0].Id}/progress",
            new ProgressInput(new DateOnly(2026, 6, 1), ProgressStatus.InProgress, null, null, null))).Problem(HttpStatusCode.Forbidden);
        await (await dienBien.PostAnnex(canTho.Id, PlanRequests.Annex("2,Nhiệm vụ,,,,"))).Problem(HttpStatusCode.Forbidden);
        await (await factory.ClientWithKey(null).PostJson("/api/v1/plans", new PlanCreate("11", null, null, "UBND", "Không có khoá", null))).Problem(HttpStatusCode.Unauthorized);
        Assert.Single(await client.Tasks(canTho.Id));

        // Its own jurisdiction it writes; reading needs no key.
        var own = await (await dienBien.PostJson("/api/v1/plans", new PlanCreate("11", null, null, "UBND thành phố Điện Biên Phủ", "Kế hoạch của Điện Biên", null)))
            .ReadAs<Plan>(HttpStatusCode.Created);
        await (await dienBien.PostJson($"/api/v1/plans/{own.Id}/tasks", Task("1"))).ReadAs<PlanTask>(HttpStatusCode.Created);
        Assert.Single(await factory.ClientWithKey(null).Tasks(own.Id));
    }

    [Fact]
    public async Task ATaskIsAddedWithItsAgenciesAndMilestonesChangedAndRemoved()
    {
        var plan = await client.NewPlan();
        var finance = await AgencyOf("92", "Sở Tài chính thành phố Cần Thơ");
        var response = await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", new PlanTaskInput(
            "8", " III. Thực hiện TTHC không phụ thuộc vào địa giới hành chính ", "Đẩy mạnh cung cấp TTHC trên môi trường điện tử",
            [new AgencyReference(finance, null), new AgencyReference(null, " Các sở, ban, ngành thành phố ")], [], "Trong năm 2025; thường xuyên",
            [new MilestoneInput(null, DeadlineKind.Year, null, 2025, "năm 2025"), new MilestoneInput(null, DeadlineKind.Ongoing, null, null, null)], null));
        var task = await response.ReadAs<PlanTask>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", response.Headers.Location?.ToString());
        Assert.Equal(Tag(task.Id, 1), response.Headers.ETag?.ToString());
        Assert.Equal(("8", (string?)null, "III. Thực hiện TTHC không phụ thuộc vào địa giới hành chính", "Trong năm 2025; thường xuyên"),
            (task.Number, task.ParentNumber, task.Section, task.DeadlineText));
        Assert.Equal([new AgencyReference(finance, "Sở Tài chính thành phố Cần Thơ"), new AgencyReference(null, "Các sở, ban, ngành thành phố")], task.LeadAgencies);
        Assert.Empty(task.CoordinatingAgencies);
        Assert.Equal([(DeadlineKind.Year, (int?)2025, (DateOnly?)new DateOnly(2025, 12, 31), "năm 2025"), (DeadlineKind.Ongoing, null, null, null)],
            task.Milestones.Select(milestone => (milestone.Kind, milestone.Year, milestone.DueBy, milestone.Label)).ToArray());
        Assert.All(task.Milestones, milestone => Assert.Equal((ProgressStatus.NotStarted, (DateOnly?)null), (milestone.Status, milestone.StatusOn)));

        var under = await AddTask(plan.Id, Task("8.1", null, OnDate(2025, 11, 30)));
        Assert.Equal("8", under.ParentNumber);
        var tenth = await AddTask(plan.Id, Task("10"));
        Assert.Equal(["8", "8.1", "10"], (await client.Tasks(plan.Id)).Select(item => item.Number).ToArray());

        // Changed: the kept milestone keeps its id, a new one is added, the ongoing one (left out) is removed.
        var change = Task("8", [new AgencyReference(finance, null)], new MilestoneInput(task.Milestones[0].Id, DeadlineKind.Date, new DateOnly(2025, 12, 15), null, null),
            OnDate(2026, 6, 30));
        await (await client.PutJson($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", change)).Problem(HttpStatusCode.PreconditionRequired);
        var changed = await (await client.PutJson($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", change, Tag(task.Id, 1))).ReadAs<PlanTask>(HttpStatusCode.OK);
        Assert.Equal(2, changed.Version);
        Assert.Equal([(task.Milestones[0].Id, (DateOnly?)new DateOnly(2025, 12, 15)), (changed.Milestones[1].Id, new DateOnly(2026, 6, 30))],
            changed.Milestones.Select(milestone => (milestone.Id, milestone.DueOn)).ToArray());
        Assert.True(changed.Milestones[1].Id > under.Milestones[0].Id);
        Assert.Equal([new AgencyReference(null, "UBND cấp xã")], changed.CoordinatingAgencies);
        await (await client.PutJson($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", change, Tag(task.Id, 1))).Problem(HttpStatusCode.PreconditionFailed);

        // A task with tasks under it keeps its number and stays; one without goes.
        await (await client.PutJson($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", Task("9"), Tag(task.Id, 2))).Problem(HttpStatusCode.Conflict);
        await (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", Tag(task.Id, 2))).Problem(HttpStatusCode.Conflict);
        await (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{under.Id}", null)).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{under.Id}", Tag(under.Id, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", Tag(task.Id, 2))).StatusCode);
        await (await client.Get($"/api/v1/plans/{plan.Id}/tasks/{task.Id}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal([tenth.Id], (await client.Tasks(plan.Id)).Select(item => item.Id).ToArray());
    }

    [Fact]
    public async Task ATaskRefusesWhatDoesNotFitNamingTheField()
    {
        var plan = await client.NewPlan();
        var dienBienFinance = await AgencyOf("11", "Sở Tài chính tỉnh Điện Biên");
        await AddTask(plan.Id, Task("1"));

        var errors = await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", new PlanTaskInput(
            "1,1", null, "", [new AgencyReference(7, "Sở Tài chính")], [new AgencyReference(null, " ")], null,
            [new MilestoneInput(null, DeadlineKind.Date, null, 2025, null), new MilestoneInput(null, DeadlineKind.Ongoing, new DateOnly(2025, 1, 1), null, null)], null)))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("number", errors.Keys);
        Assert.Contains("content", errors.Keys);

        errors = await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", new PlanTaskInput(
            "2", null, "Nhiệm vụ", [new AgencyReference(7, "Sở Tài chính")], [new AgencyReference(null, " ")], null,
            [new MilestoneInput(null, DeadlineKind.Date, null, 2025, null), new MilestoneInput(null, DeadlineKind.Ongoing, new DateOnly(2025, 1, 1), null, null)], null)))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["coordinatingAgencies[0]", "leadAgencies[0]", "milestones[0].dueOn", "milestones[0].year", "milestones[1].kind"],
            errors.Keys.Order(StringComparer.Ordinal).ToArray());
        errors = await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", Task("3") with { Milestones = [new MilestoneInput(null, null, null, null, null)] }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains(errors.Keys, key => key.EndsWith("kind", StringComparison.OrdinalIgnoreCase));

        await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", Task("1"))).Problem(HttpStatusCode.Conflict);
        // Numbers are one whatever their case, on every engine.
        var lettered = await AddTask(plan.Id, Task("1.a"));
        await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", Task("1.A"))).Problem(HttpStatusCode.Conflict);
        Assert.Equal("1.A", (await (await client.PutJson($"/api/v1/plans/{plan.Id}/tasks/{lettered.Id}", Task("1.A"), Tag(lettered.Id, 1))).ReadAs<PlanTask>(HttpStatusCode.OK)).Number);
        errors = await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", Task("2.1"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["number"], errors.Keys);
        errors = await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks", Task("2", [new AgencyReference(dienBienFinance, null)], OnDate(2025, 8, 30, id: 1))))
            .Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["leadAgencies[0].agencyId", "milestones[0].id"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        await (await client.PostJson("/api/v1/plans/424242/tasks", Task("1"))).Problem(HttpStatusCode.NotFound);
        await (await client.Get($"/api/v1/plans/{plan.Id}/tasks/424242")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(["1", "1.A"], (await client.Tasks(plan.Id)).Select(task => task.Number).ToArray());
    }

    [Fact]
    public async Task ProgressIsADatedHistoryWhoseLatestEntryGivesTheStatusAndMovesTheTasksVersion()
    {
        var plan = await client.NewPlan();
        var task = await AddTask(plan.Id, Task("1", null, OnDate(2025, 8, 30), OnDate(2026, 8, 30)));
        var (first, second) = (task.Milestones[0].Id, task.Milestones[1].Id);

        var response = await Record(task, first, new ProgressInput(new DateOnly(2025, 7, 1), ProgressStatus.InProgress, null, null, "Đang rà soát."));
        var started = await response.ReadAs<ProgressEntry>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/plans/{plan.Id}/tasks/{task.Id}/milestones/{first}/progress/{started.Id}", response.Headers.Location?.ToString());
        Assert.Equal((ProgressStatus.InProgress, "tests-admin", "Đang rà soát."), (started.Status, started.RecordedBy, started.Notes));

        // If-Match is checked when sent: the ETag read before the first entry is stale now.
        await (await Record(task, first, new ProgressInput(new DateOnly(2025, 8, 20), ProgressStatus.Done, "1452/QĐ-UBND", null, null), Tag(task.Id, 1)))
            .Problem(HttpStatusCode.PreconditionFailed);
        var done = await (await Record(task, first, new ProgressInput(new DateOnly(2025, 8, 20), ProgressStatus.Done, "1452/QĐ-UBND", null, null), Tag(task.Id, 2)))
            .ReadAs<ProgressEntry>(HttpStatusCode.Created);
        // An entry recorded later with an earlier date does not supersede the later date.
        await (await Record(task, first, new ProgressInput(new DateOnly(2025, 8, 1), ProgressStatus.InProgress, null, null, null))).ReadAs<ProgressEntry>(HttpStatusCode.Created);
        await (await Record(task, second, new ProgressInput(new DateOnly(2026, 3, 1), ProgressStatus.Done, null, "https://example.org/van-ban/2310", null)))
            .ReadAs<ProgressEntry>(HttpStatusCode.Created);
        // On the same day, the one recorded last stands.
        await (await Record(task, second, new ProgressInput(new DateOnly(2026, 3, 1), ProgressStatus.InProgress, null, null, "Mở lại."))).ReadAs<ProgressEntry>(HttpStatusCode.Created);

        var read = await client.Get($"/api/v1/plans/{plan.Id}/tasks/{task.Id}");
        var now = await read.ReadAs<PlanTask>(HttpStatusCode.OK);
        Assert.Equal(Tag(task.Id, 6), read.Headers.ETag?.ToString());
        Assert.Equal([(ProgressStatus.Done, (DateOnly?)new DateOnly(2025, 8, 20)), (ProgressStatus.InProgress, new DateOnly(2026, 3, 1))],
            now.Milestones.Select(milestone => (milestone.Status, milestone.StatusOn)).ToArray());
        Assert.Equal([new DateOnly(2025, 7, 1), new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 20)], now.Milestones[0].Progress.Select(entry => entry.On).ToArray());
        var listed = await (await client.Get($"/api/v1/plans/{plan.Id}/tasks/{task.Id}/milestones/{first}/progress")).ReadAs<List<ProgressEntry>>(HttpStatusCode.OK);
        Assert.Equal(now.Milestones[0].Progress, listed);
        Assert.Equal("1452/QĐ-UBND", listed[^1].DecisionRef);

        // An entry recorded by mistake is removed under the task's ETag; the status falls back to the one before.
        await (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{task.Id}/milestones/{first}/progress/{done.Id}", null)).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{task.Id}/milestones/{first}/progress/{done.Id}", Tag(task.Id, 6))).StatusCode);
        Assert.Equal((ProgressStatus.InProgress, 7L), ((await Read(task)).Milestones[0].Status, (await Read(task)).Version));
        await (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{task.Id}/milestones/{first}/progress/{done.Id}", Tag(task.Id, 7))).Problem(HttpStatusCode.NotFound);
        await (await client.Get($"/api/v1/plans/{plan.Id}/tasks/{task.Id}/milestones/424242/progress")).Problem(HttpStatusCode.NotFound);
        await (await Record(task, 424242, new ProgressInput(new DateOnly(2025, 7, 1), ProgressStatus.InProgress, null, null, null))).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProgressRefusesDoneWithoutEvidenceALinkThatIsNoAddressAndADateAhead()
    {
        var plan = await client.NewPlan();
        var task = await AddTask(plan.Id, Task("1", null, OnDate(2025, 8, 30)));
        var milestone = task.Milestones[0].Id;
        var errors = await (await Record(task, milestone, new ProgressInput(new DateOnly(2025, 8, 1), ProgressStatus.Done, " ", null, null))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["decisionRef"], errors.Keys);
        errors = await (await Record(task, milestone, new ProgressInput(new DateOnly(2025, 8, 1), ProgressStatus.Done, null, "thutuc.cantho.gov.vn/2310", null)))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["link"], errors.Keys);
        errors = await (await Record(task, milestone, new ProgressInput(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), ProgressStatus.InProgress, null, null, null)))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["on"], errors.Keys);
        errors = await (await client.PostRaw($"/api/v1/plans/{plan.Id}/tasks/{task.Id}/milestones/{milestone}/progress", "{\"on\":\"2025-08-01\",\"status\":\"finished\"}"))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains(errors.Keys, key => key.Contains("status", StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await Read(task)).Milestones[0].Progress);
    }

    [Fact]
    public async Task ProgressIsHistoryThatKeepsItsMilestoneTaskAndPlan()
    {
        var plan = await client.NewPlan();
        var task = await AddTask(plan.Id, Task("1", null, OnDate(2025, 8, 30)));
        await (await Record(task, task.Milestones[0].Id, new ProgressInput(new DateOnly(2025, 7, 1), ProgressStatus.InProgress, null, null, null))).ReadAs<ProgressEntry>(HttpStatusCode.Created);

        await (await client.PutJson($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", Task("1", null, OnDate(2025, 12, 31)), Tag(task.Id, 2))).Problem(HttpStatusCode.Conflict);
        await (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", Tag(task.Id, 2))).Problem(HttpStatusCode.Conflict);
        await (await client.Delete($"/api/v1/plans/{plan.Id}", Tag(plan.Id, 1))).Problem(HttpStatusCode.Conflict);
        Assert.Single((await Read(task)).Milestones[0].Progress);

        // Kept by its id, the milestone's deadline may still move.
        var moved = await (await client.PutJson($"/api/v1/plans/{plan.Id}/tasks/{task.Id}", Task("1", null, OnDate(2025, 12, 31, task.Milestones[0].Id)), Tag(task.Id, 2)))
            .ReadAs<PlanTask>(HttpStatusCode.OK);
        Assert.Equal((new DateOnly(2025, 12, 31), ProgressStatus.InProgress), (moved.Milestones[0].DueOn!.Value, moved.Milestones[0].Status));
    }

    [Fact]
    public async Task EveryChangeIsInTheFeedAndInThePlansAuditTrailWithWhoMadeIt()
    {
        var cursor = (await (await client.Get("/api/v1/changes?limit=1000")).ReadAs<ChangePage>(HttpStatusCode.OK)).NextCursor;
        var plan = await client.NewPlan();
        var task = await AddTask(plan.Id, Task("1", null, OnDate(2025, 8, 30)));
        var entry = await (await Record(task, task.Milestones[0].Id, new ProgressInput(new DateOnly(2025, 7, 1), ProgressStatus.InProgress, null, null, null)))
            .ReadAs<ProgressEntry>(HttpStatusCode.Created);
        await AddTask(plan.Id, Task("2"));
        var second = (await client.Tasks(plan.Id))[1];
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"/api/v1/plans/{plan.Id}/tasks/{second.Id}", Tag(second.Id, 1))).StatusCode);

        var expected = new[]
        {
            ("plan", $"{plan.Id}", "created", (long?)1),
            ("plan-task", $"{plan.Id}/{task.Id}", "created", 1),
            ("milestone-progress", $"{plan.Id}/{task.Id}/{entry.Id}", "created", 2),
            ("plan-task", $"{plan.Id}/{second.Id}", "created", 1),
            ("plan-task", $"{plan.Id}/{second.Id}", "deleted", null),
        };
        var audit = await (await client.Get($"/api/v1/plans/{plan.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal(expected, audit.Select(change => (change.Entity, change.EntityKey, change.Action, change.Version)).ToArray());
        Assert.All(audit, change => Assert.Equal(("92", "tests-admin"), (change.Jurisdiction, change.ChangedBy)));

        var feed = await (await client.Get($"/api/v1/changes?after={cursor}&jurisdiction=92&limit=1000")).ReadAs<ChangePage>(HttpStatusCode.OK);
        Assert.Equal(expected, feed.Items.Select(change => (change.Entity, change.EntityKey, change.Action, change.Version)).ToArray());
        await (await client.Get("/api/v1/plans/424242/audit")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSampleHoldsCanThosAnnexAndDienBienPhusTasksWithTheirProgress()
    {
        var plans = await (await client.Get("/api/v1/plans?program=resolution-66")).ReadAs<List<Plan>>(HttpStatusCode.OK);
        var canTho = plans.Single(plan => plan.Number == "56/KH-UBND" && plan.Jurisdiction == "92" && plan.IssuedOn == new DateOnly(2025, 9, 3));
        var dienBien = plans.Single(plan => plan.Jurisdiction == "11" && plan.Title.EndsWith("trên địa bàn thành phố Điện Biên Phủ", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2025, 9, 3), (string?)null), (canTho.IssuedOn!.Value, dienBien.Number));

        var tasks = await client.Tasks(canTho.Id);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "8.1", "8.2", "8.3", "9", "9.1", "9.2", "9.3", "9.4", "9.5"], tasks.Select(task => task.Number).ToArray());
        var two = tasks.Single(task => task.Number == "2");
        Assert.Equal(["Sở Tài chính thành phố Cần Thơ", "Sở Khoa học và Công nghệ thành phố Cần Thơ"], two.LeadAgencies.Select(agency => agency.Name!).ToArray());
        Assert.All(two.LeadAgencies, agency => Assert.NotNull(agency.AgencyId));
        Assert.Equal((ProgressStatus.Done, "2310/QĐ-UBND"), (two.Milestones[0].Status, two.Milestones[0].Progress[^1].DecisionRef));
        var eightOne = tasks.Single(task => task.Number == "8.1");
        Assert.Equal(["TTHC liên quan đến doanh nghiệp", "TTHC còn lại"], eightOne.Milestones.Select(milestone => milestone.Label!).ToArray());
        Assert.Equal("III. Thực hiện TTHC không phụ thuộc vào địa giới hành chính", eightOne.Section);
        Assert.Empty(tasks.Single(task => task.Number == "8.2").Milestones);

        var ofDienBien = await client.Tasks(dienBien.Id);
        Assert.Equal(["1", "1.i", "2", "2.a", "2.a.i", "2.b", "2.b.i", "2.b.ii", "2.b.iii"], ofDienBien.Select(task => task.Number).ToArray());
        Assert.Equal([new DateOnly(2025, 6, 20), new DateOnly(2026, 6, 20)], ofDienBien.Single(task => task.Number == "1.i").Milestones.Select(milestone => milestone.DueOn!.Value).ToArray());
        Assert.All(ofDienBien.SelectMany(task => task.LeadAgencies), agency => Assert.Null(agency.AgencyId));
    }
}
