using System.Net;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

public sealed class DocumentAndHistoryApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    [Fact]
    public async Task DocumentsAreAddedChangedAndRemovedInOrder()
    {
        var procedure = await Build.Procedure("11", "1.500001");
        var url = $"/api/v1/procedures/{procedure.Id}/documents";
        var added = await (await client.PostJson(url, new DocumentInput("Bản sao căn cước", null, 0, 1, "Đối với trường hợp ủy quyền", true, "Cơ sở dữ liệu quốc gia về dân cư")))
            .ReadAs<Document>(HttpStatusCode.Created);
        Assert.Equal(2, added.Position);

        var changed = await (await client.PutJson($"{url}/{added.Id}", new DocumentInput("Bản sao căn cước công dân", null, 0, 2, null, true, "CSDL dân cư"), HttpAssertions.Tag(added.Id, 1)))
            .ReadAs<Document>(HttpStatusCode.OK);
        Assert.Equal(("Bản sao căn cước công dân", 2, 2, 2L), (changed.Name, changed.Copies, changed.Position, changed.Version));
        await (await client.PutJson($"{url}/{added.Id}", new DocumentInput("Cũ", null, 0, 1, null, false, null), HttpAssertions.Tag(added.Id, 1))).Problem(HttpStatusCode.PreconditionFailed);

        var listed = await (await client.Get(url)).ReadAs<List<Document>>(HttpStatusCode.OK);
        Assert.Equal(["Giấy đề nghị", "Bản sao căn cước công dân"], listed.Select(document => document.Name).ToArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/{added.Id}", HttpAssertions.Tag(changed.Id, changed.Version))).StatusCode);
        Assert.Single(await (await client.Get(url)).ReadAs<List<Document>>(HttpStatusCode.OK));
        var detail = await (await client.Get($"/api/v1/procedures/{procedure.Id}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.True(detail.Version > procedure.Version, "changing documents changes the procedure's version");
    }

    [Fact]
    public async Task DocumentOfAnotherProcedureIsNotFound()
    {
        var first = await Build.Procedure("11", "1.500002");
        var second = await Build.Procedure("11", "1.500003");
        var document = first.Documents[0];
        await (await client.PutJson($"/api/v1/procedures/{second.Id}/documents/{document.Id}", new DocumentInput("x", null, 1, 0, null, false, null)))
            .Problem(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/v1/procedures/{second.Id}/documents/{document.Id}", TestContext.Current.CancellationToken)).Problem(HttpStatusCode.NotFound);
        await (await client.PostJson("/api/v1/procedures/999999/documents", new DocumentInput("x", null, 1, 0, null, false, null))).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DocumentCountsMustBeSensible()
    {
        var procedure = await Build.Procedure("11", "1.500004");
        var errors = await (await client.PostJson($"/api/v1/procedures/{procedure.Id}/documents", new DocumentInput("", null, -1, 1000, null, null, null)))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["copies", "name", "originals", "providedOnce"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task HistoryIsListedInEffectiveOrderAndNothingIsOverwritten()
    {
        var procedure = await Build.Procedure("92", "1.600001");
        await Build.Time(procedure.Id, "2025-06-01", 12);
        await Build.Time(procedure.Id, "2024-01-01", 20, TimeUnit.CalendarDays);
        var sameDayFirst = await Build.Time(procedure.Id, "2025-04-01", 15, decision: "580/QĐ-UBND");
        var sameDayLast = await Build.Time(procedure.Id, "2025-04-01", 12, decision: "601/QĐ-UBND");

        var history = await (await client.Get($"/api/v1/procedures/{procedure.Id}/time-history")).ReadAs<List<TimeEntry>>(HttpStatusCode.OK);
        Assert.Equal(["2024-01-01", "2025-04-01", "2025-04-01", "2025-06-01"], history.Select(entry => entry.EffectiveFrom.ToString("yyyy-MM-dd")).ToArray());
        Assert.Equal([sameDayFirst.Id, sameDayLast.Id], history.Where(entry => entry.EffectiveFrom == new DateOnly(2025, 4, 1)).Select(entry => entry.Id).ToArray());
        Assert.Equal(TimeUnit.CalendarDays, history[0].Unit);

        var onTheDay = await (await client.Get($"/api/v1/procedures/{procedure.Id}?asOf=2025-04-01")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(("601/QĐ-UBND", 12m), (onTheDay.TimeInForce!.DecisionRef, onTheDay.TimeInForce.Amount));
    }

    [Fact]
    public async Task CostHistoryKeepsEveryPartOfTheCost()
    {
        var procedure = await Build.Procedure("92", "1.600002");
        var entry = await Build.Cost(procedure.Id, "2024-01-01", 500_000, 200_000, 8.25m, 1_200);
        var history = await (await client.Get($"/api/v1/procedures/{procedure.Id}/cost-history")).ReadAs<List<CostEntry>>(HttpStatusCode.OK);
        var stored = Assert.Single(history);
        Assert.Equal((500_000L, 200_000L, 8.25m, (long?)1_200, entry.Id), (stored.FeeVnd, stored.OtherCostVnd, stored.ApplicantHours, stored.AnnualFilings, stored.Id));
    }

    [Fact]
    public async Task EntryEnteredByMistakeIsRemoved()
    {
        var procedure = await Build.Procedure("92", "1.600003");
        var kept = await Build.Time(procedure.Id, "2024-01-01", 10);
        var mistake = await Build.Time(procedure.Id, "2025-01-01", 100);
        var cost = await Build.Cost(procedure.Id, "2024-01-01", 1, 1, 1);
        var url = $"/api/v1/procedures/{procedure.Id}";
        var version = (await (await client.Get(url)).ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Version;
        await (await client.Delete($"{url}/time-history/{mistake.Id}", null)).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/time-history/{mistake.Id}", HttpAssertions.Tag(procedure.Id, version))).StatusCode);
        await (await client.Delete($"{url}/cost-history/{cost.Id}", HttpAssertions.Tag(procedure.Id, version))).Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/cost-history/{cost.Id}", HttpAssertions.Tag(procedure.Id, version + 1))).StatusCode);
        await (await client.Delete($"{url}/time-history/{mistake.Id}", "*")).Problem(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/v1/procedures/999999/time-history/{kept.Id}", TestContext.Current.CancellationToken)).Problem(HttpStatusCode.NotFound);

        var history = await (await client.Get($"{url}/time-history")).ReadAs<List<TimeEntry>>(HttpStatusCode.OK);
        Assert.Equal(kept.Id, Assert.Single(history).Id);
        Assert.Empty(await (await client.Get($"{url}/cost-history")).ReadAs<List<CostEntry>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task AbsurdHistoryValuesAreRejectedAndNothingIsRecorded()
    {
        var procedure = await Build.Procedure("92", "1.600004");
        var url = $"/api/v1/procedures/{procedure.Id}";
        var time = await (await client.PostRaw($"{url}/time-history", """{"effectiveFrom":"1800-01-01","amount":-5,"unit":"working-days","decisionRef":""}"""))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["amount", "decisionRef", "effectiveFrom"], time.Keys.Order().ToArray());
        var precision = await (await client.PostRaw($"{url}/time-history", """{"effectiveFrom":"2025-01-01","amount":1.005,"unit":"hours","decisionRef":"1/QĐ"}"""))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("amount", precision.Keys);
        var unit = await (await client.PostRaw($"{url}/time-history", """{"effectiveFrom":"2025-01-01","amount":1,"unit":"weeks","decisionRef":"1/QĐ"}"""))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("working-days", Assert.Single(unit["unit"]));
        var cost = await (await client.PostRaw($"{url}/cost-history", """{"effectiveFrom":"2025-01-01","feeVnd":-1,"otherCostVnd":99999999999999999,"applicantHours":1,"annualFilings":-3,"decisionRef":"1/QĐ"}"""))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["annualFilings", "feeVnd", "otherCostVnd"], cost.Keys.Order().ToArray());

        Assert.Empty(await (await client.Get($"{url}/time-history")).ReadAs<List<TimeEntry>>(HttpStatusCode.OK));
        Assert.Empty(await (await client.Get($"{url}/cost-history")).ReadAs<List<CostEntry>>(HttpStatusCode.OK));
        await (await client.Get("/api/v1/procedures/999999/time-history")).Problem(HttpStatusCode.NotFound);
    }
}
