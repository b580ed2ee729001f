using System.Net;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

public sealed class ProcedureApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    [Fact]
    public async Task CreatedProcedureIsReadBackWithDocumentsLegalBasisAndETag()
    {
        var input = await Build.NewProcedure("11", "1.001612", "Đăng ký thành lập doanh nghiệp tư nhân");
        var response = await client.PostJson("/api/v1/procedures", input);
        var created = await response.ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/procedures/{created.Id}", response.Headers.Location?.OriginalString);

        var read = await client.Get($"/api/v1/procedures/{created.Id}");
        var procedure = await read.ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.StartsWith($"\"{created.Id}-1.", read.Headers.ETag?.Tag, StringComparison.Ordinal);
        Assert.Equal(("11", "1.001612", "Đăng ký thành lập doanh nghiệp tư nhân"), (procedure.Jurisdiction, procedure.Code, procedure.Name));
        Assert.Equal(ProcedureStatus.Active, procedure.Status);
        Assert.Equal("Luật Doanh nghiệp", Assert.Single(procedure.LegalBasis).Title);
        Assert.Equal("Giấy đề nghị", Assert.Single(procedure.Documents).Name);
        Assert.Equal("Đăng ký kinh doanh", procedure.Field.Name);
        Assert.Null(procedure.TimeInForce);
    }

    [Fact]
    public async Task ProcedureIsFoundByJurisdictionAndCode()
    {
        var created = await Build.Procedure("11", "1.000001.H11");
        var found = await (await client.Get("/api/v1/jurisdictions/11/procedures/1.000001.H11")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(created.Id, found.Id);
        await (await client.Get("/api/v1/jurisdictions/20/procedures/1.000001.H11")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DuplicateJurisdictionAndCodeIsAConflictAndChangesNothing()
    {
        var first = await Build.Procedure("11", "1.000002");
        var again = await Build.NewProcedure("11", "1.000002", "Một tên khác");
        await (await client.PostJson("/api/v1/procedures", again)).Problem(HttpStatusCode.Conflict);

        var page = await (await client.Get("/api/v1/procedures?q=1.000002")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal(first.Name, Assert.Single(page.Items).Name);

        // The same code in another jurisdiction is another procedure.
        var elsewhere = await Build.NewProcedure("20", "1.000002");
        await (await client.PostJson("/api/v1/procedures", elsewhere)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AgencyOfAnotherJurisdictionAndUnknownFieldAreUnprocessable()
    {
        var foreignAgency = await Build.Agency("92", "Sở Tài chính thành phố Cần Thơ");
        var input = await Build.NewProcedure("11", "1.000003") with { AgencyId = foreignAgency, FieldId = 999_999 };
        var errors = await (await client.PostJson("/api/v1/procedures", input)).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("belongs to jurisdiction '92'", Assert.Single(errors["agencyId"]));
        Assert.Contains("does not exist", Assert.Single(errors["fieldId"]));
        await (await client.Get("/api/v1/jurisdictions/11/procedures/1.000003")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownJurisdictionIsUnprocessable()
    {
        var input = await Build.NewProcedure("11", "1.000004") with { Jurisdiction = "99" };
        var errors = await (await client.PostJson("/api/v1/procedures", input)).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("jurisdiction", errors.Keys);
    }

    [Fact]
    public async Task InvalidBodyNamesEveryBadField()
    {
        var input = await Build.NewProcedure("11", "1.000005") with { Code = "mã sai!", Name = "", LegalBasis = [new LegalBasisEntry("", "x", new DateOnly(1900, 1, 1), null)] };
        var errors = await (await client.PostJson("/api/v1/procedures", input)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("code", errors.Keys);
        Assert.Contains("name", errors.Keys);
        Assert.Contains("legalBasis[0].number", errors.Keys);
        Assert.Contains("legalBasis[0].issuedOn", errors.Keys);
    }

    [Fact]
    public async Task UnknownEnumValueListsTheAllowedValues()
    {
        var errors = await (await client.PostRaw("/api/v1/procedures", """{"jurisdiction":"11","kind":"private"}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("Not an allowed value; use one of: external, internal-between-agencies, internal-within-agency.", Assert.Single(errors["kind"]));
    }

    [Fact]
    public async Task MalformedDateIsNamed()
    {
        var errors = await (await client.PostRaw("/api/v1/procedures", """{"lastReviewedOn":"2025-02-30"}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("Not a valid date; use YYYY-MM-DD.", Assert.Single(errors["lastReviewedOn"]));
    }

    [Fact]
    public async Task IdsAndVersionsCannotBeAssigned()
    {
        var errors = await (await client.PostRaw("/api/v1/procedures", """{"id":7,"jurisdiction":"11"}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("Unknown field", Assert.Single(errors["id"]));
    }

    [Fact]
    public async Task MissingProcedureIsNotFound()
    {
        await (await client.Get("/api/v1/procedures/987654")).Problem(HttpStatusCode.NotFound);
        await (await client.PutJson("/api/v1/procedures/987654", ProcedureExamplesForTests.Update(1, 1))).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SearchIgnoresCaseAndVietnameseDiacritics()
    {
        var target = await Build.Procedure("51", "1.100001", "Đăng ký kinh doanh hộ cá thể tại Quảng Ngãi");
        await Build.Procedure("51", "1.100002", "Cấp giấy phép xây dựng");

        foreach (var query in new[] { "dang ky kinh doanh", "ĐĂNG KÝ KINH DOANH", "quang ngai", "đăng ký", "1.100001" })
        {
            var page = await (await client.Get($"/api/v1/procedures?jurisdiction=51&q={Uri.EscapeDataString(query)}")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
            Assert.True(page.Items.Any(item => item.Id == target.Id), $"'{query}' should find the procedure");
            Assert.DoesNotContain(page.Items, item => item.Code == "1.100002");
        }
    }

    [Fact]
    public async Task SearchTreatsWildcardsAsText()
    {
        await Build.Procedure("51", "1.100003", "Thủ tục không có ký tự đặc biệt");
        var page = await (await client.Get("/api/v1/procedures?jurisdiction=51&q=%25")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Empty(page.Items);
        var underscore = await (await client.Get("/api/v1/procedures?jurisdiction=51&q=_")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Empty(underscore.Items);
    }

    [Fact]
    public async Task FiltersCombine()
    {
        await Build.Procedure("20", "2.200001", "Thủ tục nội bộ giữa các cơ quan", ProcedureKind.InternalBetweenAgencies, businessRelated: false, field: "Nội vụ");
        await Build.Procedure("20", "2.200002", "Thủ tục bên ngoài về kinh doanh", ProcedureKind.External, businessRelated: true, field: "Nội vụ");
        var page = await (await client.Get("/api/v1/procedures?jurisdiction=20&kind=internal-between-agencies&businessRelated=false"))
            .ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal("2.200001", Assert.Single(page.Items).Code);
        var none = await (await client.Get("/api/v1/procedures?jurisdiction=20&kind=internal-between-agencies&businessRelated=true"))
            .ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal(0, none.TotalCount);
    }

    [Fact]
    public async Task PagingReportsTotalCountAndPages()
    {
        for (var index = 1; index <= 5; index++)
        {
            await Build.Procedure("VN", $"3.30000{index}", $"Thủ tục phân trang số {index}");
        }

        var last = await (await client.Get("/api/v1/procedures?jurisdiction=VN&q=phan%20trang&pageSize=2&page=3&sort=code"))
            .ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal((5L, 3L, 3, 2), (last.TotalCount, last.TotalPages, last.Page, last.PageSize));
        Assert.Equal("3.300005", Assert.Single(last.Items).Code);

        var descending = await (await client.Get("/api/v1/procedures?jurisdiction=VN&q=phan%20trang&sort=-code&pageSize=1"))
            .ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal("3.300005", Assert.Single(descending.Items).Code);
    }

    [Fact]
    public async Task BadQueryValuesAreAllReportedTogether()
    {
        var errors = await (await client.Get("/api/v1/procedures?pageSize=101&page=0&level=region&sort=cost&boundaryFree=maybe&agencyId=-1&jurisdiction=Hà%20Nội"))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["agencyId", "boundaryFree", "jurisdiction", "level", "page", "pageSize", "sort"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task UpdateChangesTheProcedureAndRaisesItsVersion()
    {
        var created = await Build.Procedure("11", "1.000010");
        var update = ProcedureExamplesForTests.Update(created.Field.Id, created.Agency.Id) with { Code = "1.000010", Name = "Tên đã sửa", OnlineLevel = OnlineLevel.Full };
        var response = await client.PutJson($"/api/v1/procedures/{created.Id}", update, ifMatch: HttpAssertions.Tag(created.Id, 1));
        var updated = await response.ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(("Tên đã sửa", OnlineLevel.Full, 2L), (updated.Name, updated.OnlineLevel, updated.Version));
        Assert.StartsWith($"\"{created.Id}-2.", response.Headers.ETag?.Tag, StringComparison.Ordinal);
        Assert.Empty(updated.LegalBasis);
    }

    [Fact]
    public async Task StaleIfMatchIsPreconditionFailedAndChangesNothing()
    {
        var created = await Build.Procedure("11", "1.000011");
        var update = ProcedureExamplesForTests.Update(created.Field.Id, created.Agency.Id) with { Code = "1.000011", Name = "Ghi đè" };
        await (await client.PutJson($"/api/v1/procedures/{created.Id}", update, ifMatch: HttpAssertions.Tag(created.Id, 7))).Problem(HttpStatusCode.PreconditionFailed);
        var unchanged = await (await client.Get($"/api/v1/procedures/{created.Id}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((created.Name, 1L), (unchanged.Name, unchanged.Version));
    }

    [Fact]
    public async Task UpdateToACodeTakenInTheJurisdictionIsAConflict()
    {
        await Build.Procedure("11", "1.000012");
        var second = await Build.Procedure("11", "1.000013");
        var update = ProcedureExamplesForTests.Update(second.Field.Id, second.Agency.Id) with { Code = "1.000012" };
        await (await client.PutJson($"/api/v1/procedures/{second.Id}", update, HttpAssertions.Tag(second.Id, second.Version))).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AbolishingNeedsADateAndCanBeUndone()
    {
        var created = await Build.Procedure("11", "1.000014");
        var url = $"/api/v1/procedures/{created.Id}/status";
        var errors = await (await client.PutJson(url, new ProcedureStatusChange(ProcedureStatus.Abolished, null))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("abolishedOn", errors.Keys);

        var abolished = await (await client.PutJson(url, new ProcedureStatusChange(ProcedureStatus.Abolished, new DateOnly(2025, 7, 1)), HttpAssertions.Tag(created.Id, created.Version))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((ProcedureStatus.Abolished, new DateOnly(2025, 7, 1)), (abolished.Status, abolished.AbolishedOn));
        var filtered = await (await client.Get("/api/v1/procedures?jurisdiction=11&status=abolished")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Contains(filtered.Items, item => item.Id == created.Id);

        var again = await (await client.PutJson(url, new ProcedureStatusChange(ProcedureStatus.Abolished, new DateOnly(2025, 7, 1)), HttpAssertions.Tag(abolished.Id, abolished.Version))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(abolished.Version, again.Version);

        var reinstated = await (await client.PutJson(url, new ProcedureStatusChange(ProcedureStatus.Active, null), HttpAssertions.Tag(again.Id, again.Version))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((ProcedureStatus.Active, (DateOnly?)null), (reinstated.Status, reinstated.AbolishedOn));
    }

    [Fact]
    public async Task ProcedureWithHistoryCannotBeDeleted()
    {
        var created = await Build.Procedure("11", "1.000015");
        await Build.Time(created.Id, "2024-01-01", 10);
        await (await client.Delete($"/api/v1/procedures/{created.Id}", HttpAssertions.Tag(created.Id, created.Version + 1))).Problem(HttpStatusCode.Conflict);
        await (await client.Get($"/api/v1/procedures/{created.Id}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProcedureEnteredByMistakeIsDeletedWithItsDocuments()
    {
        var created = await Build.Procedure("11", "1.000016");
        var deleted = await client.Delete($"/api/v1/procedures/{created.Id}", HttpAssertions.Tag(created.Id, created.Version));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await client.Get($"/api/v1/procedures/{created.Id}")).Problem(HttpStatusCode.NotFound);
        await (await client.Get($"/api/v1/procedures/{created.Id}/documents")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ValueInForceFollowsTheAsOfDate()
    {
        var created = await Build.Procedure("92", "1.009645");
        await Build.Time(created.Id, "2023-05-01", 15);
        await Build.Time(created.Id, "2025-03-01", 10);
        await Build.Time(created.Id, "2026-01-15", 7);
        await Build.Cost(created.Id, "2024-01-01", 500_000, 200_000, 8m);

        async Task<ProcedureDetail> On(string date) =>
            await (await client.Get($"/api/v1/procedures/{created.Id}?asOf={date}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);

        Assert.Null((await On("2023-04-30")).TimeInForce);
        Assert.Equal(15m, (await On("2024-12-31")).TimeInForce!.Amount);
        Assert.Equal(10m, (await On("2025-03-01")).TimeInForce!.Amount);
        Assert.Equal(10m, (await On("2026-01-14")).TimeInForce!.Amount);
        var late = await On("2026-11-22");
        Assert.Equal((7m, new DateOnly(2026, 11, 22)), (late.TimeInForce!.Amount, late.AsOf));
        Assert.Equal(500_000, late.CostInForce!.FeeVnd);
        await (await client.Get($"/api/v1/procedures/{created.Id}?asOf=2025-02-30")).Problem(HttpStatusCode.BadRequest);
        await (await client.Get($"/api/v1/procedures/{created.Id}?asOf=1800-01-01")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MisspeltQueryParametersAreRefusedNotIgnored()
    {
        var errors = await (await client.Get("/api/v1/procedures?jurisdicton=92")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("jurisdiction", Assert.Single(errors["jurisdicton"]), StringComparison.Ordinal);
        await (await client.Get("/api/v1/fields?name=x")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/api/v1/procedures?Jurisdiction=92&PAGESIZE=5")).StatusCode);
    }

    [Fact]
    public async Task NumbersMustBeJsonNumbers()
    {
        var errors = await (await client.PostRaw("/api/v1/fields", "{\"name\": 12}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("name", errors.Keys);
        var input = await Build.NewProcedure("11", "1.000099");
        var json = System.Text.Json.JsonSerializer.Serialize(input, CatalogApiFactory.Json).Replace($"\"fieldId\":{input.FieldId}", $"\"fieldId\":\"{input.FieldId}\"", StringComparison.Ordinal);
        var refused = await (await client.PostRaw("/api/v1/procedures", json)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("fieldId", refused.Keys);
    }
}
