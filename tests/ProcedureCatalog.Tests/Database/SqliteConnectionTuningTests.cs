using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>SQLite connections are tuned once, when their handle is new; a pooled connection handed out again keeps its tuning.</summary>
public sealed class SqliteConnectionTuningTests : IDisposable
{
    private readonly TemporarySqliteFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task APooledConnectionKeepsTheTuningItWasGivenWhenItWasNew()
    {
        var database = new CatalogDatabase(Options.Create(new DatabaseOptions { ConnectionString = file.ConnectionString }), new ConfigurationBuilder().Build());
        await using (var setup = new Microsoft.Data.Sqlite.SqliteConnection(database.SetupConnectionString))
        {
            await setup.OpenAsync(TestContext.Current.CancellationToken);
        }

        object? firstHandle;
        await using (var first = (Microsoft.Data.Sqlite.SqliteConnection)await database.OpenAsync(TestContext.Current.CancellationToken))
        {
            firstHandle = first.Handle;
            Assert.Equal(-16384, await first.ExecuteScalarAsync<long>("PRAGMA cache_size"));
        }

        await using var again = (Microsoft.Data.Sqlite.SqliteConnection)await database.OpenAsync(TestContext.Current.CancellationToken);

        Assert.Same(firstHandle, again.Handle);
        Assert.Equal(-16384, await again.ExecuteScalarAsync<long>("PRAGMA cache_size"));
        Assert.Equal(1073741824, await again.ExecuteScalarAsync<long>("PRAGMA mmap_size"));
        Assert.Equal(1, await again.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
    }
}
