using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

public sealed class RateLimitTests(RateLimitedCatalogApiFactory factory) : IClassFixture<RateLimitedCatalogApiFactory>
{
    [Fact]
    public async Task TooManyRequestsGet429WithRetryAfter()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var index = 0; index < 4; index++)
        {
            last = await client.PostJson("/api/v1/fields", new FieldInput($"Lĩnh vực {index}"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is given in seconds");
        await last.Problem(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/health/live")).StatusCode);
    }
}
