using System.Net;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>An answer that has started when the time limit comes is finished, never cut off in its middle.</summary>
[Trait("Category", Categories.Slow)]
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
