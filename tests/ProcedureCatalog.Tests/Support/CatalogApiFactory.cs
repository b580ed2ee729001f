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
