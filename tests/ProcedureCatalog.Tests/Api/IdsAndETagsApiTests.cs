using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Ids are never given twice, and an ETag names one representation of one resource.</summary>
public sealed class IdsAndETagsApiTests(MovableClockCatalogApiFactory factory) : IClassFixture<MovableClockCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ProcedureUpsert Upsert(ProcedureCreate input, string name) => CatalogBuilder.Upsert(input, name);

    private async Task<HttpResponseMessage> GetIfNoneMatch(string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task AProcedureCreatedAfterTheLatestWasDeletedGetsANewIdAndNoneOfItsPast()
    {
        var input = await Build.NewProcedure("11", "1.311001");
        var naturalKey = "/api/v1/jurisdictions/11/procedures/1.311001";
        var first = await (await client.PostJson("/api/v1/procedures", input)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        var firstETag = (await client.Get(naturalKey)).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"/api/v1/procedures/{first.Id}", firstETag)).StatusCode);

        var second = await (await client.PostJson("/api/v1/procedures", input)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);

        Assert.True(second.Id > first.Id, $"the new procedure has id {second.Id}, the deleted one had {first.Id}");
        await (await client.Get($"/api/v1/procedures/{first.Id}")).Problem(HttpStatusCode.NotFound);
        var trail = await (await client.Get($"/api/v1/procedures/{second.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal(["created"], trail.Select(change => change.Action).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatch(naturalKey, firstETag)).StatusCode);
        await (await client.PutJson(naturalKey, Upsert(input, "Ghi đè bằng ETag của thủ tục đã xóa"), firstETag)).Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(input.Name, (await (await client.Get(naturalKey)).ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Name);
    }

    [Fact]
    public async Task ADocumentAddedAfterTheLatestWasRemovedGetsANewIdAndTheOldETagDoesNotApply()
    {
        var procedure = await Build.Procedure("11", "1.311002");
        var url = $"/api/v1/procedures/{procedure.Id}/documents";
        var removedResponse = await client.PostJson(url, new DocumentInput("Bản sao", null, 0, 1, null, false, null));
        var removed = await removedResponse.ReadAs<Document>(HttpStatusCode.Created);
        var removedETag = removedResponse.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/{removed.Id}", removedETag)).StatusCode);

        var added = await (await client.PostJson(url, new DocumentInput("Tờ khai", null, 1, 0, null, false, null))).ReadAs<Document>(HttpStatusCode.Created);

        Assert.True(added.Id > removed.Id, $"the new document has id {added.Id}, the removed one had {removed.Id}");
        await (await client.PutJson($"{url}/{added.Id}", new DocumentInput("Ghi đè", null, 1, 0, null, false, null), HttpAssertions.Tag(added.Version)))
            .Problem(HttpStatusCode.PreconditionFailed);
        await (await client.PutJson($"{url}/{added.Id}", new DocumentInput("Ghi đè", null, 1, 0, null, false, null), removedETag)).Problem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task TheETagOfTodaysRepresentationNoLongerAnswers304TomorrowWhenAnotherTimeComesIntoForce()
    {
        factory.Time.Now = new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
        var procedure = await Build.Procedure("11", "1.311003");
        await Build.Time(procedure.Id, "2025-01-01", 10);
        await Build.Time(procedure.Id, "2026-06-02", 5);
        var url = $"/api/v1/procedures/{procedure.Id}";
        var today = await client.Get(url);
        var todays = await today.ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        var todaysETag = today.Headers.ETag!.Tag;
        Assert.Equal(10m, todays.TimeInForce!.Amount);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatch(url, todaysETag)).StatusCode);

        factory.Time.Now = factory.Time.Now.AddDays(1);
        var tomorrow = await GetIfNoneMatch(url, todaysETag);

        var tomorrows = await tomorrow.ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((5m, todays.Version), (tomorrows.TimeInForce!.Amount, tomorrows.Version));
        Assert.NotEqual(todaysETag, tomorrow.Headers.ETag!.Tag);
        var update = ProcedureExamplesForTests.Update(procedure.Field.Id, procedure.Agency.Id) with { Code = "1.311003", Name = "Đổi tên bằng ETag của hôm qua" };
        Assert.Equal(update.Name, (await (await client.PutJson(url, update, todaysETag)).ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Name);
    }

    [Fact]
    public async Task TheETagOfAProcedureChangesWithAsOfAndWithTheNameOfItsField()
    {
        var procedure = await Build.Procedure("11", "1.311004", field: "Lĩnh vực sẽ đổi tên");
        await Build.Time(procedure.Id, "2025-01-01", 10);
        var url = $"/api/v1/procedures/{procedure.Id}";
        var before = await client.Get($"{url}?asOf=2024-12-31");
        var after = await client.Get($"{url}?asOf=2025-01-01");
        Assert.NotEqual(before.Headers.ETag!.Tag, after.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatch($"{url}?asOf=2025-01-01", before.Headers.ETag.Tag)).StatusCode);

        var read = await client.Get(url);
        var field = await (await client.Get($"/api/v1/fields/{procedure.Field.Id}")).ReadAs<Field>(HttpStatusCode.OK);
        await (await client.PutJson($"/api/v1/fields/{field.Id}", new FieldInput("Lĩnh vực đã đổi tên"), HttpAssertions.Tag(field.Version))).ReadAs<Field>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatch(url, read.Headers.ETag!.Tag)).StatusCode);
    }
}
