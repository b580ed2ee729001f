using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Tests.Database;

internal static class Targets
{
    public static CatalogDatabase Open(DatabaseProvider provider, string connectionString) =>
        new(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }), new ConfigurationBuilder().Build());

    public static CatalogMigrator Migrator(CatalogDatabase database) => new(database, NullLogger<CatalogMigrator>.Instance);
}
