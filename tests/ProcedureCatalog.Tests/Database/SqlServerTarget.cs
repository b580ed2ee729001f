using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;
using Testcontainers.MsSql;

namespace ProcedureCatalog.Tests.Database;

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
