namespace ProcedureCatalog.Tests.Support;

/// <summary>The same service with an empty catalogue, for tests that build their own data.</summary>
public sealed class EmptyCatalogApiFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;
}
