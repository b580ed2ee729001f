using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Api.ReportingRegimes;
using ProcedureCatalog.Tests.Support;
using static ProcedureCatalog.Tests.Support.RegimeRequests;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Business reporting regimes through HTTP: CRUD with entity tags, keys scoped by jurisdiction, the electronic history, bad input, the scoreboard.</summary>
public sealed class ReportingRegimeApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    private DateOnly Today => factory.Services.GetRequiredService<CatalogClock>().Today;

    private static ReportingRegimeUpdate UpdateOf(ReportingRegime regime, string? name = null, ProcedureStatus? status = null, DateOnly? abolishedOn = null) =>
        new(name ?? regime.Name, regime.LegalBasis, regime.Agency.Id, regime.Frequency, status ?? regime.Status, status is null ? regime.AbolishedOn : abolishedOn);

    [Fact]
    public async Task ARegimeIsCreatedReadChangedAndDeletedUnderItsEntityTag()
    {
        var agency = await Build.Agency("41", "Sở Nội vụ tỉnh thử");
        var response = await client.PostJson("/api/v1/reporting-regimes",
            Regime("41", "Báo cáo tình hình thay đổi về lao động", agency, ReportingFrequency.HalfYearly, Electronic(false, "2021-02-01")));
        var created = await response.ReadAs<ReportingRegime>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/reporting-regimes/{created.Id}", response.Headers.Location?.ToString());
        Assert.StartsWith($"\"{created.Id}-1.", response.Headers.ETag?.Tag, StringComparison.Ordinal);
        Assert.Equal((ReportingFrequency.HalfYearly, ProcedureStatus.Active, false, "Sở Nội vụ tỉnh thử"),
            (created.Frequency, created.Status, created.Electronic, created.Agency.Name));

        var url = $"/api/v1/reporting-regimes/{created.Id}";
        var read = await client.Get(url);
        var etag = read.Headers.ETag!.Tag;
        using (var cached = new HttpRequestMessage(HttpMethod.Get, url))
        {
            cached.Headers.TryAddWithoutValidation("If-None-Match", etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(cached, TestContext.Current.CancellationToken)).StatusCode);
        }

        // Another asOf is another body (nothing in force before the first entry): another digest, the same version.
        var before = await client.Get($"{url}?asOf=2020-01-01");
        Assert.Null((await before.ReadAs<ReportingRegime>(HttpStatusCode.OK)).Electronic);
        Assert.NotEqual(etag, before.Headers.ETag!.Tag);

        var renamed = UpdateOf(created, name: "Báo cáo tình hình sử dụng lao động");
        await (await client.PutJson(url, renamed)).Problem(HttpStatusCode.PreconditionRequired);
        var updated = await (await client.PutJson(url, renamed, before.Headers.ETag!.Tag)).ReadAs<ReportingRegime>(HttpStatusCode.OK);
        Assert.Equal(("Báo cáo tình hình sử dụng lao động", 2L), (updated.Name, updated.Version));
        await (await client.PutJson(url, renamed, etag)).Problem(HttpStatusCode.PreconditionFailed);

        var abolished = await (await client.PutJson(url, UpdateOf(updated, status: ProcedureStatus.Abolished, abolishedOn: new DateOnly(2026, 7, 1)), "*"))
            .ReadAs<ReportingRegime>(HttpStatusCode.OK);
        Assert.Equal((ProcedureStatus.Abolished, new DateOnly(2026, 7, 1)), (abolished.Status, abolished.AbolishedOn));

        // A regime with history is part of the record; without it, it may go, and its id is never given again.
        await (await client.Delete(url, "*")).Problem(HttpStatusCode.Conflict);
        var entry = Assert.Single(await (await client.Get($"{url}/electronic-history")).ReadAs<List<ElectronicEntry>>(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/electronic-history/{entry.Id}", "*")).StatusCode);
        await (await client.Delete(url, null)).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete(url, HttpAssertions.Tag(created.Id, abolished.Version + 1))).StatusCode);
        await (await client.Get(url)).Problem(HttpStatusCode.NotFound);
        await (await client.Delete(url, "*")).Problem(HttpStatusCode.NotFound);
        var again = await client.CreateRegime(Regime("41", "Báo cáo tình hình sử dụng lao động", agency));
        Assert.True(again.Id > created.Id);

        var feed = await (await client.Get("/api/v1/changes?jurisdiction=41&limit=1000")).ReadAs<ChangePage>(HttpStatusCode.OK);
        Assert.Equal(["created", "updated", "abolished", "deleted", "created"],
            feed.Items.Where(change => change.Entity == "reporting-regime").Select(change => change.Action).ToArray());
        Assert.Equal(["deleted"], feed.Items.Where(change => change.Entity == "electronic-entry").Select(change => change.Action).ToArray());
        Assert.All(feed.Items, change => Assert.Equal("tests-admin", change.ChangedBy));
    }

    [Fact]
    public async Task TheElectronicValueInForceFollowsItsHistoryAndAMistakeIsRemoved()
    {
        var agency = await Build.Agency("42", "Sở Nông nghiệp và Môi trường tỉnh thử");
        var regime = await client.CreateRegime(Regime("42", "Báo cáo công tác bảo vệ môi trường", agency));
        Assert.Null(regime.ElectronicInForce);
        await client.AppendElectronic(regime.Id, Electronic(false, "2022-01-10", "02/2022/TT-BTNMT"));
        await client.AppendElectronic(regime.Id, Electronic(true, "2025-09-01", "A"));
        var correction = await client.AppendElectronic(regime.Id, Electronic(false, "2025-09-01", "B"));
        var today = await client.AppendElectronic(regime.Id, Electronic(true, null, "C"));
        Assert.Equal((Today, "tests-admin"), (today.EffectiveFrom, today.RecordedBy));

        var history = await (await client.Get($"/api/v1/reporting-regimes/{regime.Id}/electronic-history")).ReadAs<List<ElectronicEntry>>(HttpStatusCode.OK);
        Assert.Equal(["02/2022/TT-BTNMT", "A", "B", "C"], history.Select(entry => entry.DecisionRef).ToArray());
        Assert.Null((await client.GetRegime(regime.Id, "2022-01-09")).Electronic);
        Assert.False((await client.GetRegime(regime.Id, "2024-12-31")).Electronic);
        // The same day, the one recorded last: the correction.
        Assert.Equal("B", (await client.GetRegime(regime.Id, "2025-09-01")).ElectronicInForce!.DecisionRef);
        Assert.True((await client.GetRegime(regime.Id)).Electronic);

        var url = $"/api/v1/reporting-regimes/{regime.Id}/electronic-history/{correction.Id}";
        await (await client.Delete(url, null)).Problem(HttpStatusCode.PreconditionRequired);
        await (await client.Delete(url, HttpAssertions.Tag(regime.Id, 1))).Problem(HttpStatusCode.PreconditionFailed);
        var current = await client.GetRegime(regime.Id);
        Assert.Equal(5L, current.Version);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete(url, HttpAssertions.Tag(regime.Id, current.Version))).StatusCode);
        Assert.True((await client.GetRegime(regime.Id, "2025-09-01")).Electronic);
        await (await client.Delete(url, "*")).Problem(HttpStatusCode.NotFound);

        var stale = await client.PostAsync($"/api/v1/reporting-regimes/{regime.Id}/electronic-history",
            System.Net.Http.Json.JsonContent.Create(Electronic(true, "2026-01-01"), options: CatalogApiFactory.Json), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, stale.StatusCode);
        using var withStaleTag = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reporting-regimes/{regime.Id}/electronic-history")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Electronic(true, "2026-02-01"), options: CatalogApiFactory.Json),
        };
        withStaleTag.Headers.TryAddWithoutValidation("If-Match", HttpAssertions.Tag(regime.Id, 1));
        await (await client.SendAsync(withStaleTag, TestContext.Current.CancellationToken)).Problem(HttpStatusCode.PreconditionFailed);
        await (await client.Get("/api/v1/reporting-regimes/987654/electronic-history")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEditorKeyWritesTheRegimesOfItsOwnJurisdictionsOnly()
    {
        var own = await Build.Agency("43", "Sở Tài chính tỉnh thử");
        var other = await Build.Agency("44", "Sở Tài chính tỉnh khác");
        var foreign = await client.CreateRegime(Regime("44", "Báo cáo tình hình thực hiện dự án đầu tư", other, ReportingFrequency.Quarterly));
        var editor = factory.ClientWithKey(factory.CreateKey("regimes-editor-43", ApiKeyRole.Editor, "43"));

        var mine = await editor.CreateRegime(Regime("43", "Báo cáo tình hình thực hiện dự án đầu tư", own, ReportingFrequency.Quarterly));
        await editor.AppendElectronic(mine.Id, Electronic(true, "2021-03-26"));
        await (await editor.PostJson("/api/v1/reporting-regimes", Regime("44", "Báo cáo khác", other))).Problem(HttpStatusCode.Forbidden);
        await (await editor.PutJson($"/api/v1/reporting-regimes/{foreign.Id}", UpdateOf(foreign, name: "Đổi tên"), "*")).Problem(HttpStatusCode.Forbidden);
        await (await editor.PostJson($"/api/v1/reporting-regimes/{foreign.Id}/electronic-history", Electronic(true, "2025-01-01"))).Problem(HttpStatusCode.Forbidden);
        await (await editor.Delete($"/api/v1/reporting-regimes/{foreign.Id}", "*")).Problem(HttpStatusCode.Forbidden);
        await (await editor.ImportRegimes("44", "name,legalBasis,agency,frequency\nA,B,Sở Tài chính tỉnh khác,yearly\n"u8.ToArray(), "text/csv")).Problem(HttpStatusCode.Forbidden);
        await (await factory.ClientWithKey(null).PostJson("/api/v1/reporting-regimes", Regime("43", "Không có khóa", own))).Problem(HttpStatusCode.Unauthorized);

        var reader = factory.ClientWithKey(null);
        var page = await (await reader.Get("/api/v1/reporting-regimes?jurisdiction=44")).ReadAs<PageOf<ReportingRegime>>(HttpStatusCode.OK);
        Assert.Equal(("Báo cáo tình hình thực hiện dự án đầu tư", 1L), (Assert.Single(page.Items).Name, page.TotalCount));
        Assert.NotNull((await reader.Get($"/api/v1/reporting-regimes/{foreign.Id}")).Headers.ETag);
    }

    [Fact]
    public async Task BadInputIsRefusedNamingTheFieldAndNothingIsWritten()
    {
        var agency = await Build.Agency("45", "Sở Y tế tỉnh thử");
        var elsewhere = await Build.Agency("46", "Sở Y tế tỉnh khác");
        await client.CreateRegime(Regime("45", "Báo cáo công tác y tế lao động", agency));

        async Task Refused(object body, HttpStatusCode status, string field)
        {
            var errors = await (await client.PostJson("/api/v1/reporting-regimes", body)).Problem(status);
            Assert.True(errors.ContainsKey(field), $"{field} not named in {string.Join(", ", errors.Keys)}");
        }

        await Refused(new { jurisdiction = "45", legalBasis = "x", agencyId = agency, frequency = "yearly" }, HttpStatusCode.BadRequest, "name");
        await Refused(new { jurisdiction = "45", name = "Báo cáo tuần", legalBasis = "x", agencyId = agency, frequency = "weekly" }, HttpStatusCode.BadRequest, "frequency");
        await Refused(new { jurisdiction = "45", name = "Báo cáo\u0007", legalBasis = "x", agencyId = agency, frequency = "yearly" }, HttpStatusCode.BadRequest, "name");
        await Refused(Regime("45", "Báo cáo đã bãi bỏ", agency, status: ProcedureStatus.Abolished), HttpStatusCode.BadRequest, "abolishedOn");
        await Refused(Regime("45", "Báo cáo có ngày", agency, abolishedOn: new DateOnly(2025, 1, 1)), HttpStatusCode.BadRequest, "abolishedOn");
        await Refused(Regime("45", "Báo cáo điện tử", agency, electronic: new ElectronicEntryInput(true, new DateOnly(1900, 1, 1), "X")), HttpStatusCode.BadRequest, "electronic.effectiveFrom");
        await Refused(Regime("45", "Báo cáo nơi khác", elsewhere), HttpStatusCode.UnprocessableEntity, "agencyId");
        await Refused(Regime("47", "Báo cáo không có tỉnh", agency), HttpStatusCode.UnprocessableEntity, "jurisdiction");
        await (await client.PostJson("/api/v1/reporting-regimes", Regime("45", "  BÁO CÁO công tác  y tế lao động ", agency))).Problem(HttpStatusCode.Conflict);

        var errors = await (await client.Get("/api/v1/reporting-regimes?frequency=weekly&agencyId=x&asOf=2025-13-01&pageSize=500")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["agencyId", "asOf", "frequency", "pageSize"], errors.Keys.Order().ToArray());
        await (await client.Get("/api/v1/reporting-regimes?colour=red")).Problem(HttpStatusCode.BadRequest);
        await (await client.Get("/api/v1/reporting-regimes/1?asOf=yesterday")).Problem(HttpStatusCode.BadRequest);

        var page = await (await client.Get("/api/v1/reporting-regimes?jurisdiction=45")).ReadAs<PageOf<ReportingRegime>>(HttpStatusCode.OK);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task TheScoreboardCountsTheRegimesElectronicOnItsDateAndSaysWhenThereAreNone()
    {
        var none = await Scoreboard("48", "2026-11-22");
        Assert.Equal((null, null, "reporting-regimes", 0m), (none.ValuePct, none.Met, none.Missing, none.Denominator));

        var agency = await Build.Agency("49", "Sở Nội vụ tỉnh điểm");
        var labour = await client.CreateRegime(Regime("49", "Báo cáo lao động", agency, electronic: Electronic(false, "2021-02-01")));
        await client.AppendElectronic(labour.Id, Electronic(true, "2026-03-01"));
        await client.CreateRegime(Regime("49", "Báo cáo đầu tư", agency, electronic: Electronic(true, "2021-03-26")));
        await client.CreateRegime(Regime("49", "Báo cáo môi trường", agency));
        var invoices = await client.CreateRegime(Regime("49", "Báo cáo hóa đơn", agency, electronic: Electronic(false, "2014-06-01")));
        await client.PutJson($"/api/v1/reporting-regimes/{invoices.Id}", UpdateOf(invoices, status: ProcedureStatus.Abolished, abolishedOn: new DateOnly(2026, 7, 1)), "*");

        // 2026-01-31: 4 active, 1 electronic (investment) = 25 %; 2026-03-01: labour too, 2 of 4 = 50 %; 2026-07-01: invoices gone, 2 of 3 = 66.67 %.
        Assert.Equal((25m, 1m, 4m, false, (string?)null), Figures(await Scoreboard("49", "2026-01-31")));
        Assert.Equal((50m, 2m, 4m, false, (string?)null), Figures(await Scoreboard("49", "2026-03-01")));
        Assert.Equal((66.67m, 2m, 3m, false, (string?)null), Figures(await Scoreboard("49", "2026-07-01")));
        Assert.Equal("reporting-regimes", (await Scoreboard("49", "2026-07-01")).Unit);
    }

    private static (decimal?, decimal, decimal, bool?, string?) Figures(ScoreboardIndicator indicator) =>
        (indicator.ValuePct, indicator.Numerator, indicator.Denominator, indicator.Met, indicator.Missing);

    private async Task<ScoreboardIndicator> Scoreboard(string jurisdiction, string asOf)
    {
        await Build.Jurisdiction(jurisdiction);
        var board = await (await client.Get($"/api/v1/reports/scoreboard?jurisdiction={jurisdiction}&year=2026&asOf={asOf}")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        return board.Indicators.Single(indicator => indicator.Indicator == "business-reporting-electronic");
    }
}
