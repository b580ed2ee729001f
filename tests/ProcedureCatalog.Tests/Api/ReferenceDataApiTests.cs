using System.Net;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

public sealed class ReferenceDataApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task JurisdictionIsCreatedListedReadAndRenamed()
    {
        await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("20", "Tỉnh Lạng Sơn", JurisdictionLevel.Province)))
            .ReadAs<Jurisdiction>(HttpStatusCode.Created);
        var all = await (await client.Get("/api/v1/jurisdictions")).ReadAs<List<Jurisdiction>>(HttpStatusCode.OK);
        Assert.Contains(all, jurisdiction => jurisdiction.Code == "20" && jurisdiction.Name == "Tỉnh Lạng Sơn");

        var renamed = await (await client.PutJson("/api/v1/jurisdictions/20", new JurisdictionUpdate("Tỉnh Lạng Sơn (mới)", JurisdictionLevel.Province), "\"1\""))
            .ReadAs<Jurisdiction>(HttpStatusCode.OK);
        Assert.Equal(("Tỉnh Lạng Sơn (mới)", 2L), (renamed.Name, renamed.Version));
        await (await client.PutJson("/api/v1/jurisdictions/20", new JurisdictionUpdate("Cũ", JurisdictionLevel.Province), "\"1\""))
            .Problem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task JurisdictionRulesAreEnforced()
    {
        await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("51", "Tỉnh Quảng Ngãi", JurisdictionLevel.Province)))
            .ReadAs<Jurisdiction>(HttpStatusCode.Created);
        await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("51", "Trùng", JurisdictionLevel.Province)))
            .Problem(HttpStatusCode.Conflict);
        var errors = await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("HN1", "", JurisdictionLevel.Province)))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["code", "name"], errors.Keys.Order().ToArray());
        await (await client.Get("/api/v1/jurisdictions/77")).Problem(HttpStatusCode.NotFound);
        await (await client.PutJson("/api/v1/jurisdictions/77", new JurisdictionUpdate("X", JurisdictionLevel.Province))).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FieldNamesAreUnique()
    {
        var field = await (await client.PostJson("/api/v1/fields", new FieldInput("Xây dựng"))).ReadAs<Field>(HttpStatusCode.Created);
        await (await client.PostJson("/api/v1/fields", new FieldInput("Xây dựng"))).Problem(HttpStatusCode.Conflict);
        var other = await (await client.PostJson("/api/v1/fields", new FieldInput("Đất đai"))).ReadAs<Field>(HttpStatusCode.Created);
        await (await client.PutJson($"/api/v1/fields/{other.Id}", new FieldInput("Xây dựng"))).Problem(HttpStatusCode.Conflict);

        var renamed = await (await client.PutJson($"/api/v1/fields/{field.Id}", new FieldInput("Xây dựng và quy hoạch"), HttpAssertions.Tag(field.Version))).ReadAs<Field>(HttpStatusCode.OK);
        Assert.Equal("Xây dựng và quy hoạch", renamed.Name);
        var read = await (await client.Get($"/api/v1/fields/{field.Id}")).ReadAs<Field>(HttpStatusCode.OK);
        Assert.Equal(renamed, read);
        await (await client.Get("/api/v1/fields/424242")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AgencyBelongsToAnExistingJurisdictionAndIsUniqueWithinIt()
    {
        var builder = new CatalogBuilder(client);
        await builder.Jurisdiction("11", "Tỉnh Điện Biên");
        await builder.Jurisdiction("92", "Thành phố Cần Thơ");
        var agency = await (await client.PostJson("/api/v1/agencies", new AgencyCreate("11", "Sở Tư pháp"))).ReadAs<Agency>(HttpStatusCode.Created);
        await (await client.PostJson("/api/v1/agencies", new AgencyCreate("11", "Sở Tư pháp"))).Problem(HttpStatusCode.Conflict);
        await (await client.PostJson("/api/v1/agencies", new AgencyCreate("92", "Sở Tư pháp"))).ReadAs<Agency>(HttpStatusCode.Created);
        var errors = await (await client.PostJson("/api/v1/agencies", new AgencyCreate("88", "Sở Tư pháp"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("jurisdiction", errors.Keys);

        var ofDienBien = await (await client.Get("/api/v1/agencies?jurisdiction=11")).ReadAs<List<Agency>>(HttpStatusCode.OK);
        Assert.All(ofDienBien, item => Assert.Equal("11", item.Jurisdiction));
        Assert.Contains(ofDienBien, item => item.Id == agency.Id);
        await (await client.Get("/api/v1/agencies?jurisdiction=Điện%20Biên")).Problem(HttpStatusCode.BadRequest);

        var renamed = await (await client.PutJson($"/api/v1/agencies/{agency.Id}", new AgencyUpdate("Sở Tư pháp tỉnh Điện Biên"), "\"1\""))
            .ReadAs<Agency>(HttpStatusCode.OK);
        Assert.Equal(("Sở Tư pháp tỉnh Điện Biên", "11"), (renamed.Name, renamed.Jurisdiction));
        await (await client.Get("/api/v1/agencies/99999")).Problem(HttpStatusCode.NotFound);
    }
}
