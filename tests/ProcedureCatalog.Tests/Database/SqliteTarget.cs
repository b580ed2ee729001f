using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

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
