namespace ProcedureCatalog.Tests.Support;

/// <summary>One report at a time and no queue, so that a second report finds every turn taken.</summary>
public sealed class OneHeavyTurnFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:HeavyConcurrency"] = "1",
        ["Limits:HeavyQueue"] = "0",
    };
}
