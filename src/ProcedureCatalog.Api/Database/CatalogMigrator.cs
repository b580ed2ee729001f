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

        var migrations = Run(Engine()
            .WithScriptsEmbeddedInAssembly(ScriptAssembly, name => name.StartsWith($"db/{folder}/migrations/", StringComparison.Ordinal))
            .WithTransactionPerScript());
        Run(Engine()
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

    private UpgradeEngineBuilder Engine() => database.Provider switch
    {
        DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(database.SetupConnectionString).WithExecutionTimeout(TimeSpan.FromMinutes(5)),
        _ => DeployChanges.To.SqliteDatabase(database.SetupConnectionString),
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
