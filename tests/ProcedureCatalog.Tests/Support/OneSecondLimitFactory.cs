namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// A time limit of one second, to see what a request over it is answered. SQLite's driver does not stop a command that waits
/// for another process's lock when the request is cancelled; it gives up after the command timeout, here two seconds.
/// </summary>
public sealed class OneSecondLimitFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:RequestTimeoutSeconds"] = "1",
        ["Database:CommandTimeoutSeconds"] = "2",
    };
}
