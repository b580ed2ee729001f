using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>A request over the service's time limit is answered 503 as documented, and changes nothing.</summary>
public sealed class TimeLimitTests(OneSecondLimitFactory factory) : IClassFixture<OneSecondLimitFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteThatWaitsPastTheTimeLimitIsAnswered503AndChangesNothing()
    {
        // Another writer holds the database for three seconds: the request waits for it past its one second.
        await using var blocker = new SqliteConnection(factory.ConnectionString);
        await blocker.OpenAsync(Cancel);
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var response = await client.PostJson("/api/v1/fields", new FieldInput("Lĩnh vực chờ"));
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var problem = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {problem}");
        Assert.Contains("took too long", problem, StringComparison.Ordinal);
        var fields = await (await client.Get("/api/v1/fields")).Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Lĩnh vực chờ", fields, StringComparison.Ordinal);
    }
}

/// <summary>An answer that has started when the time limit comes is finished, never cut off in its middle.</summary>
public sealed class StreamedAnswerTests(OneSecondLimitFactory factory) : IClassFixture<OneSecondLimitFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStreamedReportReadSlowlyPastTheTimeLimitArrivesWhole()
    {
        // 4,000 procedures whose time has not been cut since 2024: every one a laggard of 2025.
        await new CatalogBuilder(client).Generated("93", 4000, withTime: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/laggards?jurisdiction=93&year=2025&measure=time");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The reader waits past the one-second limit before it reads: the service is held writing the rest meanwhile.
        await Task.Delay(2500, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(4001, body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}

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

/// <summary>Behind a known reverse proxy, each client is counted by the address the proxy forwards, not all by the proxy's.</summary>
public sealed class ForwardedHeadersTests(BehindAProxyFactory factory) : IClassFixture<BehindAProxyFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private Task<HttpResponseMessage> ReadAs(string clientAddress)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/fields");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EachForwardedClientHasItsOwnShareOfReads()
    {
        for (var read = 0; read < 3; read++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ReadAs("203.0.113.1")).StatusCode);
        }

        await (await ReadAs("203.0.113.1")).Problem(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await ReadAs("203.0.113.2")).StatusCode);
    }
}
