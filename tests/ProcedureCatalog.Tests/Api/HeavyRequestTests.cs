using System.Net;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Reports and exports take turns; beyond the turns and the queue they get 503 with Retry-After, and cheap reads never wait.</summary>
public sealed class HeavyRequestTests(OneHeavyTurnFactory factory) : IClassFixture<OneHeavyTurnFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondReportFindsTheTurnTakenWhileCheapReadsAndHealthAnswer()
    {
        await new CatalogBuilder(client).Generated("91", 4000);

        // An export whose reader reads nothing: it holds the one turn while its answer waits to be read.
        using var holding = await client.GetAsync("/api/v1/jurisdictions/91/export", HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.OK, holding.StatusCode);
        var refused = await client.Get("/api/v1/reports/reductions?groupBy=jurisdiction");
        await refused.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/api/v1/fields")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/health/live")).StatusCode);

        holding.Dispose();
        HttpResponseMessage? after = null;
        for (var attempt = 0; attempt < 50 && after?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(100, Cancel);
            after = await client.Get("/api/v1/reports/reductions?groupBy=jurisdiction");
        }

        Assert.Equal(HttpStatusCode.OK, after?.StatusCode);
    }
}
