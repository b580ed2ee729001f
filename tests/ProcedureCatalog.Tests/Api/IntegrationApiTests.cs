using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Keys, conditional requests, the natural-key PUT, the change feed and the audit trail.</summary>
public sealed class IntegrationApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ProcedureUpsert Upsert(ProcedureCreate input, string name) => CatalogBuilder.Upsert(input, name);

    private async Task<ChangePage> Feed(string query) =>
        await (await client.Get($"/api/v1/changes?{query.TrimStart('&')}")).ReadAs<ChangePage>(HttpStatusCode.OK);

    private async Task<List<Change>> WholeFeed(string? jurisdiction = null)
    {
        var all = new List<Change>();
        string? cursor = null;
        while (true)
        {
            var page = await Feed($"&limit=7{(cursor is null ? string.Empty : $"&after={cursor}")}{(jurisdiction is null ? string.Empty : $"&jurisdiction={jurisdiction}")}");
            all.AddRange(page.Items);
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                return all;
            }
        }
    }

    [Fact]
    public async Task WritesWithoutAKeyOrWithAWrongKeyGet401AndChangeNothing()
    {
        var input = await Build.NewProcedure("11", "1.700001");
        foreach (var key in new string?[] { null, "pck_0000000000_wrong", "not-a-key" })
        {
            var response = await factory.ClientWithKey(key).PostJson("/api/v1/procedures", input);
            await response.Problem(HttpStatusCode.Unauthorized);
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        await (await client.Get("/api/v1/jurisdictions/11/procedures/1.700001")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientWithKey(null).Get("/api/v1/procedures")).StatusCode);
    }

    [Fact]
    public async Task AnEditorKeyWritesOnlyItsOwnJurisdictions()
    {
        await Build.Jurisdiction("92");
        var dienBien = await Build.Procedure("11", "1.700002");
        var canTho = factory.ClientWithKey(factory.CreateKey("Cần Thơ one-stop", ApiKeyRole.Editor, "92"));

        await (await canTho.PostJson("/api/v1/procedures", await Build.NewProcedure("11", "1.700003"))).Problem(HttpStatusCode.Forbidden);
        await (await canTho.PutJson($"/api/v1/procedures/{dienBien.Id}/status", new ProcedureStatusChange(ProcedureStatus.Abolished, new DateOnly(2026, 1, 1)), HttpAssertions.Tag(dienBien.Id, dienBien.Version)))
            .Problem(HttpStatusCode.Forbidden);
        await (await canTho.PostJson($"/api/v1/procedures/{dienBien.Id}/time-history", new TimeEntryInput(new DateOnly(2025, 1, 1), 5, TimeUnit.WorkingDays, "1/QĐ")))
            .Problem(HttpStatusCode.Forbidden);
        await (await canTho.PostJson("/api/v1/fields", new FieldInput("Lĩnh vực mới"))).Problem(HttpStatusCode.Forbidden);

        var own = await (await canTho.PostJson("/api/v1/procedures", await Build.NewProcedure("92", "1.700004"))).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        var unchanged = await (await client.Get($"/api/v1/procedures/{dienBien.Id}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((ProcedureStatus.Active, dienBien.Version), (unchanged.Status, unchanged.Version));
        var trail = await (await client.Get($"/api/v1/procedures/{own.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal(("created", "Cần Thơ one-stop"), (trail.Single().Action, trail.Single().ChangedBy));
    }

    [Fact]
    public async Task ARevokedKeyIsRefused()
    {
        var key = factory.CreateKey("to be revoked", ApiKeyRole.Admin);
        var database = factory.Services.GetRequiredService<CatalogDatabase>();
        await using (var connection = await database.OpenAsync(Cancel))
        {
            Assert.Equal(1, await ApiKeys.Revoke(connection, "to be revoked", DateTime.UtcNow, Cancel));
        }

        await (await factory.ClientWithKey(key).PostJson("/api/v1/fields", new FieldInput("Sau thu hồi"))).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task KeysAreStoredOnlyAsHashesAndTheCommandShowsTheSecretOnce()
    {
        await Build.Jurisdiction("20");
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["name"] = "Lạng Sơn one-stop", ["role"] = "editor", ["jurisdictions"] = "20",
        }).Build();
        var output = new StringWriter();
        Assert.Equal(0, await ApiKeyCommand.Run(factory.Services, options, ["keys", "create"], output));
        var key = output.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(line => line.StartsWith("pck_", StringComparison.Ordinal));

        var database = factory.Services.GetRequiredService<CatalogDatabase>();
        await using var connection = await database.OpenAsync(Cancel);
        var stored = (await ApiKeys.FindByPrefix(connection, ApiKeys.PrefixOf(key)!, Cancel))!;
        Assert.DoesNotContain(key, stored.KeyHash, StringComparison.Ordinal);
        Assert.Equal(ApiKeys.Hash(key), stored.KeyHash);

        var created = await factory.ClientWithKey(key).PostJson("/api/v1/procedures", await Build.NewProcedure("20", "1.700005"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listing = new StringWriter();
        await ApiKeyCommand.Run(factory.Services, options, ["keys", "list"], listing);
        Assert.DoesNotContain(key, listing.ToString(), StringComparison.Ordinal);
        Assert.Contains("Lạng Sơn one-stop", listing.ToString(), StringComparison.Ordinal);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["name"] = "x", ["role"] = "editor" }).Build();
        Assert.Equal(2, await ApiKeyCommand.Run(factory.Services, bad, ["keys", "create"], new StringWriter()));
    }

    [Fact]
    public async Task ChangingWithoutIfMatchIs428AndWithAStaleOneIs412()
    {
        var procedure = await Build.Procedure("11", "1.700006");
        var update = ProcedureExamplesForTests.Update(procedure.Field.Id, procedure.Agency.Id) with { Code = "1.700006" };
        var url = $"/api/v1/procedures/{procedure.Id}";
        await (await client.PutJson(url, update)).Problem(HttpStatusCode.PreconditionRequired);
        await (await client.PutJson(url, update, HttpAssertions.Tag(procedure.Id, procedure.Version + 1))).Problem(HttpStatusCode.PreconditionFailed);
        await (await client.Delete(url, null)).Problem(HttpStatusCode.PreconditionRequired);
        var stored = await (await client.Get(url)).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((procedure.Name, procedure.Version), (stored.Name, stored.Version));
    }

    [Fact]
    public async Task IfNoneMatchWithTheCurrentETagIs304()
    {
        var procedure = await Build.Procedure("11", "1.700007");
        var etag = (await client.Get($"/api/v1/procedures/{procedure.Id}")).Headers.ETag!.Tag;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/procedures/{procedure.Id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));

        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/procedures/{procedure.Id}");
        stale.Headers.TryAddWithoutValidation("If-None-Match", HttpAssertions.Tag(procedure.Id, procedure.Version + 7));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, Cancel)).StatusCode);
    }

    [Fact]
    public async Task TwoWritersRacingOnOneProcedureExactlyOneWins()
    {
        var procedure = await Build.Procedure("11", "1.700008");
        var version = procedure.Version;
        for (var round = 0; round < 10; round++)
        {
            var url = $"/api/v1/procedures/{procedure.Id}";
            var writers = Enumerable.Range(0, 2).Select(writer => client.PutJson(url,
                ProcedureExamplesForTests.Update(procedure.Field.Id, procedure.Agency.Id) with { Code = "1.700008", Name = $"Vòng {round}, người {writer}" },
                HttpAssertions.Tag(procedure.Id, version))).ToList();
            var statuses = (await Task.WhenAll(writers)).Select(response => response.StatusCode).Order().ToArray();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
            version++;
        }

        var final = await (await client.Get($"/api/v1/procedures/{procedure.Id}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(procedure.Version + 10, final.Version);
        var trail = await (await client.Get($"/api/v1/procedures/{procedure.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal(10, trail.Count(change => change.Action == "updated"));
    }

    [Fact]
    public async Task PutAtTheNaturalKeyCreatesThenChangesNothingWhenRepeated()
    {
        var input = await Build.NewProcedure("51", "1.700009");
        var url = "/api/v1/jurisdictions/51/procedures/1.700009";
        var body = Upsert(input, "Cấp phép khai thác nước mặt");
        var created = await (await client.PutJson(url, body)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        var feedBefore = await WholeFeed("51");

        var repeated = await client.PutJson(url, body);
        var same = await repeated.ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((created.Id, created.Version), (same.Id, same.Version));
        Assert.Equal(feedBefore.Count, (await WholeFeed("51")).Count);

        var changed = body with { Name = "Cấp giấy phép khai thác nước mặt", Documents = [new DocumentInput("Đơn đề nghị", "Mẫu 01", 1, 0, null, true, "CSDL quốc gia")] };
        await (await client.PutJson(url, changed)).Problem(HttpStatusCode.PreconditionRequired);
        var replaced = await (await client.PutJson(url, changed, HttpAssertions.Tag(created.Id, created.Version))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((created.Version + 1, "Cấp giấy phép khai thác nước mặt", "Đơn đề nghị"), (replaced.Version, replaced.Name, Assert.Single(replaced.Documents).Name));
        Assert.Equal(feedBefore.Count + 1, (await WholeFeed("51")).Count);

        // The key's jurisdiction must exist whichever test of the class ran first.
        await Build.Jurisdiction("11");
        var elsewhere = factory.ClientWithKey(factory.CreateKey("Quảng Ngãi? no: Điện Biên", ApiKeyRole.Editor, "11"));
        await (await elsewhere.PutJson(url, changed, HttpAssertions.Tag(replaced.Id, replaced.Version))).Problem(HttpStatusCode.Forbidden);
        await (await client.PutJson("/api/v1/jurisdictions/51/procedures/bad code!", body)).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PutAtTheNaturalKeyKeepsTheIdsOfTheDocumentsThatStay()
    {
        var input = await Build.NewProcedure("51", "1.700010", documents:
            [new DocumentInput("Đơn đề nghị", "Mẫu 01", 1, 0, null, false, null), new DocumentInput("Bản sao căn cước", null, 0, 1, null, true, "CSDL dân cư")]);
        var url = "/api/v1/jurisdictions/51/procedures/1.700010";
        var body = Upsert(input, "Cấp phép xả thải");
        var created = await (await client.PutJson(url, body)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        var changed = body with { Documents = [body.Documents![0] with { Copies = 2 }, body.Documents[1], new DocumentInput("Bản vẽ", null, 1, 0, null, false, null)] };
        var replaced = await (await client.PutJson(url, changed, HttpAssertions.Tag(created.Id, created.Version))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(created.Documents.Select(document => document.Id), replaced.Documents.Take(2).Select(document => document.Id));
        Assert.Equal((2, 3), (replaced.Documents[0].Copies, replaced.Documents.Count));
        Assert.Equal((created.Documents[1].Version, "CSDL dân cư"), (replaced.Documents[1].Version, replaced.Documents[1].DataSource));
    }

    [Fact]
    public async Task TheFeedHoldsEveryChangeOnceInOrderWhileWritersRun()
    {
        var procedures = new List<ProcedureDetail>();
        for (var index = 0; index < 4; index++)
        {
            procedures.Add(await Build.Procedure("92", $"1.71000{index}"));
        }

        var start = (await Feed("&limit=1000")).NextCursor;
        var seen = new List<Change>();
        var cursor = start;
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var page = await Feed($"&limit=5&after={cursor}");
                seen.AddRange(page.Items);
                cursor = page.NextCursor;
            }
        }, Cancel);

        var writers = procedures.Select(procedure => Task.Run(async () =>
        {
            var created = new List<long>();
            for (var entry = 0; entry < 15; entry++)
            {
                created.Add((await Build.Time(procedure.Id, $"2025-{1 + (entry % 12):D2}-01", 10 + entry)).Id);
            }

            return created;
        }, Cancel)).ToList();
        var written = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToHashSet();
        await stop.CancelAsync();
        await poller;
        while (true)
        {
            var page = await Feed($"&limit=5&after={cursor}");
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            if (page.Items.Count == 0)
            {
                break;
            }
        }

        Assert.Equal(seen.Select(change => change.Position).Distinct().Count(), seen.Count);
        Assert.Equal(seen.Select(change => change.Position).Order(), seen.Select(change => change.Position));
        var entries = seen.Where(change => change.Entity == "time-entry").Select(change => long.Parse(change.EntityKey, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(written.Count, entries.Count);
        Assert.True(written.SetEquals(entries));
    }

    [Fact]
    public async Task TheFeedFiltersByJurisdictionAndRefusesAForeignCursor()
    {
        await Build.Procedure("11", "1.700020");
        await Build.Procedure("20", "1.700021");
        var onlyLangSon = await WholeFeed("20");
        Assert.NotEmpty(onlyLangSon);
        Assert.All(onlyLangSon, change => Assert.Equal("20", change.Jurisdiction));
        var errors = await (await client.Get("/api/v1/changes?after=not-a-cursor&limit=0")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["after", "limit"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task TheAuditTrailNamesEveryChangeAndOutlivesTheProcedure()
    {
        var procedure = await Build.Procedure("11", "1.700022");
        var document = await (await client.PostJson($"/api/v1/procedures/{procedure.Id}/documents", new DocumentInput("Tờ khai", null, 1, 0, null, false, null)))
            .ReadAs<Document>(HttpStatusCode.Created);
        await (await client.Delete($"/api/v1/procedures/{procedure.Id}/documents/{document.Id}", HttpAssertions.Tag(document.Id, document.Version))).Content.ReadAsStringAsync(Cancel);
        await (await client.Delete($"/api/v1/procedures/{procedure.Id}", HttpAssertions.Tag(procedure.Id, procedure.Version + 2))).Content.ReadAsStringAsync(Cancel);

        var trail = await (await client.Get($"/api/v1/procedures/{procedure.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal([("procedure", "created"), ("document", "created"), ("document", "deleted"), ("procedure", "deleted")],
            trail.Select(change => (change.Entity, change.Action)).ToArray());
        Assert.All(trail, change => Assert.Equal("tests-admin", change.ChangedBy));
        await (await client.Get("/api/v1/procedures/987654/audit")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOversizedBodyIs413AndChangesNothing()
    {
        var input = await Build.NewProcedure("11", "1.700023");
        var huge = input with { Name = new string('x', 2 * 1024 * 1024) };
        var response = await client.PostAsJsonAsync("/api/v1/procedures", huge, CatalogApiFactory.Json, Cancel);
        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
        await (await client.Get("/api/v1/jurisdictions/11/procedures/1.700023")).Problem(HttpStatusCode.NotFound);
    }
}
