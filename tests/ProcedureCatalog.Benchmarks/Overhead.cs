using System.Diagnostics;
using System.Globalization;
using Dapper;
using MapsterMapper;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Benchmarks;

/// <summary>
/// Where one cheap read spends its time, piece by piece, with a stopwatch (issue 17): opening a connection as the service
/// does and as a bare pooled one, each statement of the procedure by code, and writing its JSON. Each piece runs many
/// times in a row and its median is printed, in microseconds.
/// </summary>
public static class Overhead
{
    public static async Task Run(string databasePath, int rounds)
    {
        var scenarios = new CatalogScenarios(databasePath);
        var database = scenarios.Database;
        var mapper = new Mapper(CatalogMappings.Create());
        await using (var probe = await database.OpenAsync(CancellationToken.None))
        {
            var key = await probe.QuerySingleAsync<(string Jurisdiction, string Code)>("SELECT jurisdiction_code, code FROM procedures WHERE id = 1");
            var row = (await ProcedureQueries.FindByCode(probe, key.Jurisdiction, key.Code, CancellationToken.None))!;
            var asOf = new DateOnly(2025, 12, 31);
            var detail = await ProcedureReads.Detail(probe, mapper, row, asOf, CancellationToken.None);
            var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
            ProcedureCatalog.Api.CatalogSetup.Configure(json);

            await Time("open + close, as the service does", rounds, async () =>
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
            });
            await Time("open + close, pooled, nothing run on open", rounds, async () =>
            {
                await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { ForeignKeys = null }.ToString());
                await connection.OpenAsync();
            });
            await Time("FindByCode (a new command each time)", rounds, () => ProcedureQueries.FindByCode(probe, key.Jurisdiction, key.Code, CancellationToken.None));
            await Time("legal basis", rounds, () => ProcedureQueries.LegalBasis(probe, row.Id, CancellationToken.None));
            await Time("documents", rounds, () => ProcedureCatalog.Api.Documents.DocumentQueries.List(probe, row.Id, CancellationToken.None));
            const string DocumentsSql = "SELECT id, procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version FROM documents WHERE procedure_id = @ProcedureId ORDER BY position, id";
            var sqlite = (SqliteConnection)probe;
            await Time("documents, a new command, read by hand (no Dapper)", rounds, async () =>
            {
                await using var command = sqlite.CreateCommand();
                command.CommandText = DocumentsSql;
                command.Parameters.AddWithValue("@ProcedureId", row.Id);
                await Drain(command);
            });
            await using var prepared = sqlite.CreateCommand();
            prepared.CommandText = DocumentsSql;
            prepared.Parameters.AddWithValue("@ProcedureId", row.Id);
            prepared.Prepare();
            await Time("documents, one command prepared once, read by hand", rounds, () => Drain(prepared));
            foreach (var variant in new[]
            {
                "SELECT id FROM documents WHERE procedure_id = @ProcedureId",
                "SELECT id FROM documents WHERE procedure_id = @ProcedureId ORDER BY position, id",
                "SELECT id, procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version FROM documents WHERE procedure_id = @ProcedureId",
                "SELECT count(*) FROM documents WHERE procedure_id = @ProcedureId",
                "SELECT 1",
            })
            {
                await using var command = sqlite.CreateCommand();
                command.CommandText = variant;
                command.Parameters.AddWithValue("@ProcedureId", row.Id);
                command.Prepare();
                await Time(variant[..Math.Min(60, variant.Length)], rounds, () => Drain(command));
            }

            await Time("time in force", rounds, () => ProcedureCatalog.Api.History.HistoryQueries.TimeInForce(probe, row.Id, asOf, CancellationToken.None));
            await Time("cost in force", rounds, () => ProcedureCatalog.Api.History.HistoryQueries.CostInForce(probe, row.Id, asOf, CancellationToken.None));
            await Time("the whole detail read (FindByCode + ProcedureReads.Detail)", rounds, async () =>
            {
                var found = await ProcedureQueries.FindByCode(probe, key.Jurisdiction, key.Code, CancellationToken.None);
                await ProcedureReads.Detail(probe, mapper, found!, asOf, CancellationToken.None);
            });
            await Time("the detail read on a connection opened for it", rounds, async () =>
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                var found = await ProcedureQueries.FindByCode(connection, key.Jurisdiction, key.Code, CancellationToken.None);
                await ProcedureReads.Detail(connection, mapper, found!, asOf, CancellationToken.None);
            });
            await Time("JSON of the detail (UTF-8 bytes)", rounds, () => Task.FromResult(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(detail, json)));
            await Time("JSON + SHA-256 of it (the ETag digest)", rounds, () =>
                Task.FromResult(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(detail, json))));
        }
    }

    private static async Task Drain(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                _ = reader.GetValue(column);
            }
        }
    }

    private static async Task Time(string what, int rounds, Func<Task> step)
    {
        for (var warm = 0; warm < Math.Min(rounds, 200); warm++)
        {
            await step();
        }

        var laps = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            var lap = Stopwatch.GetTimestamp();
            await step();
            laps[round] = Stopwatch.GetElapsedTime(lap).TotalMicroseconds;
        }

        Array.Sort(laps);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-62} median {laps[rounds / 2],8:F1} µs   p90 {laps[rounds * 9 / 10],8:F1} µs"));
    }
}
