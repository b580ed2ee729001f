using System.Net;
using ProcedureCatalog.Api.Attributes;
using ProcedureCatalog.Api.PeriodReports;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.PeriodReports;

/// <summary>
/// Changes of online levels and boundary-free flags recorded through the API in the period of Cần Thơ's November 2026
/// report (on a sample catalogue of its own, today 23 November 2026): a setback shows in the report's noLonger lists,
/// in its workbook's sheet and in its document's table, and is gone once its entry is removed as a mistake.
/// </summary>
public sealed class PeriodAttributeMovesApiTests(MovableClockSampleCatalogApiFactory factory) : IClassFixture<MovableClockSampleCatalogApiFactory>
{
    private const string November = "/api/v1/reports/monthly?jurisdiction=92&month=2026-11";

    private readonly HttpClient client = factory.CreateClient();

    private async Task<PeriodReport> Report() => await (await client.Get(November)).ReadAs<PeriodReport>(HttpStatusCode.OK);

    private async Task<ProcedureDetail> Procedure(string code) =>
        await (await client.Get($"/api/v1/jurisdictions/92/procedures/{code}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);

    private async Task<List<AttributeEntry>> Record(long id, AttributeChange change) =>
        await (await client.PostJson($"/api/v1/procedures/{id}/attribute-history", change)).ReadAs<List<AttributeEntry>>(HttpStatusCode.Created);

    private async Task Remove(long id, IEnumerable<AttributeEntry> entries)
    {
        foreach (var entry in entries)
        {
            var current = await (await client.Get($"/api/v1/procedures/{id}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.NoContent,
                (await client.Delete($"/api/v1/procedures/{id}/attribute-history/{entry.Id}", HttpAssertions.Tag(current.Id, current.Version))).StatusCode);
        }
    }

    [Fact]
    public async Task ASetbackRecordedInThePeriodIsListedEverywhereAndGoesWithItsEntry()
    {
        // 1.009645 (fully online since 2025, boundary-free from the beginning): back to in part and no longer boundary-free from 20 November.
        var investment = await Procedure("1.009645");
        var setback = await Record(investment.Id, new AttributeChange("1990/QĐ-UBND", new DateOnly(2026, 11, 20), OnlineLevel: OnlineLevel.Partial, BoundaryFree: false));

        // 1.009650 not boundary-free from 10 November, recorded by mistake and removed: it never shows.
        var adjustment = await Procedure("1.009650");
        await Remove(adjustment.Id, await Record(adjustment.Id, new AttributeChange("1950/QĐ-UBND", new DateOnly(2026, 11, 10), BoundaryFree: false)));

        var report = await Report();
        Assert.Empty(report.NoLonger.Online);
        var level = Assert.Single(report.NoLonger.FullOnline);
        Assert.Equal(("1.009645", (OnlineLevel?)OnlineLevel.Full, OnlineLevel.Partial, new DateOnly(2026, 11, 20), (string?)"1990/QĐ-UBND", investment.Agency.Name),
            (level.Code, level.Before, level.After, level.EffectiveFrom, level.DecisionRef, level.AgencyName));
        var boundary = Assert.Single(report.NoLonger.BoundaryFree);
        Assert.Equal(("1.009645", (bool?)true, false, new DateOnly(2026, 11, 20), (string?)"1990/QĐ-UBND"),
            (boundary.Code, boundary.Before, boundary.After, boundary.EffectiveFrom, boundary.DecisionRef));

        // The workbook's sheet and the document's table hold the same rows, the document's summary counts the procedure once.
        var sheet = OfficeFiles.Sheets(await client.Download(November, OfficeFiles.Xlsx))["Giảm mức trong kỳ"];
        Assert.Equal(
            [
                ["Trực tuyến toàn trình", "1.009645", investment.Name, investment.Agency.Name, "Toàn trình", "Một phần", new DateTime(2026, 11, 20).ToOADate(), "1990/QĐ-UBND"],
                ["Không phụ thuộc địa giới hành chính", "1.009645", investment.Name, investment.Agency.Name, "Có", "Không", new DateTime(2026, 11, 20).ToOADate(), "1990/QĐ-UBND"],
            ],
            sheet.Skip(1));
        var docx = await client.Download(November, OfficeFiles.Docx);
        var table = OfficeFiles.Tables(docx).Single(rows => rows[0].SequenceEqual(["STT", "Mã TTHC", "Tên thủ tục", "Nội dung", "Trước", "Sau", "Quyết định, ngày hiệu lực"]));
        Assert.Equal(
            [
                ["1", "1.009645", investment.Name, "Trực tuyến toàn trình", "Toàn trình", "Một phần", "1990/QĐ-UBND, 20/11/2026"],
                ["2", "1.009645", investment.Name, "Không phụ thuộc địa giới hành chính", "Có", "Không", "1990/QĐ-UBND, 20/11/2026"],
            ],
            table.Skip(1));
        Assert.Contains("(1 thủ tục giảm mức trực tuyến hoặc không còn thực hiện không phụ thuộc vào địa giới hành chính)", string.Join("\n", OfficeFiles.Paragraphs(docx)),
            StringComparison.Ordinal);

        // Removed as a mistake, the setback leaves the report.
        await Remove(investment.Id, setback);
        var after = await Report();
        Assert.Empty(after.NoLonger.FullOnline.Concat(after.NoLonger.Online));
        Assert.Empty(after.NoLonger.BoundaryFree);
    }
}
