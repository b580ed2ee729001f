using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Caching;

/// <summary>
/// Reports and lists carry an ETag of the catalogue's place in the change feed and of the request: 304 while nothing changed,
/// without computing the report; a new ETag after any write, through any way in and any instance; one of its own for every
/// representation, parameter and day.
/// </summary>
public sealed class ConditionalReadApiTests(MovableClockCatalogApiFactory factory) : IClassFixture<MovableClockCatalogApiFactory>
{
    private const string Reductions = "/api/v1/reports/reductions?groupBy=agency&scope=all&jurisdiction=11&asOf=2025-12-31";
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> Read(string url, string? ifNoneMatch = null, string? accept = null, HttpClient? through = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await (through ?? client).SendAsync(request, Cancel);
    }

    private async Task<string> ETagOf(string url, string? accept = null)
    {
        var response = await Read(url, accept: accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    /// <summary>A procedure of 11 with a baseline, so that the report has a row that writes can change.</summary>
    private async Task<ProcedureDetail> ProcedureWithBaseline(string code, string agency = "Sở Tài chính")
    {
        var procedure = await Build.Procedure("11", code, agency: agency);
        await Build.Time(procedure.Id, "2024-01-01", 10);
        return procedure;
    }

    /// <summary>Read once (200, an ETag) and again with that ETag while nothing changed (304); the ETag.</summary>
    private async Task<HttpResponseMessage> AssertNotModifiedWhileUnchanged(string url)
    {
        var first = await Read(url);
        Assert.True(first.StatusCode == HttpStatusCode.OK, $"{url}: {(int)first.StatusCode}");
        Assert.Equal(HttpStatusCode.NotModified, (await Read(url, first.Headers.ETag!.ToString())).StatusCode);
        return first;
    }

    /// <summary>Asked again with the ETag it had: 200 with another ETag.</summary>
    private async Task<string> AssertChanged(string url, string etag)
    {
        var again = await Read(url, etag);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEqual(etag, again.Headers.ETag!.ToString());
        return again.Headers.ETag!.ToString();
    }

    [Fact]
    public async Task AReportAskedAgainWithItsETagIs304WhileNothingChanges()
    {
        await ProcedureWithBaseline("1.417001");
        var first = await Read(Reductions);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.ETag!.IsWeak, "a computed report names its figures, not its bytes: a weak ETag");
        Assert.True(first.Headers.CacheControl!.NoCache, "the client keeps the report and asks again each time");
        Assert.Contains("Accept", first.Headers.Vary);

        var again = await Read(Reductions, first.Headers.ETag.ToString());

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task A304AndAKeptAnswerDoNotComputeTheReport()
    {
        await ProcedureWithBaseline("1.417002");
        var url = "/api/v1/reports/reductions?groupBy=field&scope=all&jurisdiction=11&asOf=2025-12-31";
        var first = await Read(url);
        var body = await first.Content.ReadAsStringAsync(Cancel);
        var etag = first.Headers.ETag!.ToString();

        // Without their views no report can be computed; the views are taken away behind the service's back (no change recorded).
        await using (var connection = new SqliteConnection(factory.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            foreach (var view in await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'view'"))
            {
                await connection.ExecuteAsync($"DROP VIEW \"{view}\"");
            }
        }

        try
        {
            Assert.Equal(HttpStatusCode.NotModified, (await Read(url, etag)).StatusCode);
            var kept = await Read(url);
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            Assert.Equal(body, await kept.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(etag, kept.Headers.ETag!.ToString());
            Assert.Equal(HttpStatusCode.InternalServerError, (await Read(url.Replace("groupBy=field", "groupBy=kind", StringComparison.Ordinal))).StatusCode);
            // Cache-Control: no-cache asks for the report computed again.
            using var fresh = new HttpRequestMessage(HttpMethod.Get, url);
            fresh.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.SendAsync(fresh, Cancel)).StatusCode);
        }
        finally
        {
            factory.Services.GetRequiredService<CatalogMigrator>().Migrate();
        }
    }

    [Fact]
    public async Task EveryWriteThroughTheApiGivesTheReportANewETag()
    {
        var procedure = await ProcedureWithBaseline("1.417003", "Sở của phép thử ghi");
        var etag = await ETagOf(Reductions);

        await Build.Time(procedure.Id, "2025-06-01", 7);
        var afterHistory = await AssertChanged(Reductions, etag);
        var report = await (await Read(Reductions)).ReadAs<GroupReductionReport>(HttpStatusCode.OK);
        Assert.Equal(7m, report.Rows.Single(row => row.Group.Name == "Sở của phép thử ghi").Time.SumCurrent);

        var agency = (await (await client.Get("/api/v1/agencies?jurisdiction=11")).ReadAs<List<Agency>>(HttpStatusCode.OK)).Single(agency => agency.Name == "Sở của phép thử ghi");
        Assert.Equal(HttpStatusCode.OK, (await client.PutJson($"/api/v1/agencies/{agency.Id}", new AgencyUpdate(agency.Name + " (đổi tên)"), HttpAssertions.Tag(agency.Version))).StatusCode);
        var afterRename = await AssertChanged(Reductions, afterHistory);

        await Build.Tariff("11", 2024, 25_000);
        await AssertChanged(Reductions, afterRename);
    }

    [Fact]
    public async Task AnImportGivesTheReportANewETag()
    {
        await ProcedureWithBaseline("1.417004");
        var etag = await ETagOf(Reductions);

        await Build.Generated("11", 3, withTime: true);

        await AssertChanged(Reductions, etag);
    }

    [Fact]
    public async Task ListsAndTheFeedCarryAnETagOfTheFeedToo()
    {
        foreach (var url in new[] { "/api/v1/fields", "/api/v1/changes?limit=5", "/api/v1/procedures?jurisdiction=11", "/api/v1/programs" })
        {
            var first = await AssertNotModifiedWhileUnchanged(url);
            Assert.True(first.Headers.CacheControl!.NoCache, url);
        }

        var fields = await ETagOf("/api/v1/fields");
        await Build.Field("Lĩnh vực của phép thử ETag");
        var newer = await Read("/api/v1/fields", fields);
        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
        Assert.Contains((await newer.ReadAs<List<Field>>(HttpStatusCode.OK)).Select(field => field.Name), name => name == "Lĩnh vực của phép thử ETag");
    }

    [Fact]
    public async Task PlansTaskReportsAndRegimesFollowTheFeedToo()
    {
        await Build.Jurisdiction("11");
        string[] urls = ["/api/v1/plans", "/api/v1/reports/tasks/overdue?asOf=2026-11-22", "/api/v1/reports/tasks/due?asOf=2026-11-22",
            "/api/v1/reports/tasks/done?from=2026-10-23&to=2026-11-22", "/api/v1/reporting-regimes"];
        var etags = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            etags[url] = (await AssertNotModifiedWhileUnchanged(url)).Headers.ETag!.ToString();
        }

        var created = await client.PostJson("/api/v1/plans", new ProcedureCatalog.Api.Plans.PlanCreate("11", "9/KH-UBND", new DateOnly(2026, 2, 1), "UBND tỉnh", "Kế hoạch của phép thử ETag", null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var url in urls)
        {
            await AssertChanged(url, etags[url]);
        }
    }

    [Fact]
    public async Task EveryRepresentationHasAnETagOfItsOwn()
    {
        await ProcedureWithBaseline("1.417005");
        var json = await ETagOf(Reductions);
        var csv = await ETagOf(Reductions, "text/csv");
        var xlsx = await ETagOf(Reductions, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var byField = await ETagOf(Reductions.Replace("groupBy=agency", "groupBy=field", StringComparison.Ordinal));
        var otherDate = await ETagOf(Reductions.Replace("2025-12-31", "2025-06-30", StringComparison.Ordinal));

        Assert.Equal(5, new[] { json, csv, xlsx, byField, otherDate }.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await Read(Reductions, json, accept: "text/csv")).StatusCode);
        // The same parameters in another order are the same request.
        Assert.Equal(json, await ETagOf("/api/v1/reports/reductions?asOf=2025-12-31&jurisdiction=11&scope=all&groupBy=agency"));
    }

    [Fact]
    public async Task WithoutAsOfTheETagIsTheDaysAndWithItTheDatesOwn()
    {
        factory.Time.Now = new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
        await ProcedureWithBaseline("1.417006");
        const string Today = "/api/v1/reports/scoreboard?jurisdiction=11&year=2026";
        const string Dated = "/api/v1/reports/scoreboard?jurisdiction=11&year=2026&asOf=2026-03-31";
        var today = await ETagOf(Today);
        var dated = await ETagOf(Dated);

        // 23:30 in Hà Nội is still the same day; 17:30 UTC is the next one there.
        factory.Time.Now = new DateTimeOffset(2026, 6, 1, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.NotModified, (await Read(Today, today)).StatusCode);
        factory.Time.Now = new DateTimeOffset(2026, 6, 1, 17, 30, 0, TimeSpan.Zero);

        var tomorrow = await Read(Today, today);
        Assert.Equal(HttpStatusCode.OK, tomorrow.StatusCode);
        Assert.Equal(new DateOnly(2026, 6, 2), (await tomorrow.ReadAs<Scoreboard>(HttpStatusCode.OK)).Basis.AsOf);
        Assert.Equal(HttpStatusCode.NotModified, (await Read(Dated, dated)).StatusCode);
        factory.Time.Now = new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
    }

    [Fact]
    public async Task AWriteThroughAnotherInstanceIsSeenAtOnce()
    {
        await ProcedureWithBaseline("1.417007");
        // Readers without a key: the caller's key is part of the ETag.
        var reader = factory.ClientWithKey(null);
        var etag = (await Read(Reductions, through: reader)).Headers.ETag!.ToString();
        using var other = new RestartedServiceFactory(factory.ConnectionString, factory.ImportsFolder);
        var otherWriter = other.CreateClient();
        Assert.Equal(HttpStatusCode.NotModified, (await Read(Reductions, etag, through: other.ClientWithKey(null))).StatusCode);

        await new CatalogBuilder(otherWriter).Procedure("11", "1.417008");

        var seen = await Read(Reductions, etag, through: reader);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var report = await seen.ReadAs<GroupReductionReport>(HttpStatusCode.OK);
        Assert.Contains(report.Rows, row => row.Procedures >= 2);
    }

    [Fact]
    public async Task AProcedureReadAgainAfterAChangeIsTheNewOne()
    {
        var procedure = await Build.Procedure("11", "1.417009", field: "Lĩnh vực sẽ đổi tên");
        var url = "/api/v1/jurisdictions/11/procedures/1.417009";
        var first = await Read(url);
        var etag = first.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.NotModified, (await Read(url, etag)).StatusCode);
        Assert.Equal(etag, (await Read(url)).Headers.ETag!.ToString());

        var field = await (await client.Get($"/api/v1/fields/{procedure.Field.Id}")).ReadAs<Field>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJson($"/api/v1/fields/{field.Id}", new FieldInput("Lĩnh vực đã đổi tên"), HttpAssertions.Tag(field.Version))).StatusCode);

        var renamed = await Read(url, etag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Lĩnh vực đã đổi tên", (await renamed.ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Field.Name);
    }

    [Fact]
    public void AResponseCacheBudgetBelowZeroStopsTheServiceAtStart()
    {
        using var broken = new BadCacheBudgetFactory();

        var failure = Record.Exception(() => broken.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("ResponseCacheBytes", failure.ToString(), StringComparison.Ordinal);
    }
}
