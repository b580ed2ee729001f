using Microsoft.Data.Sqlite;

namespace ProcedureCatalog.Tests.Support;

/// <summary>A SQLite file of its own for one test class, removed afterwards.</summary>
public sealed class TemporarySqliteFile : IDisposable
{
    public TemporarySqliteFile()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "procedure-catalog-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
    }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
