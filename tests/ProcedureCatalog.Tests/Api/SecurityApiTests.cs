using System.Net;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Secure headers, CORS closed by default, nothing secret in reads, the change log closed to writes.</summary>
public sealed class SecurityApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAnswerCarriesSecureHeaders()
    {
        var api = await client.Get("/api/v1/procedures");
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", api.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", api.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", api.Headers.GetValues("Referrer-Policy").Single());
        var problem = await client.Get("/api/v1/procedures/987654");
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());
        var swagger = await client.Get("/swagger/index.html");
        Assert.Equal((HttpStatusCode.OK, "SAMEORIGIN"), (swagger.StatusCode, swagger.Headers.GetValues("X-Frame-Options").Single()));
    }

    [Fact]
    public async Task CorsIsClosedByDefault()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/procedures");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var answer = await client.SendAsync(preflight, Cancel);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/api/v1/procedures");
        simple.Headers.Add("Origin", "https://evil.example");
        Assert.False((await client.SendAsync(simple, Cancel)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ReadsNeverShowKeysOrTheirHashes()
    {
        var key = factory.CreateKey("secret keeper", ApiKeyRole.Admin);
        var writer = factory.ClientWithKey(key);
        var created = await (await writer.PostJson("/api/v1/fields", new ProcedureCatalog.Api.Fields.FieldInput("Bí mật"))).ReadAs<ProcedureCatalog.Api.Fields.Field>(HttpStatusCode.Created);
        var secrets = new[] { key, ApiKeys.Hash(key), ApiKeys.PrefixOf(key)! };
        foreach (var url in new[] { "/api/v1/changes?limit=1000", "/api/v1/procedures", "/api/v1/fields", $"/api/v1/fields/{created.Id}", "/openapi/v1.json", "/api/v1/procedures/1/audit" })
        {
            var body = await (await client.Get(url)).Content.ReadAsStringAsync(Cancel);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheChangeLogCannotBeWrittenThroughTheApi()
    {
        var before = await (await client.Get("/api/v1/changes?limit=1000")).Content.ReadAsStringAsync(Cancel);
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var url in new[] { "/api/v1/changes", "/api/v1/procedures/1/audit" })
            {
                using var request = new HttpRequestMessage(method, url) { Content = new StringContent("{\"entity\":\"procedure\",\"action\":\"deleted\"}", System.Text.Encoding.UTF8, "application/json") };
                Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.SendAsync(request, Cancel)).StatusCode);
            }
        }

        Assert.Equal(before, await (await client.Get("/api/v1/changes?limit=1000")).Content.ReadAsStringAsync(Cancel));
    }
}
