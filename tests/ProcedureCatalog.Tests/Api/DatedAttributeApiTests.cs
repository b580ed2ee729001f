using System.Net;
using ProcedureCatalog.Api.Attributes;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>The dated attributes, documents' marks and reviews through the API: recorded, read on a date, filtered on a date, removed when mistaken.</summary>
public sealed class DatedAttributeApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    private Task<ProcedureDetail> Read(long id, string? asOf = null) =>
        client.Get($"/api/v1/procedures/{id}" + (asOf is null ? string.Empty : $"?asOf={asOf}")).ContinueWith(response => response.Result.ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Unwrap();

    [Fact]
    public async Task AChangeIsInForceFromItsDayAndTheProcedureReadsOnAnyDateAsItWasThen()
    {
        var procedure = await Build.Procedure("11", "1.700001");
        var url = $"/api/v1/procedures/{procedure.Id}/attribute-history";
        var entries = await (await client.PostJson(url, new AttributeChange("2150/QĐ-UBND", new DateOnly(2025, 9, 1), OnlineLevel: OnlineLevel.Full, BoundaryFree: false)))
            .ReadAs<List<AttributeEntry>>(HttpStatusCode.Created);
        Assert.Equal([(DatedAttribute.OnlineLevel, (OnlineLevel?)OnlineLevel.Full, (bool?)null), (DatedAttribute.BoundaryFree, null, false)],
            entries.Select(entry => (entry.Attribute, entry.OnlineLevel, entry.BoundaryFree)).OrderBy(entry => entry.Attribute).ToArray());

        var before = await Read(procedure.Id, "2025-08-31");
        var after = await Read(procedure.Id, "2025-09-01");
        Assert.Equal((OnlineLevel.Partial, true), (before.OnlineLevel, before.BoundaryFree));
        Assert.Equal((OnlineLevel.Full, false), (after.OnlineLevel, after.BoundaryFree));

        // The list filters on the date asked for; the history lists the entries from the beginning on.
        Assert.DoesNotContain(await List("onlineLevel=full&asOf=2025-08-31&jurisdiction=11"), row => row.Id == procedure.Id);
        Assert.Contains(await List("onlineLevel=full&asOf=2025-09-01&jurisdiction=11"), row => row is { OnlineLevel: OnlineLevel.Full } && row.Id == procedure.Id);
        var history = await (await client.Get(url + "?attribute=online-level")).ReadAs<List<AttributeEntry>>(HttpStatusCode.OK);
        Assert.Equal([(DateOnly.MinValue, OnlineLevel.Partial, (string?)null), (new DateOnly(2025, 9, 1), OnlineLevel.Full, "2150/QĐ-UBND")],
            history.Select(entry => (entry.EffectiveFrom, entry.OnlineLevel!.Value, entry.DecisionRef)).ToArray());

        // Recorded as a part of the procedure: its version moves and the change feed and its audit trail have the entries.
        Assert.True(after.Version > procedure.Version);
        var audit = await (await client.Get($"/api/v1/procedures/{procedure.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal(2, audit.Count(change => change is { Entity: "attribute-entry", Action: "created" }));

        // The first entry of an attribute stays; a later one entered by mistake goes.
        var current = await Read(procedure.Id);
        await (await client.Delete($"{url}/{history[0].Id}", HttpAssertions.Tag(current.Id, current.Version))).Problem(HttpStatusCode.Conflict);
        await (await client.Delete($"{url}/{history[1].Id}", null)).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/{history[1].Id}", HttpAssertions.Tag(current.Id, current.Version))).StatusCode);
        Assert.Equal(OnlineLevel.Partial, (await Read(procedure.Id, "2025-09-01")).OnlineLevel);
        await (await client.Delete($"{url}/{history[1].Id}", HttpAssertions.Tag(current.Id, current.Version + 1))).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AChangeMustSayWhatItChangesAndTheListSaysWhichAttributeItKnows()
    {
        var procedure = await Build.Procedure("11", "1.700002");
        Assert.Equal(["attributes"], (await (await client.PostJson($"/api/v1/procedures/{procedure.Id}/attribute-history", new AttributeChange("1/QĐ")))
            .Problem(HttpStatusCode.BadRequest)).Keys.ToArray());
        Assert.Equal(["attribute"], (await (await client.Get($"/api/v1/procedures/{procedure.Id}/attribute-history?attribute=colour")).Problem(HttpStatusCode.BadRequest)).Keys.ToArray());
        await (await client.Get("/api/v1/procedures/999999/attribute-history")).Problem(HttpStatusCode.NotFound);

        // Without effectiveFrom, from the day it is recorded (today in Vietnam).
        var today = (await Read(procedure.Id)).AsOf;
        var entry = Assert.Single(await (await client.PostJson($"/api/v1/procedures/{procedure.Id}/attribute-history", new AttributeChange("9/QĐ", TechnicalRegulation: true)))
            .ReadAs<List<AttributeEntry>>(HttpStatusCode.Created));
        Assert.Equal((today, (bool?)true), (entry.EffectiveFrom, entry.TechnicalRegulation));
        Assert.True((await Read(procedure.Id)).TechnicalRegulation);
        Assert.False((await Read(procedure.Id, today.AddDays(-1).ToString("yyyy-MM-dd"))).TechnicalRegulation);
    }

    [Fact]
    public async Task AnUpdateRecordsWhatDiffersFromItsEffectiveDayAndTheSameBodyAgainChangesNothing()
    {
        var input = await Build.NewProcedure("20", "1.700003");
        var created = await (await client.PutJson("/api/v1/jurisdictions/20/procedures/1.700003", CatalogBuilder.Upsert(input, input.Name))).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        var changed = CatalogBuilder.Upsert(input, input.Name) with
        {
            OnlineLevel = OnlineLevel.Full, TechnicalRegulation = true, EffectiveFrom = new DateOnly(2025, 3, 1), DecisionRef = "512/QĐ-UBND",
            LastReviewedOn = new DateOnly(2025, 10, 1),
        };
        var replaced = await (await client.PutJson("/api/v1/jurisdictions/20/procedures/1.700003", changed, HttpAssertions.Tag(created.Id, created.Version)))
            .ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((OnlineLevel.Full, true, new DateOnly(2025, 10, 1)), (replaced.OnlineLevel, replaced.TechnicalRegulation, replaced.LastReviewedOn));
        var before = await Read(created.Id, "2025-02-28");
        Assert.Equal((OnlineLevel.Partial, false, (DateOnly?)null), (before.OnlineLevel, before.TechnicalRegulation, before.LastReviewedOn));
        var entries = await (await client.Get($"/api/v1/procedures/{created.Id}/attribute-history")).ReadAs<List<AttributeEntry>>(HttpStatusCode.OK);
        Assert.Equal(8, entries.Count);
        Assert.All(entries.Where(entry => entry.EffectiveFrom != DateOnly.MinValue), entry => Assert.Equal((new DateOnly(2025, 3, 1), "512/QĐ-UBND"), (entry.EffectiveFrom, entry.DecisionRef)));
        var reviews = await (await client.Get($"/api/v1/procedures/{created.Id}/reviews")).ReadAs<List<Review>>(HttpStatusCode.OK);
        Assert.Equal([new DateOnly(2025, 6, 1), new DateOnly(2025, 10, 1)], reviews.Select(review => review.ReviewedOn).ToArray());

        // The same body again, without If-Match: nothing written, the version stays.
        var again = await (await client.PutJson("/api/v1/jurisdictions/20/procedures/1.700003", changed)).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(replaced.Version, again.Version);

        // An old client's body without the new members leaves technicalRegulation as it is.
        var flat = CatalogBuilder.Upsert(input, input.Name) with { OnlineLevel = OnlineLevel.Full };
        var kept = await (await client.PutJson("/api/v1/jurisdictions/20/procedures/1.700003", flat)).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.True(kept.TechnicalRegulation);
    }

    [Fact]
    public async Task ADocumentCountsFromItsFirstMarkAndItsMarkIsDated()
    {
        var procedure = await Build.Procedure("51", "1.700004");
        var today = (await Read(procedure.Id)).AsOf;
        var added = await (await client.PostJson($"/api/v1/procedures/{procedure.Id}/documents", new DocumentInput("Bản sao căn cước", null, 0, 1, null, false, null)))
            .ReadAs<Document>(HttpStatusCode.Created);
        Assert.Equal(2, (await Read(procedure.Id)).Documents.Count);
        Assert.Single((await Read(procedure.Id, today.AddDays(-1).ToString("yyyy-MM-dd"))).Documents);

        var url = $"/api/v1/procedures/{procedure.Id}/documents/{added.Id}/provided-once-history";
        var mark = await (await client.PostJson(url, new ProvidedOnceChange("12/2025/NĐ-CP", true, today.AddDays(30)))).ReadAs<ProvidedOnceEntry>(HttpStatusCode.Created);
        Assert.False((await Read(procedure.Id)).Documents.Single(document => document.Id == added.Id).ProvidedOnce);
        Assert.True((await Read(procedure.Id, today.AddDays(30).ToString("yyyy-MM-dd"))).Documents.Single(document => document.Id == added.Id).ProvidedOnce);
        var marks = await (await client.Get(url)).ReadAs<List<ProvidedOnceEntry>>(HttpStatusCode.OK);
        Assert.Equal([(today, false), (today.AddDays(30), true)], marks.Select(entry => (entry.EffectiveFrom, entry.ProvidedOnce)).ToArray());

        var current = await Read(procedure.Id);
        await (await client.Delete($"{url}/{marks[0].Id}", HttpAssertions.Tag(current.Id, current.Version))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/{mark.Id}", HttpAssertions.Tag(current.Id, current.Version))).StatusCode);
        await (await client.Get($"/api/v1/procedures/{procedure.Id}/documents/999999/provided-once-history")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReviewsAreDatedEventsAndLastReviewedOnIsTheLatestOnOrBeforeTheDate()
    {
        var procedure = await Build.Procedure("92", "1.700005");
        var url = $"/api/v1/procedures/{procedure.Id}/reviews";
        var review = await (await client.PostJson(url, new ReviewInput(new DateOnly(2026, 3, 10), "300/QĐ-UBND", "Bỏ một bản sao."))).ReadAs<Review>(HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2025, 6, 1), (await Read(procedure.Id, "2026-03-09")).LastReviewedOn);
        Assert.Equal(new DateOnly(2026, 3, 10), (await Read(procedure.Id, "2026-03-10")).LastReviewedOn);
        Assert.Equal(["300/QĐ-UBND"], (await (await client.Get(url)).ReadAs<List<Review>>(HttpStatusCode.OK)).Select(row => row.DecisionRef).OfType<string>().ToArray());

        var current = await Read(procedure.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/{review.Id}", HttpAssertions.Tag(current.Id, current.Version))).StatusCode);
        await (await client.Delete($"{url}/{review.Id}", HttpAssertions.Tag(current.Id, current.Version + 1))).Problem(HttpStatusCode.NotFound);
        Assert.Equal(new DateOnly(2025, 6, 1), (await Read(procedure.Id, "2026-03-10")).LastReviewedOn);
    }

    [Fact]
    public async Task AnImportedRecordNamesTheDayItsChangesTakeEffectAndTheExportOfADayCarriesWhatWasInForce()
    {
        var procedure = await Build.Procedure("40", "1.700006");
        const string Header = "code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,technicalRegulation,effectiveFrom,decisionRef";
        var csv = $"{Header}\r\n1.700006,\"{procedure.Name}\",province,external,true,full,true,true,Đăng ký kinh doanh,Sở Tài chính,true,2025-05-01,77/QĐ-UBND\r\n";
        var result = await client.ImportAndWait("40", new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "text/csv");
        Assert.Equal(("succeeded", 1L), (result.Status, result.Updated));
        Assert.Equal((OnlineLevel.Partial, false), ((await Read(procedure.Id, "2025-04-30")).OnlineLevel, (await Read(procedure.Id, "2025-04-30")).TechnicalRegulation));
        Assert.Equal((OnlineLevel.Full, true), ((await Read(procedure.Id, "2025-05-01")).OnlineLevel, (await Read(procedure.Id, "2025-05-01")).TechnicalRegulation));
        var entries = await (await client.Get($"/api/v1/procedures/{procedure.Id}/attribute-history")).ReadAs<List<AttributeEntry>>(HttpStatusCode.OK);
        Assert.Equal(2, entries.Count(entry => entry is { DecisionRef: "77/QĐ-UBND", EffectiveFrom: { Year: 2025, Month: 5, Day: 1 } }));

        // The same record again changes nothing; the export of each day says what was in force then.
        Assert.Equal(1L, (await client.ImportAndWait("40", new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "text/csv")).Unchanged);
        async Task<string> Exported(string asOf) => await (await client.Get($"/api/v1/jurisdictions/40/export?asOf={asOf}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(",province,external,có,partial,", await Exported("2025-04-30"), StringComparison.Ordinal);
        Assert.Contains(",province,external,có,full,", await Exported("2025-05-01"), StringComparison.Ordinal);
    }

    private async Task<List<ProcedureSummary>> List(string query) =>
        (await (await client.Get($"/api/v1/procedures?pageSize=100&{query}")).ReadAs<ProcedureCatalog.Api.Infrastructure.PageOf<ProcedureSummary>>(HttpStatusCode.OK)).Items.ToList();
}
