using System.Net;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

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
