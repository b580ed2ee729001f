using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Tests.Database;

/// <summary>An empty database of one provider for a test class, or the reason it cannot be had here.</summary>
public interface IDatabaseTarget
{
    string? UnavailableReason { get; }

    CatalogDatabase Database { get; }

    /// <summary>Another empty database on the same engine, for a test that needs one to itself.</summary>
    CatalogDatabase Fresh();
}
