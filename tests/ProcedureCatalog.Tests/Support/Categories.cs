namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// Test categories. The slow ones (process kills, load, generated hostile requests, large imports, SQL Server containers)
/// carry <c>[Trait("Category", Categories.Slow)]</c>, so that <c>dotnet test --filter "Category!=Slow"</c> is a quick loop;
/// <c>.ci/run</c> runs everything.
/// </summary>
public static class Categories
{
    public const string Slow = "Slow";
}
