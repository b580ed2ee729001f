using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

public sealed class CorsTests(CorsCatalogApiFactory factory) : IClassFixture<CorsCatalogApiFactory>
{
    [Theory]
    [InlineData("https://motcua.cantho.gov.vn", true)]
    [InlineData("https://evil.example", false)]
    public async Task OnlyConfiguredOriginsMayCall(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/procedures");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key, if-match");
        var answer = await factory.CreateClient().SendAsync(preflight, TestContext.Current.CancellationToken);
        Assert.Equal(allowed, answer.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Single() == origin);
    }
}
