using System.Text;
using Microsoft.Data.Sqlite;

namespace ProcedureCatalog.Benchmarks;

/// <summary>
/// Runs each scenario once with SQLite's statement trace on, then shows EXPLAIN QUERY PLAN for every
/// statement it sent, with the values it was bound to: the plans the service really gets.
/// </summary>
public static class QueryPlans
{
    public static async Task<string> Explain(string databasePath)
    {
        var scenarios = new CatalogScenarios(databasePath);
        var report = new StringBuilder();
        foreach (var (name, run) in scenarios.All)
        {
            report.AppendLine($"## {name}").AppendLine();
            foreach (var statement in await Traced(scenarios, () => run(CancellationToken.None)))
            {
                report.AppendLine("```sql").AppendLine(statement.Trim()).AppendLine("```").AppendLine("```text");
                await using var connection = new SqliteConnection($"Data Source={databasePath}");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + statement;
                await using var reader = await command.ExecuteReaderAsync();
                var depth = new Dictionary<long, int> { [0] = 0 };
                while (await reader.ReadAsync())
                {
                    var (id, parent, detail) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3));
                    depth[id] = depth.GetValueOrDefault(parent) + 1;
                    report.Append(' ', 2 * (depth[id] - 1)).AppendLine(detail);
                }

                report.AppendLine("```").AppendLine();
            }
        }

        return report.ToString();
    }

    /// <summary>The statements, parameters expanded, that the action sends on connections opened meanwhile.</summary>
    private static async Task<List<string>> Traced(CatalogScenarios scenarios, Func<Task> action)
    {
        var statements = new List<string>();
        SQLitePCL.delegate_trace trace = (_, sql) =>
        {
            // A scenario may read on several connections at once, as the endpoints do.
            lock (statements)
            {
                statements.Add(sql.utf8_to_string());
            }
        };
        scenarios.Opened = connection => SQLitePCL.raw.sqlite3_trace(((SqliteConnection)connection).Handle, trace, null);
        try
        {
            await action();
        }
        finally
        {
            scenarios.Opened = null;

            // Pooled connections would keep the trace.
            SqliteConnection.ClearAllPools();
        }

        // Connection set-up pragmas are not the scenario's queries, nor what FTS5 runs on its own tables.
        return statements
            .Where(sql => !sql.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            .Where(sql => !sql.Contains("'procedure_search_", StringComparison.Ordinal) && !sql.TrimStart().StartsWith("--", StringComparison.Ordinal))
            .ToList();
    }
}
