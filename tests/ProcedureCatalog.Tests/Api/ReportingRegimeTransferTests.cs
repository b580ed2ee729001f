using System.Net;
using System.Text;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.ReportingRegimes;
using ProcedureCatalog.Tests.Support;
using static ProcedureCatalog.Tests.Support.RegimeRequests;

namespace ProcedureCatalog.Tests.Api;

/// <summary>The regimes' export and import: every format back unchanged, all or nothing, rows and columns named, dry runs.</summary>
public sealed class ReportingRegimeTransferTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    private const string Columns = "name,legalBasis,agency,frequency,status,abolishedOn,electronic,electronicFrom,electronicDecisionRef";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Columns + "\n" + string.Join("\n", rows) + "\n");

    private async Task<RegimeImportResult> Imported(HttpResponseMessage response) => await response.ReadAs<RegimeImportResult>(HttpStatusCode.OK);

    private async Task<List<ReportingRegime>> RegimesOf(string jurisdiction, string? asOf = null) =>
        (await (await client.Get($"/api/v1/reporting-regimes?jurisdiction={jurisdiction}&pageSize=100{(asOf is null ? string.Empty : $"&asOf={asOf}")}"))
            .ReadAs<PageOf<ReportingRegime>>(HttpStatusCode.OK)).Items.ToList();

    [Fact]
    public async Task AnExportImportsBackUnchangedInEveryFormatAndBuildsTheSameRegimesElsewhere()
    {
        var interior = await Build.Agency("61", "Sở Nội vụ tỉnh xuất");
        var finance = await Build.Agency("61", "Sở Tài chính tỉnh xuất");
        var labour = await client.CreateRegime(Regime("61", "Báo cáo tình hình thay đổi về lao động", interior, ReportingFrequency.HalfYearly, Electronic(false, "2021-02-01")));
        await client.AppendElectronic(labour.Id, Electronic(true, "2025-07-01", "1520/QĐ-UBND"));
        await client.CreateRegime(Regime("61", "=Báo cáo có dấu bằng, \"ngoặc\"", finance, ReportingFrequency.AdHoc));
        var invoices = await client.CreateRegime(Regime("61", "Báo cáo tình hình sử dụng hóa đơn", finance, ReportingFrequency.Quarterly, Electronic(false, "2014-06-01"),
            ProcedureStatus.Abolished, new DateOnly(2022, 7, 1)));
        Assert.Equal(ProcedureStatus.Abolished, invoices.Status);

        var media = new Dictionary<string, string> { ["csv"] = "text/csv", ["xlsx"] = XlsxTable<object>.MediaType, ["json"] = "application/json" };
        foreach (var (format, mediaType) in media)
        {
            var file = await client.ExportRegimes("61", format);
            var back = await Imported(await client.ImportRegimes("61", file, mediaType, dryRun: true));
            Assert.Equal(new RegimeImportResult(true, 3, 0, 0, 3), back);
            Assert.Equal(new RegimeImportResult(false, 3, 0, 0, 3), await Imported(await client.ImportRegimes("61", file, mediaType)));
        }

        var csv = Encoding.UTF8.GetString(await client.ExportRegimes("61", "csv", asOf: "2025-12-31")).TrimStart('\uFEFF');
        Assert.StartsWith(Columns + "\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=Báo cáo có dấu bằng, \"\"ngoặc\"\"\",", csv, StringComparison.Ordinal);
        Assert.Contains("Báo cáo tình hình thay đổi về lao động,\"Nghị định 145/2020/NĐ-CP, Điều 4\",Sở Nội vụ tỉnh xuất,half-yearly,active,,có,2025-07-01,1520/QĐ-UBND", csv, StringComparison.Ordinal);

        // The same file builds the same regimes in a jurisdiction with agencies of the same names; the history from the entries in force.
        await Build.Agency("62", "Sở Nội vụ tỉnh xuất");
        await Build.Agency("62", "Sở Tài chính tỉnh xuất");
        var json = await client.ExportRegimes("61", "json", asOf: "2024-12-31");
        Assert.Equal(new RegimeImportResult(false, 3, 3, 0, 0), await Imported(await client.ImportRegimes("62", json, "application/json")));
        var copied = await RegimesOf("62", "2024-12-31");
        Assert.Equal(
            (await RegimesOf("61", "2024-12-31")).Select(regime => (regime.Name, regime.Frequency, regime.Status, regime.AbolishedOn, regime.Electronic, regime.ElectronicInForce?.EffectiveFrom)),
            copied.Select(regime => (regime.Name, regime.Frequency, regime.Status, regime.AbolishedOn, regime.Electronic, regime.ElectronicInForce?.EffectiveFrom)));

        // Exported as of today, the entry of 2025 comes too: one more entry, one regime updated.
        Assert.Equal(new RegimeImportResult(false, 3, 0, 1, 2), await Imported(await client.ImportRegimes("62", await client.ExportRegimes("61", "csv"), "text/csv")));
        var labourThere = (await RegimesOf("62")).Single(regime => regime.Name == labour.Name);
        Assert.Equal(2, (await (await client.Get($"/api/v1/reporting-regimes/{labourThere.Id}/electronic-history")).ReadAs<List<ElectronicEntry>>(HttpStatusCode.OK)).Count);
    }

    [Fact]
    public async Task AFileWithABadRowWritesNothingAndNamesEachRowAndColumn()
    {
        await Build.Agency("63", "Sở Nông nghiệp và Môi trường tỉnh nhập");
        var file = Csv(
            "Báo cáo công tác bảo vệ môi trường,Thông tư 02/2022/TT-BTNMT,Sở Nông nghiệp và Môi trường tỉnh nhập,yearly,active,,không,2022-01-10,02/2022/TT-BTNMT",
            "Báo cáo tuần,Thông tư 1,Sở Nông nghiệp và Môi trường tỉnh nhập,weekly,active,,,,",
            "Báo cáo sai cơ quan,Thông tư 1,SO NONG NGHIEP VA MOI TRUONG TINH NHAP,yearly,abolished,,có,,",
            "BÁO CÁO công tác bảo vệ môi trường,Thông tư 1,Sở Nông nghiệp và Môi trường tỉnh nhập,yearly,active,,,,");
        var problem = await client.ImportRegimes("63", file, "text/csv");
        var errors = await problem.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["rows[3].frequency", "rows[4].abolishedOn", "rows[4].agency", "rows[4].electronicDecisionRef", "rows[5].name"], errors.Keys.Order().ToArray());
        Assert.Contains("did you mean 'Sở Nông nghiệp và Môi trường tỉnh nhập'", errors["rows[4].agency"][0], StringComparison.Ordinal);
        Assert.Contains("row 2", errors["rows[5].name"][0], StringComparison.Ordinal);
        Assert.Empty(await RegimesOf("63"));

        var good = Csv(
            "Báo cáo công tác bảo vệ môi trường,Thông tư 02/2022/TT-BTNMT,Sở Nông nghiệp và Môi trường tỉnh nhập,yearly,active,,không,2022-01-10,02/2022/TT-BTNMT",
            "Báo cáo sự cố môi trường,Luật Bảo vệ môi trường 2020,sở nông nghiệp và môi trường  tỉnh nhập,ad-hoc,,,,,");
        Assert.Equal(new RegimeImportResult(true, 2, 2, 0, 0), await Imported(await client.ImportRegimes("63", good, "text/csv", dryRun: true)));
        Assert.Empty(await RegimesOf("63"));
        Assert.Equal(new RegimeImportResult(false, 2, 2, 0, 0), await Imported(await client.ImportRegimes("63", good, "text/csv")));
        Assert.Equal(new RegimeImportResult(false, 2, 0, 0, 2), await Imported(await client.ImportRegimes("63", good, "text/csv")));

        // Without electronicFrom the entry takes effect today, and only when the value in force differs.
        var today = Csv("Báo cáo sự cố môi trường,Luật Bảo vệ môi trường 2020,Sở Nông nghiệp và Môi trường tỉnh nhập,ad-hoc,active,,có,,99/QĐ-UBND");
        Assert.Equal(new RegimeImportResult(false, 1, 0, 1, 0), await Imported(await client.ImportRegimes("63", today, "text/csv")));
        Assert.Equal(new RegimeImportResult(false, 1, 0, 0, 1), await Imported(await client.ImportRegimes("63", today, "text/csv")));
        Assert.True((await RegimesOf("63")).Single(regime => regime.Name == "Báo cáo sự cố môi trường").Electronic);
    }

    [Fact]
    public async Task AFileThatCannotBeReadIsRefusedWithTheReason()
    {
        await Build.Jurisdiction("64");
        var columns = await client.ImportRegimes("64", "name,colour\nA,red\n"u8.ToArray(), "text/csv");
        var missing = await columns.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("rows[2].frequency", missing.Keys);
        Assert.Equal(4, missing["columns"].Length);
        Assert.Contains("body", (await (await client.ImportRegimes("64", "[{\"name\": \"A\"}"u8.ToArray(), "application/json")).Problem(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("body", (await (await client.ImportRegimes("64", [], "text/csv")).Problem(HttpStatusCode.BadRequest)).Keys);
        await (await client.ImportRegimes("64", Csv("A,B,C,yearly"), "text/plain")).Problem(HttpStatusCode.UnsupportedMediaType);
        await (await client.ImportRegimes("65", Csv("A,B,C,yearly"), "text/csv")).Problem(HttpStatusCode.NotFound);
        var tooMany = new StringBuilder(Columns + "\n");
        for (var row = 0; row <= RegimeTransfers.MaxRows; row++)
        {
            tooMany.Append("x,y,z,yearly\n");
        }

        Assert.Contains("body", (await (await client.ImportRegimes("64", Encoding.UTF8.GetBytes(tooMany.ToString()), "text/csv")).Problem(HttpStatusCode.BadRequest)).Keys);
        await (await client.Get("/api/v1/jurisdictions/64/reporting-regimes/export?format=pdf")).Problem(HttpStatusCode.BadRequest);
        await (await client.Get("/api/v1/jurisdictions/65/reporting-regimes/export")).Problem(HttpStatusCode.NotFound);
    }
}
