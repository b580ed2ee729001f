using System.Net;
using System.Text.Json.Nodes;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.PeriodReports;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.PeriodReports;

/// <summary>
/// The periodic reports on the sample catalogue, "today" being 23 November 2026. The sample's changes of Cần Thơ in
/// the period of its November report (db/seed/sample-period-changes.json): 2.000355 cut from 15 to 10 working days and
/// from 1,880,000 to 1,520,000 đ (700,000 + 500,000 + 8 h × 40,000) by 1850/QĐ-UBND on 28 October, 1.009650 from 12 to 8
/// working days by 1893/QĐ-UBND on 5 November, 2.000983 from 1,690,000 to 1,300,000 đ by 1921/QĐ-UBND on 16 November,
/// and 2.000884 abolished on 12 November; and its dated attributes (db/seed/sample-attribute-changes.json): 2.000355
/// boundary-free from 1 November by 1862/QĐ-UBND, 2.002385 fully online (not online before) from 3 November by
/// 1868/QĐ-UBND, 2.000983 fully online (in part before) from 16 November by 1921/QĐ-UBND.
/// </summary>
public sealed class PeriodReportApiTests(MovableClockSampleCatalogApiFactory factory) : IClassFixture<MovableClockSampleCatalogApiFactory>
{
    private const string November = "/api/v1/reports/monthly?jurisdiction=92&month=2026-11";

    private readonly HttpClient client = factory.CreateClient();

    private async Task<PeriodReport> Report(string url) => await (await client.Get(url)).ReadAs<PeriodReport>(HttpStatusCode.OK);

    private static IEnumerable<(string Code, OnlineLevel? Before, OnlineLevel After, DateOnly EffectiveFrom, string? DecisionRef)> Levels(IEnumerable<OnlineLevelMove> moves) =>
        moves.Select(move => (move.Code, move.Before, move.After, move.EffectiveFrom, move.DecisionRef));

    private async Task<JsonNode> Json(string url) => JsonNode.Parse(await (await client.Get(url)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task TheNovemberReportOfCanThoListsWhatWasCutAndAbolishedInThePeriod()
    {
        var report = await Report(November);
        Assert.Equal(ReportCalendar.Period(PeriodKind.Month, 2026, 11, 22), report.Period);
        Assert.Equal(new ReportJurisdiction("92", "Thành phố Cần Thơ"), report.Jurisdiction);
        Assert.Equal(
            [
                ("1.009650", ReductionMeasure.Time, 12m, 8m, 33.33m, (decimal?)44.00m, "2026-11-05", "1893/QĐ-UBND"),
                ("2.000355", ReductionMeasure.Time, 15m, 10m, 33.33m, 50.00m, "2026-10-28", "1850/QĐ-UBND"),
                ("2.000355", ReductionMeasure.Cost, 1_880_000m, 1_520_000m, 19.15m, 35.04m, "2026-10-28", "1850/QĐ-UBND"),
                ("2.000983", ReductionMeasure.Cost, 1_690_000m, 1_300_000m, 23.08m, 47.15m, "2026-11-16", "1921/QĐ-UBND"),
            ],
            report.Cuts.Select(cut => (cut.Code, cut.Measure, cut.Before, cut.After, cut.CutPct, cut.ReductionPct, cut.EffectiveFrom.ToString("yyyy-MM-dd"), cut.DecisionRef)));
        var abolished = Assert.Single(report.Abolished);
        Assert.Equal(("2.000884", new DateOnly(2026, 11, 12)), (abolished.Code, abolished.AbolishedOn));

        // What became online, fully online and boundary-free, with the decision in force; nothing went the other way.
        Assert.Equal([("2.002385", (OnlineLevel?)OnlineLevel.None, OnlineLevel.Full, new DateOnly(2026, 11, 3), (string?)"1868/QĐ-UBND")], Levels(report.Newly.Online));
        Assert.Equal(
            [
                ("2.000983", (OnlineLevel?)OnlineLevel.Partial, OnlineLevel.Full, new DateOnly(2026, 11, 16), (string?)"1921/QĐ-UBND"),
                ("2.002385", OnlineLevel.None, OnlineLevel.Full, new DateOnly(2026, 11, 3), "1868/QĐ-UBND"),
            ],
            Levels(report.Newly.FullOnline));
        Assert.Equal([("2.000355", (bool?)false, true, new DateOnly(2026, 11, 1), (string?)"1862/QĐ-UBND")],
            report.Newly.BoundaryFree.Select(move => (move.Code, move.Before, move.After, move.EffectiveFrom, move.DecisionRef)));
        Assert.Equal("Sở Y tế thành phố Cần Thơ", report.Newly.BoundaryFree[0].AgencyName);
        Assert.Empty(report.NoLonger.Online.Concat(report.NoLonger.FullOnline).Select(move => move.Code).Concat(report.NoLonger.BoundaryFree.Select(move => move.Code)));

        // The cuts moved the time reduction past the 50 % of 2026.
        var time = report.Changes.Single(change => change.Indicator == "time-reduction");
        Assert.Equal((true, false), (time.Met, time.PreviousMet));
        Assert.Equal(time.ValuePct - time.PreviousValuePct, time.ChangePct);
        Assert.True(time.ChangePct > 0);
    }

    [Fact]
    public async Task ItsTasksAreThoseOfTheTaskReportsForThePeriod()
    {
        var report = await Json(November);
        Assert.Equal(["56/KH-UBND"], report["plans"]!.AsArray().Select(plan => (string)plan!["number"]!).ToArray());
        foreach (var (part, url) in new[]
        {
            ("done", "/api/v1/reports/tasks/done?jurisdiction=92&from=2026-10-23&to=2026-11-22"),
            ("overdue", "/api/v1/reports/tasks/overdue?jurisdiction=92&asOf=2026-11-22"),
            ("due", "/api/v1/reports/tasks/due?jurisdiction=92&asOf=2026-11-22&days=31"),
        })
        {
            var milestones = report["tasks"]![part]!["milestones"]!;
            Assert.True(JsonNode.DeepEquals((await Json(url))["milestones"], milestones), $"{part}: {milestones}");
        }

        // The sample's progress of Cần Thơ's plan: task 2 done on 10 November 2026, tasks 5 and 9.2 still in progress past their deadline.
        var tasks = (await Report(November)).Tasks;
        Assert.Contains(tasks.Done.Milestones, item => item.TaskNumber == "2" && item.DecisionRef == "2310/QĐ-UBND" && item.StatusOn == new DateOnly(2026, 11, 10));
        Assert.NotEmpty(tasks.Overdue.Milestones);
        Assert.All(tasks.Overdue.Milestones, item => Assert.True(item.DueBy < new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public async Task ItsScoreboardsAreThoseOfTheReportDayAndOfThePreviousReportDay()
    {
        var report = await Json(November);
        Assert.True(JsonNode.DeepEquals(await Json("/api/v1/reports/scoreboard?jurisdiction=92&asOf=2026-11-22"), report["scoreboard"]));
        Assert.True(JsonNode.DeepEquals(await Json("/api/v1/reports/scoreboard?jurisdiction=92&asOf=2026-10-22"), report["previous"]));

        var trend = report["trend"]!.AsArray();
        Assert.Equal(23, trend.Count);
        Assert.Equal(("2025-01-22", "2026-11-22"), (trend[0]!["asOf"]!.GetValue<string>(), trend[^1]!["asOf"]!.GetValue<string>()));
        var points = (await Json("/api/v1/reports/trend?jurisdiction=92&from=2024-12-31&to=2026-11-22"))["points"]!.AsArray();
        foreach (var (point, board) in trend.Zip(points))
        {
            var indicators = board!["indicators"]!.AsArray();
            decimal? Value(string id) => indicators.FirstOrDefault(i => i!["indicator"]!.GetValue<string>() == id)?["valuePct"]?.GetValue<decimal?>();
            Assert.Equal((Value("time-reduction"), Value("cost-reduction")),
                (point!["timeReductionPct"]?.GetValue<decimal?>(), point["costReductionPct"]?.GetValue<decimal?>()));
        }
    }

    [Fact]
    public async Task TheWorkbookHoldsTheReportsFiguresSheetBySheet()
    {
        var report = await Report(November);
        var sheets = OfficeFiles.Sheets(await client.Download(November, OfficeFiles.Xlsx));
        Assert.Equal(["Thông tin", "Chỉ tiêu", "Cắt giảm trong kỳ", "Bãi bỏ trong kỳ", "Trực tuyến mới trong kỳ", "Toàn trình mới trong kỳ", "Phi địa giới mới trong kỳ",
            "Giảm mức trong kỳ", "Chưa đạt - thời gian", "Chưa đạt - chi phí", "Nhiệm vụ hoàn thành", "Nhiệm vụ quá hạn", "Nhiệm vụ đến hạn", "Xu hướng"], sheets.Keys.ToArray());
        Assert.All(sheets.Keys, name => Assert.True(name.Length <= 31, $"{name}: Excel takes sheet names of 31 characters at most"));

        var facts = sheets["Thông tin"].Skip(1).ToDictionary(row => (string)row[0]!, row => row[1]);
        Assert.Equal(("Thành phố Cần Thơ", "2026-11"), (facts["Đơn vị hành chính"], facts["Kỳ báo cáo"]));
        Assert.Equal(new DateTime(2026, 11, 22).ToOADate(), facts["Đến ngày (ngày số liệu)"]);
        Assert.Equal(new DateTime(2026, 10, 23).ToOADate(), facts["Từ ngày"]);

        var indicators = sheets["Chỉ tiêu"];
        Assert.Equal(["Mã chỉ tiêu", "Chỉ tiêu", "Mục tiêu (%)", "Kết quả (%)", "Kỳ trước (%)", "Thay đổi (điểm %)", "Đạt"], indicators[0].Take(7).Cast<string>().ToArray());
        Assert.Equal(report.Scoreboard.Indicators.Count, indicators.Count - 1);
        foreach (var (row, change) in indicators.Skip(1).Zip(report.Changes))
        {
            Assert.Equal(change.Indicator, row[0]);
            Assert.Equal(IndicatorNames.Of(change.Indicator), row[1]);
            Assert.Equal((double)change.TargetPct, row[2]);
            Assert.Equal((double?)change.ValuePct, (double?)row[3]);
            Assert.Equal((double?)change.PreviousValuePct, (double?)row[4]);
            Assert.Equal((double?)change.ChangePct, (double?)row[5]);
            Assert.Equal(change.Met == true ? "có" : "không", row[6]);
        }

        var cuts = sheets["Cắt giảm trong kỳ"];
        Assert.Equal(report.Cuts.Count, cuts.Count - 1);
        foreach (var (row, cut) in cuts.Skip(1).Zip(report.Cuts))
        {
            Assert.Equal((cut.Code, cut.Name, cut.AgencyName, PeriodNames.Measure(cut.Measure)), ((string)row[0]!, (string)row[1]!, (string)row[2]!, (string)row[3]!));
            Assert.Equal(((double)cut.Before, (double)cut.After, (double)cut.CutPct), ((double)row[5]!, (double)row[6]!, (double)row[7]!));
            Assert.Equal((cut.EffectiveFrom.ToDateTime(TimeOnly.MinValue).ToOADate(), cut.DecisionRef), ((double)row[9]!, (string)row[10]!));
        }

        Assert.Equal([report.Abolished[0].Code], sheets["Bãi bỏ trong kỳ"].Skip(1).Select(row => (string)row[0]!).ToArray());

        // The lists of online levels and boundary-free flags, row by row: the JSON's values in words, the effective date a date cell.
        static IEnumerable<List<object?>> Moves(IEnumerable<(string Code, string Name, string Agency, string? Before, string After, DateOnly On, string? Decision)> moves, string what) =>
            moves.Select(move => new List<object?> { what, move.Code, move.Name, move.Agency, move.Before, move.After, move.On.ToDateTime(TimeOnly.MinValue).ToOADate(), move.Decision });
        static string? Level(OnlineLevel? level) => level switch { OnlineLevel.Full => "Toàn trình", OnlineLevel.Partial => "Một phần", OnlineLevel.None => "Không trực tuyến", _ => null };
        var headers = new List<object?> { "Nội dung", "Mã thủ tục", "Tên thủ tục", "Cơ quan thực hiện", "Kỳ trước", "Ngày số liệu", "Ngày hiệu lực", "Quyết định công bố" };
        foreach (var (sheet, moves, what) in new[]
        {
            ("Trực tuyến mới trong kỳ", report.Newly.Online, "Trực tuyến"),
            ("Toàn trình mới trong kỳ", report.Newly.FullOnline, "Trực tuyến toàn trình"),
        })
        {
            Assert.Equal([headers, .. Moves(moves.Select(move => ((string, string, string, string?, string, DateOnly, string?))(move.Code, move.Name, move.AgencyName, Level(move.Before), Level(move.After)!, move.EffectiveFrom, move.DecisionRef)), what)],
                sheets[sheet]);
        }

        Assert.Equal(
            [headers, .. Moves(report.Newly.BoundaryFree.Select(move => ((string, string, string, string?, string, DateOnly, string?))(move.Code, move.Name, move.AgencyName,
                move.Before == true ? "Có" : "Không", move.After ? "Có" : "Không", move.EffectiveFrom, move.DecisionRef)), "Không phụ thuộc địa giới hành chính")],
            sheets["Phi địa giới mới trong kỳ"]);
        Assert.Equal([headers], sheets["Giảm mức trong kỳ"]);
        Assert.Equal((1.0, 2.0, 1.0, 0.0), ((double)facts["Số thủ tục trực tuyến mới trong kỳ"]!, (double)facts["Số thủ tục trực tuyến toàn trình mới trong kỳ"]!,
            (double)facts["Số thủ tục không phụ thuộc địa giới hành chính mới trong kỳ"]!, (double)facts["Số thủ tục giảm mức trong kỳ"]!));
        Assert.Equal(report.Laggards.Time.Results.Items.Select(l => (object?)l.Code), sheets["Chưa đạt - thời gian"].Skip(1).Select(row => row[3]));
        Assert.Equal(report.Laggards.Cost.Results.Items.Select(l => (double?)(double)l.ReductionPct), sheets["Chưa đạt - chi phí"].Skip(1).Select(row => (double?)row[9]));
        Assert.Equal(report.Tasks.Done.Milestones.Select(item => (object?)item.TaskNumber), sheets["Nhiệm vụ hoàn thành"].Skip(1).Select(row => row[6]));
        Assert.Equal(report.Tasks.Overdue.Milestones.Select(item => (double?)item.DaysOverdue), sheets["Nhiệm vụ quá hạn"].Skip(1).Select(row => (double?)row[14]));
        Assert.Equal(1, sheets["Nhiệm vụ đến hạn"].Count - report.Tasks.Due.Milestones.Count);
        Assert.Equal(report.Trend.Select(point => (double?)point.TimeReductionPct), sheets["Xu hướng"].Skip(1).Select(row => (double?)row[2]));
        Assert.Equal(report.Trend.Select(point => point.AsOf.ToDateTime(TimeOnly.MinValue).ToOADate()), sheets["Xu hướng"].Skip(1).Select(row => (double)row[0]!));
    }

    [Fact]
    public async Task TheDocumentHoldsTheReportsFiguresWrittenTheVietnameseWay()
    {
        var report = await Report(November);
        var docx = await client.Download(November, OfficeFiles.Docx);
        var text = string.Join("\n", OfficeFiles.Paragraphs(docx));
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains("Kết quả thực hiện Nghị quyết 66/NQ-CP về cắt giảm, đơn giản hóa thủ tục hành chính tháng 11 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Cần Thơ, ngày 22 tháng 11 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("từ ngày 23/10/2026 đến ngày 22/11/2026", text, StringComparison.Ordinal);
        var time = report.Scoreboard.Indicators.Single(indicator => indicator.Indicator == "time-reduction");
        Assert.Contains($"thời gian giải quyết giảm {VietnameseNumbers.Pct(time.ValuePct)} so với năm 2024", text, StringComparison.Ordinal);
        Assert.Contains("3 thủ tục được cắt giảm thời gian giải quyết hoặc chi phí tuân thủ, 1 thủ tục được bãi bỏ, 1 thủ tục được cung cấp trực tuyến mới, "
            + "2 thủ tục được cung cấp trực tuyến toàn trình mới, 1 thủ tục mới được thực hiện không phụ thuộc vào địa giới hành chính; ", text, StringComparison.Ordinal);

        var tables = OfficeFiles.Tables(docx);
        var indicators = tables.Single(table => table[0].SequenceEqual(["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Kỳ trước", "Thay đổi (điểm %)", "Đánh giá"]));
        Assert.Equal(report.Changes.Select((change, index) => new List<string>
            {
                (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), IndicatorNames.Of(change.Indicator), VietnameseNumbers.Pct(change.TargetPct),
                VietnameseNumbers.Pct(change.ValuePct), VietnameseNumbers.Pct(change.PreviousValuePct), VietnameseNumbers.Points(change.ChangePct),
                change.Met == true ? "Đạt" : "Chưa đạt",
            }), indicators.Skip(1));

        var cuts = tables.Single(table => table[0][1] == "Mã TTHC" && table[0].Contains("Giảm") && table[0].Contains("Quyết định, ngày hiệu lực"));
        Assert.Equal(report.Cuts.Select(cut => (cut.Code, $"{cut.DecisionRef}, {cut.EffectiveFrom:dd/MM/yyyy}")), cuts.Skip(1).Select(row => (row[1], row[7])));
        Assert.Contains([ "2", "2.000355", report.Cuts[1].Name, "Thời gian giải quyết", $"15{VietnameseNumbers.UnitSpace}ngày", $"10{VietnameseNumbers.UnitSpace}ngày",
            $"33,33{VietnameseNumbers.UnitSpace}%", "1850/QĐ-UBND, 28/10/2026" ], cuts);
        Assert.Contains(cuts, row => row[4] == $"1.880.000{VietnameseNumbers.UnitSpace}đ" && row[5] == $"1.520.000{VietnameseNumbers.UnitSpace}đ");

        // Section III's lists of online levels and boundary-free flags hold the JSON's rows, in its order, each after its title.
        var moveTables = tables.Where(table => table[0].SequenceEqual(["STT", "Mã TTHC", "Tên thủ tục", "Cơ quan thực hiện", "Trước", "Sau", "Quyết định, ngày hiệu lực"])).ToList();
        Assert.Equal(3, moveTables.Count);
        foreach (var (table, moves) in moveTables.Zip(new[]
        {
            report.Newly.Online.Select(move => (move.Code, move.Name, move.AgencyName, move.EffectiveFrom, move.DecisionRef)),
            report.Newly.FullOnline.Select(move => (move.Code, move.Name, move.AgencyName, move.EffectiveFrom, move.DecisionRef)),
            report.Newly.BoundaryFree.Select(move => (move.Code, move.Name, move.AgencyName, move.EffectiveFrom, move.DecisionRef)),
        }))
        {
            Assert.Equal(moves.Select((move, index) => ((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), move.Code, move.Name, move.AgencyName,
                $"{move.DecisionRef}, {move.EffectiveFrom:dd/MM/yyyy}")), table.Skip(1).Select(row => (row[0], row[1], row[2], row[3], row[6])));
        }

        Assert.Equal(["Không trực tuyến", "Toàn trình"], moveTables[0][1][4..6]);
        Assert.Equal(["Không", "Có"], moveTables[2][1][4..6]);
        var paragraphs = OfficeFiles.Paragraphs(docx);
        Assert.True(paragraphs.IndexOf("3. Thủ tục được cung cấp trực tuyến mới") < paragraphs.IndexOf("4. Thủ tục được cung cấp trực tuyến toàn trình mới"));
        var setbacks = paragraphs.IndexOf("6. Thủ tục giảm mức trực tuyến hoặc không còn thực hiện không phụ thuộc vào địa giới hành chính");
        Assert.Equal("Không có thủ tục nào trong kỳ.", paragraphs[setbacks + 1]);

        var trend = tables.Single(table => table[0][0] == "Ngày số liệu");
        Assert.Equal(report.Trend.Select(point => (point.AsOf.ToString("dd/MM/yyyy"), VietnameseNumbers.Pct(point.TimeReductionPct), VietnameseNumbers.Pct(point.CostReductionPct))),
            trend.Skip(1).Select(row => (row[0], row[1], row[3])));

        Assert.Contains($"Thực hiện Kế hoạch số 56/KH-UBND ngày 03/9/2025 của UBND thành phố Cần Thơ, Ủy ban nhân dân thành phố Cần Thơ báo cáo", text, StringComparison.Ordinal);
        Assert.Contains($"{report.Tasks.Done.Count} nhiệm vụ hoàn thành trong kỳ, {report.Tasks.Overdue.Count} nhiệm vụ quá hạn", text, StringComparison.Ordinal);
        var taskTables = tables.Where(table => table[0].Take(5).SequenceEqual(["STT", "Nhiệm vụ", "Nội dung", "Cơ quan chủ trì", "Thời hạn"])).ToList();
        Assert.Equal(report.Tasks.Done.Milestones.Select(item => item.TaskNumber), taskTables[0].Skip(1).Select(row => row[1]));
        Assert.Equal(report.Tasks.Overdue.Milestones.Select(item => (item.TaskNumber, item.DueBy!.Value.ToString("dd/MM/yyyy"))), taskTables[1].Skip(1).Select(row => (row[1], row[4])));
        Assert.Contains(taskTables[0].Skip(1), row => row[5] == "10/11/2026, 2310/QĐ-UBND");

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var picture = Assert.Single(document.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", picture.ContentType);
        Assert.Equal("vi-VN", document.PackageProperties.Language);
    }

    [Fact]
    public async Task TheSameRequestAMonthLaterGivesTheSameReport()
    {
        var json = await (await client.Get(November)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var xlsx = OfficeFiles.Sheets(await client.Download(November, OfficeFiles.Xlsx));
        var docx = await client.Download(November, OfficeFiles.Docx);
        var before = factory.Time.Now;
        try
        {
            factory.Time.Now = new DateTimeOffset(2026, 12, 23, 3, 0, 0, TimeSpan.Zero);
            Assert.Equal(json, await (await client.Get(November)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var later = OfficeFiles.Sheets(await client.Download(November, OfficeFiles.Xlsx));
            Assert.Equal(xlsx.Keys, later.Keys);
            Assert.All(xlsx, sheet => Assert.Equal(sheet.Value, later[sheet.Key]));
            string[] parts = ["word/document.xml", "word/styles.xml", "media/image.png"];
            Assert.Equal(OfficeFiles.Parts(docx, parts), OfficeFiles.Parts(await client.Download(November, OfficeFiles.Docx), parts));
        }
        finally
        {
            factory.Time.Now = before;
        }
    }

    [Fact]
    public async Task TheDocumentAskedAgainWithItsETagWhileNothingChangedIs304()
    {
        using var first = await client.GetAs(November, OfficeFiles.Docx);
        var etag = Assert.IsType<System.Net.Http.Headers.EntityTagHeaderValue>(first.Headers.ETag);
        using var again = new HttpRequestMessage(HttpMethod.Get, November);
        again.Headers.Accept.ParseAdd(OfficeFiles.Docx);
        again.Headers.IfNoneMatch.Add(etag);
        using var answer = await client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, answer.StatusCode);
    }

    [Fact]
    public async Task QuarterlyAndYearlyReportsCoverTheirPeriodsByTheSameMachinery()
    {
        var quarter = await Report("/api/v1/reports/quarterly?jurisdiction=92&quarter=2026-Q3");
        Assert.Equal(ReportCalendar.Period(PeriodKind.Quarter, 2026, 3, 22), quarter.Period);
        Assert.Equal((new DateOnly(2026, 9, 22), new DateOnly(2026, 6, 22)), (quarter.Scoreboard.Basis.AsOf, quarter.Previous!.Basis.AsOf));

        // The first year of the program has no report before it: nothing to compare with.
        var year = await Report("/api/v1/reports/yearly?jurisdiction=92&year=2025");
        Assert.Equal((new DateOnly(2024, 12, 23), new DateOnly(2025, 12, 22)), (year.Period.From, year.Period.To));
        Assert.Null(year.Previous);
        Assert.All(year.Changes, change => Assert.Null(change.PreviousValuePct));
        Assert.Equal(12, year.Trend.Count);

        // Without a period named, the latest one whose report day has come.
        Assert.Equal(("2026-11", "2026-Q3", "2025"), (
            (await Report("/api/v1/reports/monthly?jurisdiction=92")).Period.Label,
            (await Report("/api/v1/reports/quarterly?jurisdiction=92")).Period.Label,
            (await Report("/api/v1/reports/yearly?jurisdiction=92")).Period.Label));
    }

    [Fact]
    public async Task AJurisdictionsReportDayMovesItsPeriods()
    {
        var current = await (await client.Get("/api/v1/jurisdictions/11")).ReadAs<Jurisdiction>(HttpStatusCode.OK);
        await (await client.PutJson("/api/v1/jurisdictions/11", new JurisdictionUpdate(current.Name, current.Level, ReportDay: 5), HttpAssertions.Tag(current.Version)))
            .ReadAs<Jurisdiction>(HttpStatusCode.OK);
        var report = await Report("/api/v1/reports/monthly?jurisdiction=11&month=2026-11");
        Assert.Equal((5, new DateOnly(2026, 10, 6), new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 5)),
            (report.Period.ReportDay, report.Period.From, report.Period.To, report.Period.NextReportDate));
        Assert.Equal(new DateOnly(2026, 11, 5), report.Trend[^1].AsOf);
    }

    [Theory]
    [InlineData("/api/v1/reports/monthly", "month")]
    [InlineData("/api/v1/reports/quarterly", "quarter")]
    [InlineData("/api/v1/reports/yearly", "year")]
    public async Task TheOpenApiDocumentOffersEachPeriodicReportAsJsonXlsxAndDocx(string path, string parameter)
    {
        var operation = (await Json("/openapi/v1.json"))["paths"]![path]!["get"]!;
        var content = operation["responses"]!["200"]!["content"]!.AsObject();
        Assert.Equal(["application/json", OfficeFiles.Xlsx, OfficeFiles.Docx], content.Select(media => media.Key).ToArray());
        Assert.All(content, media => Assert.NotNull(media.Value!["example"]));
        Assert.Equal(("string", "binary"), ((string?)content[OfficeFiles.Docx]!["schema"]!["type"], (string?)content[OfficeFiles.Docx]!["schema"]!["format"]));
        Assert.Equal(new[] { "jurisdiction", parameter, "program" }.Order(), operation["parameters"]!.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).Order());
    }

    [Theory]
    [InlineData("monthly?jurisdiction=92&month=2026-12", "month")]
    [InlineData("monthly?jurisdiction=92&month=2026-13", "month")]
    [InlineData("monthly?jurisdiction=92&month=11-2026", "month")]
    [InlineData("monthly?month=2026-11", "jurisdiction")]
    [InlineData("monthly?jurisdiction=CanTho&month=2026-11", "jurisdiction")]
    [InlineData("quarterly?jurisdiction=92&quarter=2026-Q4", "quarter")]
    [InlineData("quarterly?jurisdiction=92&quarter=2026-Q5", "quarter")]
    [InlineData("yearly?jurisdiction=92&year=2026", "year")]
    [InlineData("yearly?jurisdiction=92&year=26", "year")]
    [InlineData("monthly?jurisdiction=92&quarter=2026-Q3", "quarter")]
    public async Task AFutureOrMalformedPeriodOrAMissingJurisdictionIsRefusedNamingIt(string query, string parameter)
    {
        var errors = await (await client.Get($"/api/v1/reports/{query}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(parameter, errors.Keys);
    }

    [Theory]
    [InlineData("monthly?jurisdiction=77&month=2026-11")]
    [InlineData("monthly?jurisdiction=51&month=2026-11")]
    [InlineData("yearly?jurisdiction=VN&year=2025")]
    [InlineData("monthly?jurisdiction=92&month=2024-06")]
    [InlineData("monthly?jurisdiction=92&month=2026-11&program=no-such-program")]
    public async Task AnUnknownJurisdictionOrProgramAJurisdictionWithoutAPlanOrAYearWithoutTargetsIs404(string query) =>
        await (await client.Get($"/api/v1/reports/{query}")).Problem(HttpStatusCode.NotFound);
}
