using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Tests.Support;

/// <summary>The real service over a temporary SQLite file, migrated; with or without the sample catalogue.</summary>
public class CatalogApiFactory : WebApplicationFactory<Program>
{
    private readonly TemporarySqliteFile database = new();

    protected virtual bool SeedSample => true;

    public string DatabasePath => database.Path;

    public string ConnectionString => database.ConnectionString;

    /// <summary>Uploads wait here, one folder per factory: the service sweeps leftovers of its own database at start.</summary>
    public string ImportsFolder => database.Path + ".imports";

    /// <summary>Settings a test class needs beyond the defaults (limits, batch sizes).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Imports:Directory", ImportsFolder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:SeedSampleCatalogue", SeedSample ? "true" : "false");
        // Tests poll and race far faster than any client may; the tests of rate limiting set their own limits.
        builder.UseSetting("Limits:ReadsPerMinute", "1000000");
        builder.UseSetting("Limits:WritesPerMinute", "1000000");
        foreach (var (name, value) in Settings)
        {
            builder.UseSetting(name, value);
        }
    }

    private string? adminKey;

    /// <summary>The name of the clients' admin key; a second service over the same database needs another.</summary>
    protected virtual string AdminKeyName => "tests-admin";

    /// <summary>Clients act with an admin key unless a test asks for another (or none).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        adminKey ??= CreateKey(AdminKeyName, ApiKeyRole.Admin);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, adminKey);
    }

    /// <summary>A new key of the given role and jurisdictions, as the keys command would make it; returns the secret.</summary>
    public string CreateKey(string name, ApiKeyRole role, params string[] jurisdictions)
    {
        var database = Services.GetRequiredService<CatalogDatabase>();
        var (key, prefix, hash) = ApiKeys.Generate();
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var transaction = connection.BeginTransaction();
        ApiKeys.Insert(connection, transaction, database.Dialect, name, role, prefix, hash, jurisdictions, DateTime.UtcNow, CancellationToken.None).GetAwaiter().GetResult();
        transaction.Commit();
        return key;
    }

    /// <summary>A client with the given key, or with none.</summary>
    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
            if (Directory.Exists(ImportsFolder))
            {
                Directory.Delete(ImportsFolder, recursive: true);
            }
        }
    }

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CatalogSetup.Configure(options);
        return options;
    }
}

/// <summary>The same service with an empty catalogue, for tests that build their own data.</summary>
public sealed class EmptyCatalogApiFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;
}

public static class HttpAssertions
{
    public static async Task<T> ReadAs<T>(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, CatalogApiFactory.Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns its field errors (empty when it has none).</summary>
    public static async Task<Dictionary<string, string[]>> Problem(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal((int)expected, document.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("title").GetString()));
        return document.RootElement.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>()!
            : [];
    }

    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, CatalogApiFactory.Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJson<T>(this HttpClient client, string url, T body, string? ifMatch = null) =>
        client.Send(HttpMethod.Put, url, JsonContent.Create(body, options: CatalogApiFactory.Json), ifMatch);

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string url, string? ifMatch) =>
        client.Send(HttpMethod.Delete, url, null, ifMatch);

    private static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, HttpContent? content, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The ETag of a version, as the service sends it and If-Match expects it.</summary>
    public static string Tag(long version) => $"\"{version}\"";

    /// <summary>The If-Match of a procedure or document: its id, then its version (the ETag read may add a digest of the body).</summary>
    public static string Tag(long id, long version) => $"\"{id}-{version}\"";

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) =>
        client.GetAsync(url, TestContext.Current.CancellationToken);
}

public static class ImportRequests
{
    /// <summary>Sends a file to the import of a jurisdiction and polls it until it has ended (a minute at most).</summary>
    public static async Task<ProcedureCatalog.Api.Transfers.ImportStatus> ImportAndWait(
        this HttpClient client, string jurisdiction, HttpContent content, string mediaType, bool dryRun = false, bool createMissing = false)
    {
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        var response = await client.PostAsync(
            $"/api/v1/jurisdictions/{jurisdiction}/imports?dryRun={(dryRun ? "true" : "false")}&createMissing={(createMissing ? "true" : "false")}", content,
            TestContext.Current.CancellationToken);
        var accepted = await response.ReadAs<ProcedureCatalog.Api.Transfers.ImportStatus>(System.Net.HttpStatusCode.Accepted);
        Assert.Equal($"/api/v1/imports/{accepted.Id}", response.Headers.Location?.ToString());
        return await client.WaitForImport(accepted.Id);
    }

    public static async Task<ProcedureCatalog.Api.Transfers.ImportStatus> WaitForImport(this HttpClient client, string id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var status = await (await client.Get($"/api/v1/imports/{id}")).ReadAs<ProcedureCatalog.Api.Transfers.ImportStatus>(System.Net.HttpStatusCode.OK);
            if (status.Status is "succeeded" or "failed")
            {
                return status;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The import did not finish within a minute.");
    }
}
