using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>Where uploaded files wait for their import. Bound from the <c>Imports</c> section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Folder of the uploaded files; relative paths are under the content root.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string Directory { get; set; } = "data/imports";
}

/// <summary>How far each running import has come; kept in memory because the import's own transaction holds the database.</summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<string, (long Processed, long? Total)> running = new(StringComparer.Ordinal);

    public void Report(string id, long processed, long? total) => running[id] = (processed, total);

    public (long Processed, long? Total)? Of(string id) => running.TryGetValue(id, out var value) ? value : null;

    public void Forget(string id) => running.TryRemove(id, out _);
}

/// <summary>
/// Runs imports one at a time in the background. An accepted upload is on disk and in the imports table
/// before 202 is answered; imports that a stop interrupted (their transaction never committed) run again
/// when the service starts, so nothing accepted is lost.
/// </summary>
public sealed class ImportWorker(
    IServiceProvider services, IOptions<ImportOptions> options, IHostEnvironment environment, ILogger<ImportWorker> logger) : BackgroundService
{
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>();

    public string FolderPath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    public string FileOf(string id) => Path.Combine(FolderPath, id + ".upload");

    public ValueTask Enqueue(string id) => queue.Writer.WriteAsync(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var database = services.GetRequiredService<CatalogDatabase>();
        try
        {
            await using var connection = await database.OpenAsync(stoppingToken);
            foreach (var unfinished in await ImportQueries.Unfinished(connection, stoppingToken))
            {
                logger.LogInformation("Resuming import {Id} accepted before the last stop", unfinished.Id);
                await queue.Writer.WriteAsync(unfinished.Id, stoppingToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database may not be there yet (or not migrated); new imports still queue.
            logger.LogWarning(exception, "Could not look for unfinished imports");
        }

        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Process(id, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Import {Id} stopped with an error; it stays queued and runs again at the next start", id);
            }
        }
    }

    private async Task Process(string id, CancellationToken stoppingToken)
    {
        var database = services.GetRequiredService<CatalogDatabase>();
        var clock = services.GetRequiredService<CatalogClock>();
        var progress = services.GetRequiredService<ImportProgress>();
        ImportRow? import;
        await using (var connection = await database.OpenAsync(stoppingToken))
        {
            import = await ImportQueries.Find(connection, id, stoppingToken);
            if (import is null || import.Status is "succeeded" or "failed")
            {
                return;
            }

            await ImportQueries.MarkRunning(connection, id, stoppingToken);
        }

        var path = FileOf(id);
        var actor = new Actor(import.KeyId, import.KeyName);
        var format = EnumText<ImportFormat>.Parse(import.Format);
        var result = File.Exists(path)
            ? await new ImportProcessor(database, clock, progress).Run(id, import.JurisdictionCode, path, format, import.DryRun, actor, stoppingToken)
            : new ImportResult(0, 0, 0, 0, [new ImportError(0, null, "The uploaded file is gone; send it again.")]);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await ImportQueries.Finish(connection, id, result, clock.UtcNow, CancellationToken.None);
        }

        progress.Forget(id);
        File.Delete(path);
        logger.LogInformation("Import {Id} into {Jurisdiction}: {Outcome}, {Created} created, {Updated} updated, {Unchanged} unchanged, {Errors} errors",
            id, import.JurisdictionCode, result.Errors.Count == 0 ? "succeeded" : "failed", result.Created, result.Updated, result.Unchanged, result.Errors.Count);
    }
}
