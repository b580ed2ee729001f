using System.Net;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.PeriodReports;

/// <summary>A jurisdiction's report day through the jurisdictions API: 22 unless set, 1 to 28, kept when an update leaves it out.</summary>
public sealed class JurisdictionReportDayApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task TheReportDayIs22UnlessSetAndAnUpdateWithoutItKeepsIt()
    {
        var created = await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("11", "Tỉnh Điện Biên", JurisdictionLevel.Province)))
            .ReadAs<Jurisdiction>(HttpStatusCode.Created);
        Assert.Equal(22, created.ReportDay);

        var set = await (await client.PutJson("/api/v1/jurisdictions/11", new JurisdictionUpdate("Tỉnh Điện Biên", JurisdictionLevel.Province, ReportDay: 5), HttpAssertions.Tag(1)))
            .ReadAs<Jurisdiction>(HttpStatusCode.OK);
        Assert.Equal(5, set.ReportDay);
        var renamed = await (await client.PutJson("/api/v1/jurisdictions/11", new JurisdictionUpdate("Tỉnh Điện Biên (mới)", JurisdictionLevel.Province), HttpAssertions.Tag(2)))
            .ReadAs<Jurisdiction>(HttpStatusCode.OK);
        Assert.Equal((5, "Tỉnh Điện Biên (mới)"), (renamed.ReportDay, renamed.Name));

        var own = await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("92", "Thành phố Cần Thơ", JurisdictionLevel.Province, ReportDay: 28)))
            .ReadAs<Jurisdiction>(HttpStatusCode.Created);
        Assert.Equal(28, (await (await client.Get("/api/v1/jurisdictions/92")).ReadAs<Jurisdiction>(HttpStatusCode.OK)).ReportDay);
        Assert.Equal(28, own.ReportDay);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    [InlineData(31)]
    public async Task AReportDayOutside1To28IsRefusedNamingIt(int day)
    {
        var errors = await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("20", "Tỉnh Lạng Sơn", JurisdictionLevel.Province, ReportDay: day)))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("reportDay", errors.Keys);
        await (await client.Get("/api/v1/jurisdictions/20")).Problem(HttpStatusCode.NotFound);
    }
}
