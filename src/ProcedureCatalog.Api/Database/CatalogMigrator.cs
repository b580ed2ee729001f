using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Helpers;

namespace ProcedureCatalog.Api.Database;

/// <summary>
/// Applies the dialect's migrations once each (journalled by DbUp), then re-creates every view so that
/// a deploy always carries the views of its own code.
/// </summary>
public sealed class CatalogMigrator(CatalogDatabase database, ILogger<CatalogMigrator> logger)
{
    private static readonly Assembly ScriptAssembly = typeof(CatalogMigrator).Assembly;

    public IReadOnlyList<string> Migrate()
    {
        var folder = database.Dialect.ScriptFolder;
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            EnsureDatabase.For.SqlDatabase(database.SetupConnectionString);
        }

        var migrations = Run(Engine(MigrationConnectionString())
            .WithScriptsEmbeddedInAssembly(ScriptAssembly, name => name.StartsWith($"db/{folder}/migrations/", StringComparison.Ordinal))
            .WithTransactionPerScript());
        if (migrations.Count > 0 && database.Provider == DatabaseProvider.Sqlite)
        {
            CheckForeignKeys();
        }

        Run(Engine(database.SetupConnectionString)
            .WithScriptsEmbeddedInAssembly(ScriptAssembly, name => name.StartsWith($"db/{folder}/views/", StringComparison.Ordinal))
            .JournalTo(new NullJournal())
            .WithTransaction());

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            UseWriteAheadLog();
        }

        foreach (var script in migrations)
        {
            logger.LogInformation("Applied migration {Script} on {Provider}", script, database.Provider);
        }

        return migrations;
    }

    /// <summary>
    /// In WAL mode readers never wait for a writer, so a long import does not stall the catalogue's readers; the
    /// mode is stored in the file, and a killed process leaves nothing half-written (the log is replayed or dropped).
    /// </summary>
    private void UseWriteAheadLog()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.SetupConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteScalar();
    }

    /// <summary>
    /// On SQLite, migrations run with foreign keys off. A migration that rebuilds a table (0008) must drop the old one,
    /// and with foreign keys on, dropping a parent first deletes its rows, cascading to the children. SQLite ignores
    /// PRAGMA foreign_keys inside a transaction, and DbUp opens one per script, so it is switched on the connection.
    /// </summary>
    private string MigrationConnectionString() => database.Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.SetupConnectionString) { ForeignKeys = false }.ToString()
        : database.SetupConnectionString;

    /// <summary>What foreign keys would have refused while they were off must not have happened: refuse to start on any violation.</summary>
    private void CheckForeignKeys()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.SetupConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // The pragma itself (table, rowid, parent, key) rather than a query over it: SQLite's own statement, not SQL to share.
        command.CommandText = "PRAGMA foreign_key_check";
        using var reader = command.ExecuteReader();
        var violations = new List<string>();
        while (violations.Count < 5 && reader.Read())
        {
            violations.Add($"{reader.GetString(0)} row {(reader.IsDBNull(1) ? "?" : reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture))} -> {reader.GetString(2)}");
        }

        if (violations.Count > 0)
        {
            throw new InvalidOperationException($"After the migrations, rows refer to rows that do not exist: {string.Join("; ", violations)}.");
        }
    }

    private UpgradeEngineBuilder Engine(string connectionString) => database.Provider switch
    {
        DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(connectionString).WithExecutionTimeout(TimeSpan.FromMinutes(5)),
        _ => DeployChanges.To.SqliteDatabase(connectionString),
    };

    private static List<string> Run(UpgradeEngineBuilder builder)
    {
        var result = builder.LogToNowhere().Build().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database script {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error.Message}", result.Error);
        }

        return result.Scripts.Select(script => script.Name).ToList();
    }
}
