using System.Net;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Api.Tariffs;
using ProcedureCatalog.Api.Targets;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

public sealed class TargetAndTariffApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    private static TargetInput Input(decimal pct, int year = 2025) => new(pct, new DateOnly(year, 12, 31), "Processing time of external, business-related procedures");

    [Fact]
    public async Task ProgramsAreListedWithTheirBaselineAndTargets()
    {
        var programs = await (await client.Get("/api/v1/programs")).ReadAs<List<ReductionProgram>>(HttpStatusCode.OK);
        var resolution = programs.Single(program => program.Code == "resolution-66");
        Assert.Equal(new DateOnly(2024, 12, 31), resolution.BaselineDate);
        Assert.Contains(resolution.Targets, target => target is { Indicator: Indicator.CostReduction, Year: 2026, TargetPct: 50m });
        Assert.True(resolution.Targets.Count >= 10);
    }

    [Fact]
    public async Task ChangingATargetChangesWhoMeetsIt()
    {
        await Build.Tariff("40", 2024, 30_000);
        var procedure = await Build.Procedure("40", "1.000040");
        await Build.Time(procedure.Id, "2024-01-01", 10);
        await Build.Time(procedure.Id, "2025-01-01", 8);
        var url = "/api/v1/programs/resolution-66/targets/time-reduction/2025";
        var current = await client.Get(url);
        var etag = current.Headers.ETag!.Tag;
        Assert.Equal(30m, (await current.ReadAs<Target>(HttpStatusCode.OK)).TargetPct);
        Assert.False((await ReductionOf(procedure.Id)).Time.MeetsTarget);

        var changed = await (await client.PutJson(url, Input(20m), etag)).ReadAs<Target>(HttpStatusCode.OK);
        Assert.Equal(20m, changed.TargetPct);
        Assert.True((await ReductionOf(procedure.Id)).Time.MeetsTarget);

        await (await client.PutJson(url, Input(25m), etag)).Problem(HttpStatusCode.PreconditionFailed);
        await (await client.PutJson(url, Input(30m), $"\"{changed.Version}\"")).ReadAs<Target>(HttpStatusCode.OK);
    }

    private async Task<ProcedureReduction> ReductionOf(long id) =>
        await (await client.Get($"/api/v1/procedures/{id}/reduction?asOf=2025-12-31")).ReadAs<ProcedureReduction>(HttpStatusCode.OK);

    [Fact]
    public async Task ATargetForANewYearIsCreatedAndJudged()
    {
        var created = await client.PutJson("/api/v1/programs/resolution-66/targets/time-reduction/2027", Input(60m, 2027));
        Assert.Equal("/api/v1/programs/resolution-66/targets/time-reduction/2027", created.Headers.Location?.ToString());
        Assert.Equal(Indicator.TimeReduction, (await created.ReadAs<Target>(HttpStatusCode.Created)).Indicator);
        var board = await (await client.Get("/api/v1/reports/scoreboard?year=2027&asOf=2027-12-31")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        Assert.Equal(60m, Assert.Single(board.Indicators).TargetPct);
    }

    [Fact]
    public async Task BadTargetsAreRefusedAndChangeNothing()
    {
        var indicator = await (await client.PutJson("/api/v1/programs/resolution-66/targets/speed/2025", Input(30m))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["indicator"], indicator.Keys.ToArray());
        var body = await (await client.PutJson("/api/v1/programs/resolution-66/targets/cost-reduction/2025", new TargetInput(130.555m, null, ""))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["judgedOn", "scope", "targetPct"], body.Keys.Order().ToArray());
        await (await client.PutJson("/api/v1/programs/resolution-99/targets/cost-reduction/2025", Input(30m))).Problem(HttpStatusCode.NotFound);
        await (await client.Get("/api/v1/programs/resolution-66/targets/cost-reduction/2031")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(30m, (await (await client.Get("/api/v1/programs/resolution-66/targets/cost-reduction/2025")).ReadAs<Target>(HttpStatusCode.OK)).TargetPct);
    }

    [Fact]
    public async Task TariffsAreSetReplacedWithIfMatchAndPriceTheHours()
    {
        await Build.Jurisdiction("41");
        var url = "/api/v1/tariffs/41/2024";
        var created = await (await client.PutJson(url, new TariffInput(20_000))).ReadAs<Tariff>(HttpStatusCode.Created);
        var procedure = await Build.Procedure("41", "1.000041");
        await Build.Cost(procedure.Id, "2024-01-01", 100_000, 0, 2);
        Assert.Equal(140_000m, (await ReductionOf(procedure.Id)).Cost.Reduction.Baseline);

        var replaced = await (await client.PutJson(url, new TariffInput(50_000), $"\"{created.Version}\"")).ReadAs<Tariff>(HttpStatusCode.OK);
        Assert.Equal((50_000L, created.Version + 1), (replaced.HourlyTariffVnd, replaced.Version));
        Assert.Equal(200_000m, (await ReductionOf(procedure.Id)).Cost.Reduction.Baseline);
        await (await client.PutJson(url, new TariffInput(60_000), $"\"{created.Version}\"")).Problem(HttpStatusCode.PreconditionFailed);

        var listed = await (await client.Get("/api/v1/tariffs?jurisdiction=41")).ReadAs<List<Tariff>>(HttpStatusCode.OK);
        Assert.Equal(50_000L, Assert.Single(listed).HourlyTariffVnd);
        Assert.Equal(50_000L, (await (await client.Get(url)).ReadAs<Tariff>(HttpStatusCode.OK)).HourlyTariffVnd);
    }

    [Fact]
    public async Task BadTariffsAreRefused()
    {
        await (await client.PutJson("/api/v1/tariffs/77/2024", new TariffInput(20_000))).Problem(HttpStatusCode.NotFound);
        await Build.Jurisdiction("42");
        var errors = await (await client.PutJson("/api/v1/tariffs/42/2024", new TariffInput(0))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["hourlyTariffVnd"], errors.Keys.ToArray());
        await (await client.PutJson("/api/v1/tariffs/42/1800", new TariffInput(1))).Problem(HttpStatusCode.BadRequest);
        await (await client.Get("/api/v1/tariffs?year=abc")).Problem(HttpStatusCode.BadRequest);
        await (await client.Get("/api/v1/tariffs/42/2024")).Problem(HttpStatusCode.NotFound);
    }
}
