using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;
using Testcontainers.MsSql;

namespace ProcedureCatalog.Tests.Database;

/// <summary>An empty database of one provider for a test class, or the reason it cannot be had here.</summary>
public interface IDatabaseTarget
{
    string? UnavailableReason { get; }

    CatalogDatabase Database { get; }

    /// <summary>Another empty database on the same engine, for a test that needs one to itself.</summary>
    CatalogDatabase Fresh();
}

internal static class Targets
{
    public static CatalogDatabase Open(DatabaseProvider provider, string connectionString) =>
        new(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }), new ConfigurationBuilder().Build());

    public static CatalogMigrator Migrator(CatalogDatabase database) => new(database, NullLogger<CatalogMigrator>.Instance);
}

public sealed class SqliteTarget : IDatabaseTarget, IDisposable
{
    private readonly TemporarySqliteFile file = new();

    public SqliteTarget() => Database = Targets.Open(DatabaseProvider.Sqlite, file.ConnectionString);

    public string? UnavailableReason => null;

    public CatalogDatabase Database { get; }

    private readonly List<TemporarySqliteFile> others = [];

    public CatalogDatabase Fresh()
    {
        var other = new TemporarySqliteFile();
        others.Add(other);
        return Targets.Open(DatabaseProvider.Sqlite, other.ConnectionString);
    }

    public void Dispose()
    {
        file.Dispose();
        others.ForEach(other => other.Dispose());
    }
}

/// <summary>SQL Server 2022 in a throwaway container, wherever a Docker engine answers.</summary>
public sealed class SqlServerTarget : IDatabaseTarget, IAsyncLifetime
{
    private MsSqlContainer? container;
    private CatalogDatabase? database;

    public string? UnavailableReason { get; private set; }

    public CatalogDatabase Database => database ?? throw new InvalidOperationException(UnavailableReason);

    public CatalogDatabase Fresh() => Targets.Open(DatabaseProvider.SqlServer,
        new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(Database.ConnectionString) { InitialCatalog = $"procedure_catalog_{Guid.NewGuid():N}" }.ConnectionString);

    public async ValueTask InitializeAsync()
    {
        try
        {
            container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await container.StartAsync(timeout.Token);
            var connectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(container.GetConnectionString())
            {
                InitialCatalog = "procedure_catalog_tests",
            }.ConnectionString;
            database = Targets.Open(DatabaseProvider.SqlServer, connectionString);
        }
        catch (Exception exception)
        {
            UnavailableReason = $"SQL Server tests need a Docker engine (Testcontainers.MsSql); none answers here: {exception.GetType().Name}: {exception.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}
