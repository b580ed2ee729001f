namespace ProcedureCatalog.Tests.Support;

/// <summary>A service whose response cache is given a budget below zero: it must refuse to start.</summary>
public sealed class BadCacheBudgetFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Caching:ResponseCacheBytes"] = "-1" };
}
