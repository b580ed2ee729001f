using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>
/// The reports over HTTP, each case in its own jurisdiction of one empty catalogue, built through the API.
/// Figures are the domain brief's (section 5) or worked out by hand in the test's name and comments.
/// </summary>
public sealed class ReportApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    private async Task<ProcedureReduction> Reduction(long id, string asOf) =>
        await (await client.Get($"/api/v1/procedures/{id}/reduction?asOf={asOf}")).ReadAs<ProcedureReduction>(HttpStatusCode.OK);

    private async Task<GroupReductionReport> Groups(string query) =>
        await (await client.Get($"/api/v1/reports/reductions?{query}")).ReadAs<GroupReductionReport>(HttpStatusCode.OK);

    private Task<HttpResponseMessage> GetCsv(string url) => GetAs(url, "text/csv");

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<HttpResponseMessage> GetAs(string url, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The rows of the first sheet of the XLSX answered, as Excel's reader gives them (keyed A, B, …; the header row first).</summary>
    private async Task<List<IDictionary<string, object?>>> Sheet(string url)
    {
        var response = await GetAs(url, Xlsx);
        Assert.Equal((HttpStatusCode.OK, Xlsx), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        return MiniExcelLibs.MiniExcel.Query(workbook).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>The cell of a data row under the header <paramref name="header"/> of the first row.</summary>
    private static object? Cell(List<IDictionary<string, object?>> sheet, int row, string header) =>
        sheet[row][sheet[0].Single(cell => Equals(cell.Value, header)).Key];

    /// <summary>Procedures A, B and C of the worked example, in one agency of <paramref name="jurisdiction"/>, tariff 40,000 đ/hour.</summary>
    private async Task<(long A, long B, long C)> WorkedExample(string jurisdiction)
    {
        await Build.Tariff(jurisdiction, 2024, 40_000);
        var a = await Build.Procedure(jurisdiction, "1.009645", agency: "Sở Tài chính");
        await Build.Time(a.Id, "2023-05-01", 15);
        await Build.Time(a.Id, "2025-03-01", 10);
        await Build.Time(a.Id, "2026-01-15", 7);
        await Build.Cost(a.Id, "2024-01-01", 500_000, 200_000, 8);
        await Build.Cost(a.Id, "2025-03-01", 300_000, 100_000, 4);
        var b = await Build.Procedure(jurisdiction, "1.009650", agency: "Sở Tài chính");
        await Build.Time(b.Id, "2024-01-01", 20, TimeUnit.CalendarDays);
        await Build.Time(b.Id, "2025-06-01", 12);
        var c = await Build.Procedure(jurisdiction, "1.013410", agency: "Sở Tài chính");
        await Build.Time(c.Id, "2025-07-01", 5);
        return (a.Id, b.Id, c.Id);
    }

    [Fact]
    public async Task WorkedExampleIsReproducedToTheCentAndTheHundredth()
    {
        var (a, b, c) = await WorkedExample("92");

        var a2025 = await Reduction(a, "2025-12-31");
        Assert.Equal((15m, 10m, 33.33m, 30m, true), (a2025.Time.Baseline, a2025.Time.Current, a2025.Time.ReductionPct, a2025.Time.TargetPct, a2025.Time.MeetsTarget));
        Assert.Equal((1_020_000m, 560_000m, 45.10m, true), (a2025.Cost.Reduction.Baseline, a2025.Cost.Reduction.Current, a2025.Cost.Reduction.ReductionPct, a2025.Cost.Reduction.MeetsTarget));
        Assert.Equal(40_000, a2025.Cost.HourlyTariffVnd);

        var a2026 = await Reduction(a, "2026-11-22");
        Assert.Equal((7m, 53.33m, 50m, true), (a2026.Time.Current, a2026.Time.ReductionPct, a2026.Time.TargetPct, a2026.Time.MeetsTarget));

        var b2025 = await Reduction(b, "2025-12-31");
        Assert.Equal((14.2857m, 12m, 16.00m, false, 14.00m), (b2025.Time.Baseline, b2025.Time.Current, b2025.Time.ReductionPct, b2025.Time.MeetsTarget, b2025.Time.GapPct));

        var c2025 = await Reduction(c, "2025-12-31");
        Assert.Equal((null, 5m, null, null), (c2025.Time.Baseline, c2025.Time.Current, c2025.Time.ReductionPct, c2025.Time.MeetsTarget));

        var group = Assert.Single((await Groups("jurisdiction=92&groupBy=agency&asOf=2025-12-31")).Rows);
        Assert.Equal((29.2857m, 22m, 24.88m), (group.Time.SumBaseline, group.Time.SumCurrent, group.Time.ReductionPct));
        Assert.Equal((3L, 2L, 1L, 1L, 0L), (group.Procedures, group.Time.WithBaseline, group.Time.NoBaseline, group.Time.MeetingTarget, group.Abolished));
        Assert.Equal((false, 5.12m), (group.Time.MeetsTarget, group.Time.GapPct));

        await Build.Abolish(b, "2025-10-01");
        var abolished = Assert.Single((await Groups("jurisdiction=92&groupBy=agency&asOf=2025-12-31")).Rows);
        Assert.Equal((29.2857m, 10m, 65.85m, 1L), (abolished.Time.SumBaseline, abolished.Time.SumCurrent, abolished.Time.ReductionPct, abolished.Abolished));
        Assert.Equal(2L, abolished.Time.MeetingTarget);
    }

    [Fact]
    public async Task ReportsStateTheDateAndTheNormalisationFactors()
    {
        var report = await Groups("jurisdiction=VN&asOf=2026-03-22");
        Assert.Equal((new DateOnly(2026, 3, 22), new DateOnly(2024, 12, 31), 2026, "resolution-66"),
            (report.Basis.AsOf, report.Basis.BaselineDate, report.Basis.TargetYear, report.Basis.Program));
        Assert.Equal(("1", "5/7", "1/8"), (report.Basis.Normalisation.WorkingDaysPer["working-days"],
            report.Basis.Normalisation.WorkingDaysPer["calendar-days"], report.Basis.Normalisation.WorkingDaysPer["hours"]));
        Assert.Equal(2024, report.Basis.Normalisation.TariffYear);
    }

    [Fact]
    public async Task ReductionIsNullWithoutBaselineAndWhenTheBaselineIsZero()
    {
        await Build.Tariff("01", 2024, 30_000);
        var free = await Build.Procedure("01", "1.000001");
        await Build.Cost(free.Id, "2024-01-01", 0, 0, 0);
        await Build.Cost(free.Id, "2025-01-01", 50_000, 0, 0);
        await Build.Time(free.Id, "2025-01-01", 5);
        var reduction = await Reduction(free.Id, "2025-12-31");
        Assert.Equal((0m, 50_000m, null, null), (reduction.Cost.Reduction.Baseline, reduction.Cost.Reduction.Current, reduction.Cost.Reduction.ReductionPct, reduction.Cost.Reduction.MeetsTarget));
        Assert.Equal((null, null), (reduction.Time.Baseline, reduction.Time.ReductionPct));

        var group = Assert.Single((await Groups("jurisdiction=01&asOf=2025-12-31")).Rows);
        Assert.Equal((0m, 50_000m, null), (group.Cost.SumBaseline, group.Cost.SumCurrent, group.Cost.ReductionPct));
        Assert.Equal((0L, 1L, null), (group.Time.WithBaseline, group.Time.NoBaseline, group.Time.ReductionPct));
    }

    [Fact]
    public async Task AnIncreaseIsANegativeReductionAndLeadsTheLaggards()
    {
        await Build.Tariff("02", 2024, 30_000);
        var slower = await Build.Procedure("02", "1.000002");
        await Build.Time(slower.Id, "2024-01-01", 10);
        await Build.Time(slower.Id, "2025-02-01", 12);
        var faster = await Build.Procedure("02", "1.000003");
        await Build.Time(faster.Id, "2024-01-01", 10);
        await Build.Time(faster.Id, "2025-02-01", 8);
        var met = await Build.Procedure("02", "1.000004");
        await Build.Time(met.Id, "2024-01-01", 10);
        await Build.Time(met.Id, "2025-02-01", 5);

        Assert.Equal(-20.00m, (await Reduction(slower.Id, "2025-12-31")).Time.ReductionPct);
        var laggards = await (await client.Get("/api/v1/reports/laggards?jurisdiction=02&year=2025&pageSize=1")).ReadAs<LaggardReport>(HttpStatusCode.OK);
        Assert.Equal((2L, 2L), (laggards.Results.TotalCount, laggards.Results.TotalPages));
        var worst = Assert.Single(laggards.Results.Items);
        Assert.Equal(("1.000002", -20.00m, 50.00m), (worst.Code, worst.ReductionPct, worst.GapPct));
        var next = await (await client.Get("/api/v1/reports/laggards?jurisdiction=02&year=2025&pageSize=1&page=2")).ReadAs<LaggardReport>(HttpStatusCode.OK);
        Assert.Equal(("1.000003", 20.00m, 10.00m), (next.Results.Items[0].Code, next.Results.Items[0].ReductionPct, next.Results.Items[0].GapPct));
        Assert.Equal(new DateOnly(2025, 12, 31), next.Basis.AsOf);
        Assert.Equal(2L, next.Results.TotalCount);

        // A first page with room for all, and a page past the end, tell the same total.
        var whole = await (await client.Get("/api/v1/reports/laggards?jurisdiction=02&year=2025&pageSize=10")).ReadAs<LaggardReport>(HttpStatusCode.OK);
        Assert.Equal((2L, 2), (whole.Results.TotalCount, whole.Results.Items.Count));
        var past = await (await client.Get("/api/v1/reports/laggards?jurisdiction=02&year=2025&pageSize=1&page=5")).ReadAs<LaggardReport>(HttpStatusCode.OK);
        Assert.Equal((2L, 0), (past.Results.TotalCount, past.Results.Items.Count));
    }

    [Fact]
    public async Task TwoEntriesOnTheSameDayCountAsTheOneRecordedLast()
    {
        await Build.Tariff("03", 2024, 30_000);
        var procedure = await Build.Procedure("03", "1.000005");
        await Build.Time(procedure.Id, "2024-01-01", 10);
        await Build.Time(procedure.Id, "2025-03-01", 6);
        await Build.Time(procedure.Id, "2025-03-01", 8);
        var reduction = await Reduction(procedure.Id, "2025-03-01");
        Assert.Equal((8m, 20.00m), (reduction.Time.Current, reduction.Time.ReductionPct));
    }

    [Fact]
    public async Task EntriesInTheFutureAreNotInForceUntilTheirDate()
    {
        await Build.Tariff("04", 2024, 30_000);
        var procedure = await Build.Procedure("04", "1.000006");
        await Build.Time(procedure.Id, "2024-01-01", 10);
        await Build.Time(procedure.Id, "2030-01-01", 4);
        Assert.Equal((10m, 0.00m), ((await Reduction(procedure.Id, "2026-11-22")).Time.Current, (await Reduction(procedure.Id, "2026-11-22")).Time.ReductionPct));
        Assert.Equal(60.00m, (await Reduction(procedure.Id, "2030-01-01")).Time.ReductionPct);
    }

    [Fact]
    public async Task AbolitionCountsFromItsDateAndNotBefore()
    {
        await Build.Tariff("05", 2024, 30_000);
        var later = await Build.Procedure("05", "1.000007");
        await Build.Time(later.Id, "2024-01-01", 10);
        await Build.Cost(later.Id, "2024-01-01", 100_000, 0, 2);
        await Build.Abolish(later.Id, "2026-01-01");
        var before = await Reduction(later.Id, "2025-12-31");
        Assert.Equal((10m, 0.00m, false), (before.Time.Current, before.Time.ReductionPct, before.Time.Abolished));
        var after = await Reduction(later.Id, "2026-01-01");
        Assert.Equal((0m, 100.00m, true), (after.Time.Current, after.Time.ReductionPct, after.Time.Abolished));
        Assert.Equal((160_000m, 0m, 100.00m), (after.Cost.Reduction.Baseline, after.Cost.Reduction.Current, after.Cost.Reduction.ReductionPct));

        var early = await Build.Procedure("05", "1.000008");
        await Build.Time(early.Id, "2024-01-01", 10);
        await Build.Abolish(early.Id, "2024-06-01");
        var gone = await Reduction(early.Id, "2025-12-31");
        Assert.Equal((null, null, true), (gone.Time.Baseline, gone.Time.ReductionPct, gone.Time.Abolished));
        var group = Assert.Single((await Groups("jurisdiction=05&asOf=2026-06-30")).Rows);
        Assert.Equal((2L, 2L, 1L, 1L, 100.00m), (group.Procedures, group.Abolished, group.Time.WithBaseline, group.Time.NoBaseline, group.Time.ReductionPct));
    }

    [Fact]
    public async Task UnitsAreConvertedToWorkingDays()
    {
        await Build.Tariff("06", 2024, 30_000);
        var procedure = await Build.Procedure("06", "1.000009");
        await Build.Time(procedure.Id, "2024-01-01", 7, TimeUnit.CalendarDays);
        await Build.Time(procedure.Id, "2025-01-01", 24, TimeUnit.Hours);
        var reduction = await Reduction(procedure.Id, "2025-12-31");
        Assert.Equal((5m, 3m, 40.00m), (reduction.Time.Baseline, reduction.Time.Current, reduction.Time.ReductionPct));
    }

    [Fact]
    public async Task AProcedureThatMovesCountsInTheAgencyItBelongsToNow()
    {
        await Build.Tariff("07", 2024, 30_000);
        var procedure = await Build.Procedure("07", "1.000010", agency: "Sở Xây dựng");
        await Build.Time(procedure.Id, "2024-01-01", 10);
        await Build.Time(procedure.Id, "2025-01-01", 5);
        var newAgency = await Build.Agency("07", "Sở Tài chính");
        var input = await Build.NewProcedure("07", "1.000010", agency: "Sở Tài chính");
        await (await client.PutJson($"/api/v1/procedures/{procedure.Id}", new ProcedureUpdate(
            input.Code, input.Name, input.Level, input.Kind, input.BusinessRelated, input.OnlineLevel, input.FullOnlineEligible, input.BoundaryFree,
            input.FieldId, newAgency, input.LastReviewedOn, input.LegalBasis), HttpAssertions.Tag(procedure.Id, procedure.Version + 2))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);

        var row = Assert.Single((await Groups("jurisdiction=07&groupBy=agency&asOf=2025-12-31")).Rows);
        Assert.Equal((newAgency, "Sở Tài chính", 10m, 5m), (row.Group.Id!.Value, row.Group.Name, row.Time.SumBaseline, row.Time.SumCurrent));
    }

    [Fact]
    public async Task AnEmptyGroupHasCountsOfZeroAndNoPercentage()
    {
        var all = Assert.Single((await Groups("q=khong-co-thu-tuc-nao&asOf=2025-12-31")).Rows);
        Assert.Equal((0L, 0L, 0L, null, null), (all.Procedures, all.Time.WithBaseline, all.Time.NoBaseline, all.Time.SumBaseline, all.Time.ReductionPct));
        Assert.Empty((await Groups("q=khong-co-thu-tuc-nao&groupBy=field&asOf=2025-12-31")).Rows);
    }

    [Fact]
    public async Task AJurisdictionWithoutATariffGetsAProblemNotAZero()
    {
        await Build.Jurisdiction("08");
        var priced = await Build.Procedure("08", "1.000011");
        await Build.Cost(priced.Id, "2024-01-01", 100_000, 0, 2);
        var timed = await Build.Procedure("08", "1.000012");
        await Build.Time(timed.Id, "2024-01-01", 10);

        foreach (var url in new[] { $"/api/v1/procedures/{priced.Id}/reduction?asOf=2025-12-31", "/api/v1/reports/reductions?jurisdiction=08",
                     "/api/v1/reports/laggards?jurisdiction=08&measure=cost&year=2025" })
        {
            var response = await client.Get(url);
            await response.Problem(HttpStatusCode.UnprocessableEntity);
        }

        // The scoreboard names the missing tariff instead: no cost figure, everything else as it is.
        var board = await (await client.Get("/api/v1/reports/scoreboard?jurisdiction=08&year=2025")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        Assert.Equal(["tariff"], board.Missing);
        Assert.Equal(["08"], board.JurisdictionsWithoutTariff);
        var cost = board.Indicators.Single(indicator => indicator.Indicator == "cost-reduction");
        Assert.Equal(("tariff", (decimal?)null, (bool?)null), (cost.Missing, cost.ValuePct, cost.Met));
        Assert.Null(board.Indicators.Single(indicator => indicator.Indicator == "time-reduction").Missing);

        var problem = await (await client.Get("/api/v1/reports/reductions?jurisdiction=08")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("PUT /api/v1/tariffs/08/2024", problem, StringComparison.Ordinal);
        Assert.Equal(10m, (await Reduction(timed.Id, "2025-12-31")).Time.Baseline);

        await Build.Tariff("08", 2024, 50_000);
        Assert.Equal(200_000m, (await Reduction(priced.Id, "2025-12-31")).Cost.Reduction.Baseline);
    }

    [Fact]
    public async Task AnAbolishedProcedureCostsNothingEvenWhereItsJurisdictionHasNoTariff()
    {
        await Build.Jurisdiction("15");
        var timed = await Build.Procedure("15", "1.000015");
        await Build.Time(timed.Id, "2024-01-01", 10);
        await Build.Abolish(timed.Id, "2025-06-01");

        var reduction = await Reduction(timed.Id, "2025-12-31");
        Assert.Equal((0m, 100.00m, true), (reduction.Time.Current, reduction.Time.ReductionPct, reduction.Time.Abolished));
        Assert.Equal((null, 0m, true), (reduction.Cost.HourlyTariffVnd, reduction.Cost.Reduction.Current, reduction.Cost.Reduction.Abolished));
        Assert.Null(reduction.Cost.Reduction.Baseline);

        // Before its abolition nothing is known of its cost: there is no cost history.
        Assert.Null((await Reduction(timed.Id, "2025-05-31")).Cost.Reduction.Current);
    }

    [Theory]
    [InlineData("31", 199_990, 0.01)]
    [InlineData("32", 200_010, -0.01)]
    [InlineData("33", 199_970, 0.02)]
    public async Task RoundingIsHalfAwayFromZero(string jurisdiction, long current, double expectedPct)
    {
        await Build.Tariff(jurisdiction, 2024, 30_000);
        var procedure = await Build.Procedure(jurisdiction, $"1.{current}");
        await Build.Cost(procedure.Id, "2024-01-01", 200_000, 0, 0);
        await Build.Cost(procedure.Id, "2025-01-01", current, 0, 0);
        // 100 × 10 / 200,000 = 0.005 %: a tie at two decimals; 0.015 % likewise rounds up to 0.02.
        Assert.Equal((decimal)expectedPct, (await Reduction(procedure.Id, "2025-12-31")).Cost.Reduction.ReductionPct);
    }

    [Fact]
    public async Task YearlyBurdenIsCostTimesFilingsWhereFilingsAreKnown()
    {
        await Build.Tariff("09", 2024, 40_000);
        var known = await Build.Procedure("09", "1.000013");
        await Build.Cost(known.Id, "2024-01-01", 100_000, 0, 1, filings: 1_000);
        await Build.Cost(known.Id, "2025-01-01", 50_000, 0, 1, filings: 2_000);
        var unknown = await Build.Procedure("09", "1.000014");
        await Build.Cost(unknown.Id, "2024-01-01", 100_000, 0, 0);
        var group = Assert.Single((await Groups("jurisdiction=09&asOf=2025-12-31")).Rows);
        Assert.Equal((1L, 140_000_000m, 180_000_000m), (group.YearlyBurden.WithAnnualFilings, group.YearlyBurden.BaselineYearlyBurdenVnd, group.YearlyBurden.CurrentYearlyBurdenVnd));
        Assert.Equal((240_000m, 190_000m, 20.83m), (group.Cost.SumBaseline, group.Cost.SumCurrent, group.Cost.ReductionPct));
    }

    [Fact]
    public async Task ScoreboardGivesEveryIndicatorOfTheYearWithItsFraction()
    {
        var (a, _, _) = await WorkedExample("10");
        var internalOne = await Build.Procedure("10", "2.000001", kind: ProcedureKind.InternalWithinAgency, businessRelated: false);
        var board = await (await client.Get("/api/v1/reports/scoreboard?jurisdiction=10&year=2025")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        Assert.Equal(new DateOnly(2025, 12, 31), board.Basis.AsOf);
        Assert.Equal(["time-reduction", "cost-reduction", "business-online", "boundary-free", "internal-reviewed"], board.Indicators.Select(i => i.Indicator).ToArray());
        var time = board.Indicators[0];
        Assert.Equal((24.88m, 7.2857m, 29.2857m, "working-days", false, 5.12m), (time.ValuePct, time.Numerator, time.Denominator, time.Unit, time.Met, time.GapPct));
        var online = board.Indicators[2];
        Assert.Equal((100m, 3m, 3m, true), (online.ValuePct, online.Numerator, online.Denominator, online.Met));
        var reviewed = board.Indicators[4];
        Assert.Equal((100m, 1m, 1m, true), (reviewed.ValuePct, reviewed.Numerator, reviewed.Denominator, reviewed.Met));
        Assert.Equal((board.Indicators.Count(i => i.Met == true), board.Indicators.Count), (board.IndicatorsMet, board.IndicatorsJudged));
        Assert.True(internalOne.Id > a);

        var board2026 = await (await client.Get("/api/v1/reports/scoreboard?jurisdiction=10&year=2026&asOf=2026-11-22")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        var documents = board2026.Indicators.Single(i => i.Indicator == "documents-provided-once");
        Assert.Equal((3m, 0m, 0m, "documents"), (documents.Denominator, documents.Numerator, documents.ValuePct!.Value, documents.Unit));
    }

    [Fact]
    public async Task ReportsAnswerCsvForExcelWhenAsked()
    {
        var (a, _, _) = await WorkedExample("12");
        var response = await GetCsv("/api/v1/reports/reductions?jurisdiction=12&groupBy=agency&asOf=2025-12-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var headers = lines[0].Split(',');
        var values = lines[1].Split(',');
        string Value(string header) => values[Array.IndexOf(headers, header)];
        Assert.Equal(("2025-12-31", "3", "29.2857", "22", "24.88", "không"),
            (Value("Ngày số liệu"), Value("Số TTHC"), Value("Thời gian: tổng mốc (ngày làm việc)"), Value("Thời gian: tổng hiện tại (ngày làm việc)"),
             Value("Thời gian: tỷ lệ cắt giảm (%)"), Value("Thời gian: đạt chỉ tiêu")));
        Assert.Contains("reductions-agency-2025-12-31.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);

        foreach (var url in new[] { "/api/v1/reports/scoreboard?jurisdiction=12&year=2025", "/api/v1/reports/laggards?jurisdiction=12&year=2025", $"/api/v1/procedures/{a}/reduction" })
        {
            var csv = await GetCsv(url);
            Assert.Equal((HttpStatusCode.OK, "text/csv"), (csv.StatusCode, csv.Content.Headers.ContentType?.MediaType));
        }

        var json = await client.Get("/api/v1/reports/reductions?jurisdiction=12");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReportsAnswerXlsxWithNumbersAsNumbersForExcelWithAnyRegionalSettings()
    {
        var (a, _, _) = await WorkedExample("16");
        const string Url = "/api/v1/reports/reductions?jurisdiction=16&groupBy=agency&asOf=2025-12-31";
        var json = Assert.Single((await Groups(Url[(Url.IndexOf('?') + 1)..])).Rows);
        var sheet = await Sheet(Url);
        Assert.Equal(2, sheet.Count);

        // A number cell, not text: Excel with a decimal comma shows 24,88 and can add it up.
        var reduction = Assert.IsType<double>(Cell(sheet, 1, "Thời gian: tỷ lệ cắt giảm (%)"));
        Assert.Equal((double)json.Time.ReductionPct!.Value, reduction);
        Assert.Equal((double)json.Time.SumBaseline!.Value, Assert.IsType<double>(Cell(sheet, 1, "Thời gian: tổng mốc (ngày làm việc)")));
        Assert.Equal(3d, Assert.IsType<double>(Cell(sheet, 1, "Số TTHC")));
        Assert.Equal(("không", "có"), (Cell(sheet, 1, "Thời gian: đạt chỉ tiêu"), Cell(sheet, 1, "Chi phí tuân thủ: đạt chỉ tiêu")));
        Assert.Equal(new DateTime(2025, 12, 31), Assert.IsType<DateTime>(Cell(sheet, 1, "Ngày số liệu")));

        var response = await GetAs(Url, Xlsx);
        Assert.Contains("reductions-agency-2025-12-31.xlsx", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);

        var procedure = await Sheet($"/api/v1/procedures/{a}/reduction?asOf=2025-12-31");
        Assert.Equal(45.1d, Cell(procedure, 1, "Chi phí tuân thủ: tỷ lệ cắt giảm (%)"));
        var board = await Sheet("/api/v1/reports/scoreboard?jurisdiction=16&year=2025");
        Assert.Equal(24.88d, board.Skip(1).Single(row => Equals(row[board[0].Single(cell => Equals(cell.Value, "Chỉ tiêu")).Key], "time-reduction"))
            [board[0].Single(cell => Equals(cell.Value, "Kết quả (%)")).Key]);
        var laggards = await Sheet("/api/v1/reports/laggards?jurisdiction=16&year=2025&pageSize=1");
        Assert.Equal((2, "1.009650", 16d), (laggards.Count, Cell(laggards, 1, "Mã thủ tục"), Cell(laggards, 1, "Tỷ lệ cắt giảm (%)")));
    }

    [Fact]
    public async Task AnXlsxReportWithoutRowsStillHasItsHeaders()
    {
        var sheet = await Sheet("/api/v1/reports/reductions?q=khong-co-thu-tuc-nao&groupBy=field&asOf=2025-12-31");
        var headers = Assert.Single(sheet);
        Assert.Equal(["Ngày số liệu", "Ngày mốc", "Nhóm theo"], headers.Values.Take(3).ToArray());
    }

    [Fact]
    public async Task CsvOfLaggardsHoldsEveryLaggardNotOnePage()
    {
        await Build.Tariff("13", 2024, 30_000);
        for (var index = 0; index < 3; index++)
        {
            var procedure = await Build.Procedure("13", $"1.10000{index}");
            await Build.Time(procedure.Id, "2024-01-01", 10);
        }

        var csv = await (await GetCsv("/api/v1/reports/laggards?jurisdiction=13&year=2025&pageSize=1")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>
    /// Over every jurisdiction the laggards are read through the windows' ends (ix_reduction_windows_holding), and a table is
    /// read row by row while it is written: the CSV and the XLSX list the laggards of the JSON pages, in the same order,
    /// ties (the same reduction in two jurisdictions) by procedure id.
    /// </summary>
    [Fact]
    public async Task LaggardTablesOfEveryJurisdictionListThePagesLaggardsInTheirOrder()
    {
        foreach (var (jurisdiction, index) in new[] { ("21", 0), ("20", 1), ("21", 2), ("20", 3) })
        {
            var procedure = await Build.Procedure(jurisdiction, $"1.2100{index}");
            await Build.Time(procedure.Id, "2024-01-01", 10);
            await Build.Time(procedure.Id, "2025-02-01", index < 3 ? 9 : 8);
        }

        var pages = new List<Laggard>();
        for (var page = 1; ; page++)
        {
            var report = await (await client.Get($"/api/v1/reports/laggards?year=2025&pageSize=2&page={page}")).ReadAs<LaggardReport>(HttpStatusCode.OK);
            pages.AddRange(report.Results.Items);
            if (page >= report.Results.TotalPages)
            {
                break;
            }
        }

        Assert.Equal(pages.OrderBy(laggard => laggard.ReductionPct).ThenBy(laggard => laggard.ProcedureId).Select(laggard => laggard.ProcedureId), pages.Select(laggard => laggard.ProcedureId));
        var ours = pages.Where(laggard => laggard.Code.StartsWith("1.2100", StringComparison.Ordinal)).Select(laggard => (laggard.Jurisdiction, laggard.Code)).ToList();
        Assert.Equal([("21", "1.21000"), ("20", "1.21001"), ("21", "1.21002"), ("20", "1.21003")], ours);
        var expected = pages.Select(laggard => $"{laggard.Jurisdiction} {laggard.Code}").ToList();

        // The first four columns (date, year, jurisdiction, code) never hold a comma or a quote.
        var csv = await (await GetCsv("/api/v1/reports/laggards?year=2025")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var csvRows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(expected, csvRows.Select(cells => $"{cells[2]} {cells[3]}"));

        var sheet = await Sheet("/api/v1/reports/laggards?year=2025");
        Assert.Equal(expected, Enumerable.Range(1, sheet.Count - 1).Select(row => $"{Cell(sheet, row, "Đơn vị hành chính")} {Cell(sheet, row, "Mã thủ tục")}"));
    }

    [Fact]
    public async Task BadReportQueriesAreAllNamedInOneProblem()
    {
        var errors = await (await client.Get("/api/v1/reports/reductions?groupBy=province&asOf=2025-13-01&scope=target&kind=internal-within-agency&program=Bad Program"))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["asOf", "groupBy", "kind", "program"], errors.Keys.Order().ToArray());

        var laggards = await (await client.Get("/api/v1/reports/laggards?measure=speed&year=99&pageSize=1000")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["measure", "pageSize", "year"], laggards.Keys.Order().ToArray());

        await (await client.Get("/api/v1/reports/scoreboard?jurisdiction=Cần Thơ")).Problem(HttpStatusCode.BadRequest);
        await (await client.Get("/api/v1/procedures/1/reduction?asOf=yesterday")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownProgramsYearsJurisdictionsAndProceduresAreNotFound()
    {
        await (await client.Get("/api/v1/reports/reductions?program=resolution-99")).Problem(HttpStatusCode.NotFound);
        // The scoreboard of a year without targets says so instead.
        var year = await (await client.Get("/api/v1/reports/scoreboard?year=2031")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        Assert.Contains("targets", year.Missing!);
        Assert.Equal((0, true, new DateOnly(2031, 12, 31)), (year.Indicators.Count, year.Provisional, year.JudgedOn));
        await (await client.Get("/api/v1/reports/scoreboard?jurisdiction=99&year=2025")).Problem(HttpStatusCode.NotFound);
        await (await client.Get("/api/v1/procedures/999999/reduction")).Problem(HttpStatusCode.NotFound);
        await (await client.Get("/api/v1/reports/laggards?year=2031")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryReportTakesTheProgramYearWhoseTargetIsAppliedWithTheScoreboardsDefaults()
    {
        var (a, _, _) = await WorkedExample("17");

        // A's time on 2025-12-31 (33.33 %) judged against the 2026 target (50 %) misses it.
        var procedure = await (await client.Get($"/api/v1/procedures/{a}/reduction?asOf=2025-12-31&year=2026")).ReadAs<ProcedureReduction>(HttpStatusCode.OK);
        Assert.Equal((2026, 33.33m, 50m, false), (procedure.Basis.TargetYear, procedure.Time.ReductionPct, procedure.Time.TargetPct, procedure.Time.MeetsTarget));
        var group = Assert.Single((await Groups("jurisdiction=17&year=2026&asOf=2025-12-31")).Rows);
        Assert.Equal((50m, false), (group.Time.TargetPct, group.Time.MeetsTarget));

        // Without asOf, every report is as of the year's judging date.
        var groups = await Groups("jurisdiction=17&year=2025");
        var board = await (await client.Get("/api/v1/reports/scoreboard?jurisdiction=17&year=2025")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        var reduction = await (await client.Get($"/api/v1/procedures/{a}/reduction?year=2025")).ReadAs<ProcedureReduction>(HttpStatusCode.OK);
        Assert.All(new[] { groups.Basis, board.Basis, reduction.Basis }, basis => Assert.Equal((2025, new DateOnly(2025, 12, 31)), (basis.TargetYear, basis.AsOf)));

        // A year given without targets is not found on every report but the scoreboard (which names them as missing); a year
        // that is not a year is refused by name.
        foreach (var url in new[] { "/api/v1/reports/reductions?year=2031", $"/api/v1/procedures/{a}/reduction?year=2031", "/api/v1/reports/laggards?year=2031" })
        {
            await (await client.Get(url)).Problem(HttpStatusCode.NotFound);
        }

        Assert.Equal(["year"], (await (await client.Get("/api/v1/reports/reductions?year=next")).Problem(HttpStatusCode.BadRequest)).Keys.ToArray());
        Assert.Equal(["year"], (await (await client.Get($"/api/v1/procedures/{a}/reduction?year=99")).Problem(HttpStatusCode.BadRequest)).Keys.ToArray());

        // A date past the program's years still has its figures, without a target.
        Assert.Null((await Reduction(a, "2030-01-01")).Time.TargetPct);
    }

    [Fact]
    public async Task ScopeAllReportsOnInternalProceduresToo()
    {
        await Build.Tariff("14", 2024, 30_000);
        var internalOne = await Build.Procedure("14", "2.000002", kind: ProcedureKind.InternalBetweenAgencies, businessRelated: false);
        await Build.Time(internalOne.Id, "2024-01-01", 10);
        await Build.Time(internalOne.Id, "2025-01-01", 5);
        Assert.Equal(0L, Assert.Single((await Groups("jurisdiction=14")).Rows).Procedures);
        var all = Assert.Single((await Groups("jurisdiction=14&scope=all&groupBy=kind&asOf=2025-12-31")).Rows);
        Assert.Equal(("internal-between-agencies", 50.00m), (all.Group.Code, all.Time.ReductionPct));
    }
}
