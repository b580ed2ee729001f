using System.Net;
using System.Text.Json;
using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>The reports of channels on the sample catalogue: one channel's reductions, and a province against the national procedures.</summary>
public sealed class ChannelReportApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> Get(string url, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request, Cancel);
    }

    private async Task<long> IdOf(string jurisdiction, string code) =>
        (await (await client.Get($"/api/v1/jurisdictions/{jurisdiction}/procedures/{code}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Id;

    [Fact]
    public async Task ACitysProceduresAgainstTheNationalOnesAreTheHandComputedRowsInJsonCsvAndXlsx()
    {
        var report = await (await Get("/api/v1/reports/local-vs-national?jurisdiction=92&asOf=2025-12-31")).ReadAs<LocalVsNationalReport>(HttpStatusCode.OK);
        Assert.Equal(("92", 2, 2), (report.Jurisdiction, report.Exceeding, report.NotImplemented));
        Assert.Equal(
            [
                (LocalFinding.Exceeds, "1.009645", "VN/1.009645", 10m, 15m, false, 300_000m, 0m, true),
                (LocalFinding.Exceeds, "2.000355", "VN/2.000355", 15m, 10m, true, 700_000m, 700_000m, false),
            ],
            report.Rows.Take(2).Select(row => (row.Finding, row.Local!.Code, $"{row.National.Jurisdiction}/{row.National.Code}", row.Time!.Local!.Value,
                row.Time.National!.Value, row.Time.Exceeds!.Value, row.Fee!.Local!.Value, row.Fee.National!.Value, row.Fee.Exceeds!.Value)).ToArray());
        Assert.Equal([(LocalFinding.NotImplemented, "1.001612"), (LocalFinding.NotImplemented, "2.001922")],
            report.Rows.Skip(2).Select(row => (row.Finding, row.National.Code)).ToArray());
        Assert.All(report.Rows.Skip(2), row => Assert.Null(row.Local));

        // Before the national cut of 2.000355 (2025-07-01), its 15 days do not exceed the national 20.
        var earlier = await (await Get("/api/v1/reports/local-vs-national?jurisdiction=92&asOf=2025-06-30")).ReadAs<LocalVsNationalReport>(HttpStatusCode.OK);
        Assert.Equal((1, 2), (earlier.Exceeding, earlier.NotImplemented));

        var csv = await (await Get("/api/v1/reports/local-vs-national?jurisdiction=92&asOf=2025-12-31", "text/csv")).Content.ReadAsStringAsync(Cancel);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Ngày số liệu,Đơn vị hành chính,Phát hiện,Mã TTHC địa phương", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("2025-12-31,92,exceeds,1.009645,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",10,15,không,300000,0,có", lines[1], StringComparison.Ordinal);
        var xlsx = await Get("/api/v1/reports/local-vs-national?jurisdiction=92&asOf=2025-12-31", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync(Cancel))[..2]));
    }

    [Theory]
    [InlineData("/api/v1/reports/local-vs-national", HttpStatusCode.BadRequest, "jurisdiction")]
    [InlineData("/api/v1/reports/local-vs-national?jurisdiction=VN", HttpStatusCode.BadRequest, "jurisdiction")]
    [InlineData("/api/v1/reports/local-vs-national?jurisdiction=92&asOf=soon", HttpStatusCode.BadRequest, "asOf")]
    [InlineData("/api/v1/reports/local-vs-national?jurisdiction=93", HttpStatusCode.NotFound, null)]
    [InlineData("/api/v1/reports/reductions?channel=fax", HttpStatusCode.BadRequest, "channel")]
    public async Task ABadReportRequestIsAProblemNamingTheField(string url, HttpStatusCode status, string? field)
    {
        var errors = await (await client.Get(url)).Problem(status);
        if (field is not null)
        {
            Assert.True(errors.ContainsKey(field), string.Join(", ", errors.Keys));
        }
    }

    [Fact]
    public async Task OneChannelsReductionsAreMeasuredOnItsOwnHistoryAndSaySo()
    {
        // The worked example's agency: procedure A alone is offered online, 15 → 8 working days, 400,000 → 200,000 đ.
        using var groups = JsonDocument.Parse(await (await Get("/api/v1/reports/reductions?groupBy=agency&jurisdiction=92&asOf=2025-12-31&channel=online")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal("online", groups.RootElement.GetProperty("basis").GetProperty("channel").GetString());
        var agency = groups.RootElement.GetProperty("rows").EnumerateArray().Single(row => row.GetProperty("group").GetProperty("name").GetString() == "Sở Tài chính thành phố Cần Thơ");
        Assert.Equal((1, 15m, 8m, 46.67m), (agency.GetProperty("procedures").GetInt32(), agency.GetProperty("time").GetProperty("sumBaseline").GetDecimal(),
            agency.GetProperty("time").GetProperty("sumCurrent").GetDecimal(), agency.GetProperty("time").GetProperty("reductionPct").GetDecimal()));
        Assert.Equal((400_000m, 200_000m, 50m), (agency.GetProperty("cost").GetProperty("sumBaseline").GetDecimal(), agency.GetProperty("cost").GetProperty("sumCurrent").GetDecimal(),
            agency.GetProperty("cost").GetProperty("reductionPct").GetDecimal()));

        // Without channel the same report is the procedure-level one, and its basis names no channel.
        using var plain = JsonDocument.Parse(await (await Get("/api/v1/reports/reductions?groupBy=none&jurisdiction=92&asOf=2025-12-31")).Content.ReadAsStringAsync(Cancel));
        Assert.False(plain.RootElement.GetProperty("basis").TryGetProperty("channel", out _));

        var a = await IdOf("92", "1.009645");
        var online = await (await Get($"/api/v1/procedures/{a}/reduction?asOf=2025-12-31&channel=online")).ReadAs<ProcedureReduction>(HttpStatusCode.OK);
        var procedure = await (await Get($"/api/v1/procedures/{a}/reduction?asOf=2025-12-31")).ReadAs<ProcedureReduction>(HttpStatusCode.OK);
        Assert.Equal((46.67m, 50m, (FilingChannel?)FilingChannel.Online), (online.Time.ReductionPct!.Value, online.Cost.Reduction.ReductionPct!.Value, online.Basis.Channel));
        Assert.Equal((33.33m, 45.10m), (procedure.Time.ReductionPct!.Value, procedure.Cost.Reduction.ReductionPct!.Value));
        var laggards = await (await Get("/api/v1/reports/laggards?jurisdiction=92&asOf=2025-12-31&measure=cost&channel=online", "text/csv")).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("2.000355", laggards, StringComparison.Ordinal);
        Assert.DoesNotContain("1.009645", laggards, StringComparison.Ordinal);

        var b = await IdOf("92", "1.009650");
        Assert.Contains("Channel", (await (await Get($"/api/v1/procedures/{b}/reduction?asOf=2025-12-31&channel=post")).ReadAs<Microsoft.AspNetCore.Mvc.ProblemDetails>(HttpStatusCode.NotFound)).Title,
            StringComparison.Ordinal);
    }
}
