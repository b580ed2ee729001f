using System.Net;
using System.Text.Json.Nodes;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.PeriodReports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.PeriodReports;

/// <summary>The trend on the sample catalogue, "today" being 23 November 2026: each point is the scoreboard of its date.</summary>
public sealed class TrendApiTests(MovableClockSampleCatalogApiFactory factory) : IClassFixture<MovableClockSampleCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<JsonNode> Json(string url)
    {
        var response = await client.Get(url);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task EachPointIsTheScoreboardOfItsDate(string query, string scoreboardQuery, string[] dates)
    {
        var trend = await Json($"/api/v1/reports/trend?{query}");
        var points = trend["points"]!.AsArray();
        Assert.Equal(dates, points.Select(point => point!["basis"]!["asOf"]!.GetValue<string>()).ToArray());
        foreach (var point in points)
        {
            var asOf = point!["basis"]!["asOf"]!.GetValue<string>();
            var board = await Json($"/api/v1/reports/scoreboard?{scoreboardQuery}asOf={asOf}");
            Assert.True(JsonNode.DeepEquals(board, point), $"The point of {asOf} is not the scoreboard of that date:\n{point}\n{board}");
        }
    }

    [Fact]
    public Task EachPointOfAJurisdictionIsItsScoreboardOnThatDate() => EachPointIsTheScoreboardOfItsDate(
        "jurisdiction=92&from=2025-10-01&to=2026-03-31", "jurisdiction=92&",
        ["2025-10-22", "2025-11-22", "2025-12-22", "2026-01-22", "2026-02-22", "2026-03-22"]);

    [Fact]
    public Task EachPointOfAllJurisdictionsIsTheirScoreboardOnThatDate() => EachPointIsTheScoreboardOfItsDate(
        "step=quarter&day=10&from=2025-01-01&to=2026-11-30", string.Empty,
        ["2025-03-10", "2025-06-10", "2025-09-10", "2025-12-10", "2026-03-10", "2026-06-10", "2026-09-10"]);

    [Fact]
    public async Task WithoutFromAndToTheTrendRunsFromTheBaselineToToday()
    {
        var trend = await Json("/api/v1/reports/trend?jurisdiction=92");
        var dates = trend["points"]!.AsArray().Select(point => point!["basis"]!["asOf"]!.GetValue<string>()).ToList();
        Assert.Equal(("2024-12-31", "2026-11-23", 22), (trend["from"]!.GetValue<string>(), trend["to"]!.GetValue<string>(), trend["day"]!.GetValue<int>()));
        Assert.Equal(23, dates.Count);
        Assert.Equal(("2025-01-22", "2026-11-22"), (dates[0], dates[^1]));
    }

    [Fact]
    public async Task TheDayDefaultsToTheJurisdictionsReportDay()
    {
        var current = await (await client.Get("/api/v1/jurisdictions/20")).ReadAs<Jurisdiction>(HttpStatusCode.OK);
        await (await client.PutJson("/api/v1/jurisdictions/20", new JurisdictionUpdate(current.Name, current.Level, ReportDay: 15), HttpAssertions.Tag(current.Version)))
            .ReadAs<Jurisdiction>(HttpStatusCode.OK);
        var trend = await Json("/api/v1/reports/trend?jurisdiction=20&from=2026-09-01&to=2026-11-30");
        Assert.Equal(15, trend["day"]!.GetValue<int>());
        Assert.Equal(["2026-09-15", "2026-10-15", "2026-11-15"], trend["points"]!.AsArray().Select(point => point!["basis"]!["asOf"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task AsATableEveryPointGivesARowPerIndicatorWithTheScoreboardsColumns()
    {
        var trend = await Json("/api/v1/reports/trend?jurisdiction=92&from=2026-10-01&to=2026-11-30");
        var csv = System.Text.Encoding.UTF8.GetString(await client.Download("/api/v1/reports/trend?jurisdiction=92&from=2026-10-01&to=2026-11-30", "text/csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Ngày số liệu,Năm chỉ tiêu,Đơn vị hành chính,Chỉ tiêu,", lines[0]);
        var expected = trend["points"]!.AsArray().SelectMany(point => point!["indicators"]!.AsArray()
            .Select(indicator => $"{point["basis"]!["asOf"]},{point["basis"]!["targetYear"]},92,{indicator!["indicator"]},")).ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        Assert.All(lines.Skip(1).Zip(expected), pair => Assert.StartsWith(pair.Second, pair.First));

        var sheet = OfficeFiles.Sheets(await client.Download("/api/v1/reports/trend?jurisdiction=92&from=2026-10-01&to=2026-11-30", OfficeFiles.Xlsx)).Single().Value;
        Assert.Equal(lines.Length, sheet.Count);
        Assert.Equal("Ngày số liệu", sheet[0][0]);
    }

    [Fact]
    public async Task TheChartIsAPngOrAnSvgWithItsVietnameseWords()
    {
        var png = await client.Download("/api/v1/reports/trend?jurisdiction=92", "image/png");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(TrendChart.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(TrendChart.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        var svg = System.Text.Encoding.UTF8.GetString(await client.Download("/api/v1/reports/trend?jurisdiction=92", "image/svg+xml"));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        foreach (var words in new[] { "Thời gian giải quyết", "Chi phí tuân thủ", "Mục tiêu của năm", "Thành phố Cần Thơ" })
        {
            Assert.Contains(words, System.Net.WebUtility.HtmlDecode(svg), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("from=2020-01-01&to=2026-12-31", "to")]
    [InlineData("from=2026-05-01&to=2026-01-01", "to")]
    [InlineData("from=2026-11-23&to=2026-11-30", "from")]
    [InlineData("step=week", "step")]
    [InlineData("day=29", "day")]
    [InlineData("day=0", "day")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("jurisdiction=ABC", "jurisdiction")]
    public async Task ABadQueryIsRefusedNamingTheParameter(string query, string parameter)
    {
        var errors = await (await client.Get($"/api/v1/reports/trend?{query}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(parameter, errors.Keys);
    }

    [Theory]
    [InlineData("jurisdiction=77")]
    [InlineData("program=no-such-program")]
    [InlineData("from=2027-01-01&to=2027-03-31")]
    public async Task AnUnknownJurisdictionProgramOrYearWithoutTargetsIs404(string query) =>
        await (await client.Get($"/api/v1/reports/trend?{query}")).Problem(HttpStatusCode.NotFound);
}
