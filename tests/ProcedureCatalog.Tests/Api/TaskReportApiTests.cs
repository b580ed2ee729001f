using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api.Infrastructure.Pipeline;
using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>
/// The task reports on the sample's plans (db/seed/plans): for Cần Thơ's report of 22 November 2026, tasks 5 and 9.2 are overdue
/// (due 30 and 31 August 2025, still in progress) and tasks 2, 6 and 8.1 were done in the month before (decisions 2310, 2385
/// and 2295/QĐ-UBND); 8.1's second deadline (31 December 2026) falls due in the month after.
/// </summary>
public sealed class TaskReportApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<TaskReport> Report(string query) =>
        await (await client.Get($"/api/v1/reports/tasks/{query}")).ReadAs<TaskReport>(HttpStatusCode.OK);

    private async Task<HttpResponseMessage> GetAs(string url, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task CanThosNovemberHasTwoTasksOverdueThreeDoneAndOneFallingDue()
    {
        var overdue = await Report("overdue?jurisdiction=92&asOf=2026-11-22");
        Assert.Equal(("overdue", new DateOnly(2026, 11, 22), "92", 2), (overdue.Basis.Report, overdue.Basis.AsOf, overdue.Basis.Jurisdiction, overdue.Count));
        Assert.Equal([("5", new DateOnly(2025, 8, 30), ProgressStatus.InProgress, 449), ("9.2", new DateOnly(2025, 8, 31), ProgressStatus.InProgress, 448)],
            overdue.Milestones.Select(item => (item.TaskNumber, item.DueBy!.Value, item.Status, item.DaysOverdue!.Value)).ToArray());
        Assert.Equal(["Các sở, ban, ngành thành phố", "UBND cấp xã"], overdue.Milestones[0].LeadAgencies.Select(lead => lead.Name!).ToArray());
        Assert.All(overdue.Milestones, item => Assert.Equal(("56/KH-UBND", (int?)null), (item.PlanNumber, item.DaysLeft)));
        Assert.Empty(overdue.Groups);

        var done = await Report("done?jurisdiction=92&from=2026-10-23&to=2026-11-22");
        Assert.Equal((new DateOnly(2026, 10, 23), new DateOnly(2026, 11, 22)), (done.Basis.From!.Value, done.Basis.To!.Value));
        Assert.Equal([("2", "2310/QĐ-UBND", new DateOnly(2026, 11, 10)), ("6", "2385/QĐ-UBND", new DateOnly(2026, 11, 18)), ("8.1", "2295/QĐ-UBND", new DateOnly(2026, 11, 5))],
            done.Milestones.Select(item => (item.TaskNumber, item.DecisionRef!, item.StatusOn!.Value)).ToArray());
        Assert.Equal("TTHC liên quan đến doanh nghiệp", done.Milestones[2].Label);

        var due = await Report("due?jurisdiction=92&asOf=2026-12-22&days=31");
        Assert.Equal((new DateOnly(2026, 12, 22), new DateOnly(2027, 1, 21)), (due.Basis.From!.Value, due.Basis.To!.Value));
        var falling = Assert.Single(due.Milestones);
        Assert.Equal(("8.1", "TTHC còn lại", 9), (falling.TaskNumber, falling.Label!, falling.DaysLeft!.Value));
        Assert.Empty((await Report("due?jurisdiction=92&asOf=2026-11-22&days=30")).Milestones);
    }

    [Fact]
    public async Task ProgressRecordedLaterLeavesTheNovemberReportAsItWas()
    {
        var overdue = "overdue?jurisdiction=92&asOf=2026-11-22";
        var done = "done?jurisdiction=92&from=2026-10-23&to=2026-11-22";
        var (overdueBefore, doneBefore) = (await Report(overdue), await Report(done));

        var plan = (await (await client.Get("/api/v1/plans?jurisdiction=92")).ReadAs<List<Plan>>(HttpStatusCode.OK)).Single(item => item.Number == "56/KH-UBND");
        var five = (await client.Tasks(plan.Id)).Single(task => task.Number == "5");
        await (await client.PostJson($"/api/v1/plans/{plan.Id}/tasks/{five.Id}/milestones/{five.Milestones[0].Id}/progress",
            new ProgressInput(new DateOnly(2026, 11, 30), ProgressStatus.Done, "2450/QĐ-UBND", null, null))).ReadAs<ProgressEntry>(HttpStatusCode.Created);

        Assert.Equivalent(overdueBefore, await Report(overdue), strict: true);
        Assert.Equivalent(doneBefore, await Report(done), strict: true);
        Assert.Equal(["9.2"], (await Report("overdue?jurisdiction=92&asOf=2026-12-01")).Milestones.Select(item => item.TaskNumber).ToArray());
        Assert.Equal(["5"], (await Report("done?jurisdiction=92&from=2026-11-23&to=2026-11-30")).Milestones.Select(item => item.TaskNumber).ToArray());
    }

    [Fact]
    public async Task GroupedEachLeadAgencyAndEachPlanCountsItsMilestones()
    {
        var byAgency = await Report("overdue?jurisdiction=92&asOf=2026-11-22&groupBy=agency");
        Assert.Equal([("Các sở, ban, ngành thành phố", 2), ("UBND cấp xã", 1)], byAgency.Groups.Select(group => (group.Name, group.Milestones)).ToArray());
        Assert.Equal(byAgency.Milestones.Select(item => item.MilestoneId), byAgency.Groups[0].MilestoneIds);
        Assert.Equal(2, byAgency.Count);

        var byPlan = await Report("overdue?asOf=2026-11-22&groupBy=plan");
        Assert.Equal(4, byPlan.Count);
        Assert.Equal([2, 2], byPlan.Groups.Select(group => group.Milestones).ToArray());
        Assert.StartsWith("56/KH-UBND: Thực hiện Nghị quyết số 66/NQ-CP", byPlan.Groups[0].Name, StringComparison.Ordinal);
        Assert.Equal(["1.i", "2.b.ii"], byPlan.Milestones.Where(item => item.Jurisdiction == "11").Select(item => item.TaskNumber).ToArray());

        var oneLead = await Report("done?jurisdiction=92&from=2026-10-23&to=2026-11-22&groupBy=agency");
        var science = oneLead.Groups.Single(group => group.Name == "Sở Khoa học và Công nghệ thành phố Cần Thơ");
        Assert.NotNull(science.AgencyId);
        Assert.Equal(1, science.Milestones);
    }

    [Fact]
    public async Task TheCsvAndTheWorkbookCarryTheRowsOfTheJsonUnderVietnameseHeaders()
    {
        const string url = "/api/v1/reports/tasks/overdue?jurisdiction=92&asOf=2026-11-22&groupBy=agency";
        var response = await GetAs(url, "text/csv");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync(Cancel), Cancel);
            var lines = ImportFiles.ReadTable(path, ImportFormat.Csv, header => header).ToList();
            Assert.Contains("Số ngày quá hạn", lines[0].Values.Keys);
            Assert.Equal(
                [("Các sở, ban, ngành thành phố", "5", "449"), ("Các sở, ban, ngành thành phố", "9.2", "448"), ("UBND cấp xã", "5", "449")],
                lines.Skip(1).Select(line => (line.Values["Nhóm"], line.Values["STT"], line.Values["Số ngày quá hạn"])).ToArray());
            Assert.All(lines.Skip(1), line => Assert.Equal(("2026-11-22", "đang thực hiện", "ngày"), (line.Values["Ngày số liệu"], line.Values["Trạng thái"], line.Values["Loại thời hạn"])));
            Assert.Equal("Các sở, ban, ngành thành phố; UBND cấp xã", lines[1].Values["Cơ quan chủ trì"]);
        }
        finally
        {
            File.Delete(path);
        }

        var workbook = await GetAs(url, PlanRequests.XlsxMediaType);
        Assert.Equal((HttpStatusCode.OK, PlanRequests.XlsxMediaType), (workbook.StatusCode, workbook.Content.Headers.ContentType?.MediaType));
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync(Cancel));
        var sheet = MiniExcelLibs.MiniExcel.Query(stream).Cast<IDictionary<string, object?>>().ToList();
        var overdueColumn = sheet[0].Single(cell => Equals(cell.Value, "Số ngày quá hạn")).Key;
        Assert.Equal([449d, 448d, 449d], sheet.Skip(1).Select(row => Convert.ToDouble(row[overdueColumn], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    [Fact]
    public async Task BadQueriesAreRefusedNamingEachFieldAndUnknownScopesAreNotFound()
    {
        var errors = await (await client.Get("/api/v1/reports/tasks/due?asOf=2026-13-01&days=0&groupBy=lead&planId=abc&jurisdiction=Cần Thơ")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["asOf", "days", "groupBy", "jurisdiction", "planId"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        errors = await (await client.Get("/api/v1/reports/tasks/done?to=2026-11-22")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["from"], errors.Keys);
        errors = await (await client.Get("/api/v1/reports/tasks/done?from=2026-12-01&to=2026-11-22")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["from (2026-12-01) is after to (2026-11-22)."], errors["from"]);
        errors = await (await client.Get("/api/v1/reports/tasks/overdue?on=2026-11-22")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["on"], errors.Keys);
        await (await client.Get("/api/v1/reports/tasks/overdue?jurisdiction=77")).Problem(HttpStatusCode.NotFound);
        await (await client.Get("/api/v1/reports/tasks/overdue?planId=424242")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public void TheTaskReportsTakeTheirTurnAmongTheHeavyRequests()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/v1/reports/tasks/", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(3, endpoints.Count);
        Assert.All(endpoints, endpoint => Assert.NotNull(endpoint.Metadata.GetMetadata<Limits.HeavyRequest>()));
    }
}
