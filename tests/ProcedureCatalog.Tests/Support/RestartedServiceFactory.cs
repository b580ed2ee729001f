using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Support;

/// <summary>A second service over the database and upload folder of another, as after a restart.</summary>
public sealed class RestartedServiceFactory(string connectionString, string importsFolder) : CatalogApiFactory
{
    protected override bool SeedSample => false;

    protected override string AdminKeyName => "tests-admin-after-restart";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:ConnectionString"] = connectionString,
        ["Imports:Directory"] = importsFolder,
        ["Imports:MaxAttempts"] = "3",
    };
}
