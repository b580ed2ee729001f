using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>What a new user sees on first start: a migrated database with the sample catalogue, Swagger UI, health.</summary>
public sealed class ServiceHostingTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task FirstStartFillsTheSampleCatalogue()
    {
        var jurisdictions = await (await client.Get("/api/v1/jurisdictions")).ReadAs<List<Jurisdiction>>(HttpStatusCode.OK);
        Assert.Equal(["11", "20", "51", "92", "VN"], jurisdictions.Select(jurisdiction => jurisdiction.Code).ToArray());

        var all = await (await client.Get("/api/v1/procedures?pageSize=1")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.InRange(all.TotalCount, 40, 100);
        var internalOnes = await (await client.Get("/api/v1/procedures?kind=internal-within-agency&pageSize=1")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.True(internalOnes.TotalCount > 0);
        var abolished = await (await client.Get("/api/v1/procedures?status=abolished&pageSize=1")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.True(abolished.TotalCount > 0);
    }

    [Fact]
    public async Task SampleHoldsTheWorkedExampleOfTheDomainBrief()
    {
        var a = await (await client.Get("/api/v1/jurisdictions/92/procedures/1.009645?asOf=2025-12-31")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((10m, TimeUnit.WorkingDays), (a.TimeInForce!.Amount, a.TimeInForce.Unit));
        Assert.Equal((300_000L, 100_000L, 4m), (a.CostInForce!.FeeVnd, a.CostInForce.OtherCostVnd, a.CostInForce.ApplicantHours));
        var b = await (await client.Get("/api/v1/jurisdictions/92/procedures/1.009650?asOf=2024-12-31")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((20m, TimeUnit.CalendarDays), (b.TimeInForce!.Amount, b.TimeInForce.Unit));
        var c = await (await client.Get("/api/v1/jurisdictions/92/procedures/1.013410?asOf=2024-12-31")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Null(c.TimeInForce);
    }

    [Fact]
    public async Task SecondStartKeepsTheCatalogueAsItIs()
    {
        var before = await (await client.Get("/api/v1/procedures?pageSize=1")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        var seeded = await factory.Services.GetRequiredService<ProcedureCatalog.Api.SampleData.SampleCatalogue>()
            .SeedIfEmptyAsync(TestContext.Current.CancellationToken);
        Assert.False(seeded);
        var after = await (await client.Get("/api/v1/procedures?pageSize=1")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal(before.TotalCount, after.TotalCount);
    }

    [Fact]
    public async Task RootLeadsToSwaggerUi()
    {
        var root = await client.Get("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/swagger", root.Headers.Location?.OriginalString);
        var page = await client.Get("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HealthChecksAnswer()
    {
        var live = await client.Get("/health/live");
        var ready = await client.Get("/health/ready");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, ready.StatusCode));
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UnknownRouteIsAProblem()
    {
        await (await client.Get("/api/v1/nowhere")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CommittedOpenApiDocumentMatchesTheServedOne()
    {
        var served = JsonNode.Parse(await (await client.Get("/openapi/v1.json")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Repository.PathOf("openapi", "procedure-catalog.json"), TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(served, committed),
            "openapi/procedure-catalog.json is stale: build the API project (it regenerates the file) and commit the result.");
    }

    [Fact]
    public async Task EveryOperationExplainsItself()
    {
        using var document = JsonDocument.Parse(await (await client.Get("/openapi/v1.json")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", operation.Value)))
            .ToList();
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            foreach (var property in new[] { "operationId", "summary", "description", "tags" })
            {
                Assert.True(operation.TryGetProperty(property, out _), $"{name} has no {property}");
            }

            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            Assert.True(responses.Any(response => !response.Name.StartsWith('2')), $"{name} documents no error response");
            foreach (var response in responses.Where(response => response.Value.TryGetProperty("content", out _)))
            {
                foreach (var media in response.Value.GetProperty("content").EnumerateObject())
                {
                    Assert.True(media.Value.TryGetProperty("example", out _), $"{name} {response.Name} {media.Name} has no example");
                }
            }
        }
    }

    [Fact]
    public async Task TheEmbeddedDatabaseRunsInWalModeSoReadersNeverWaitForAnImport()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
