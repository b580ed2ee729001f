using Microsoft.Data.Sqlite;

namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// The service with a read-only copy of its catalogue (<c>ConnectionStrings:CatalogReadOnly</c>), as a readable secondary
/// would be: a second SQLite file that a test brings up to date with <see cref="Replicate"/> when it wants the copy to catch up.
/// </summary>
public sealed class ReadOnlyCopyFactory : CatalogApiFactory
{
    private readonly TemporarySqliteFile copy = new();

    public string CopyPath => copy.Path;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:CatalogReadOnly"] = copy.ConnectionString,
    };

    /// <summary>The copy becomes what the catalogue is now (SQLite's online backup: a consistent snapshot).</summary>
    public void Replicate()
    {
        using var primary = new SqliteConnection(ConnectionString);
        using var target = new SqliteConnection(copy.ConnectionString);
        primary.Open();
        target.Open();
        primary.BackupDatabase(target);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            copy.Dispose();
        }
    }
}
