using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>Where uploaded files wait for their import, and what imports may cost. Bound from the <c>Imports</c> section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Folder of the uploaded files; relative paths are under the content root.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string Directory { get; set; } = "data/imports";

    /// <summary>Records applied in one transaction: another writer waits for one batch at most.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int BatchRows { get; set; } = 200;

    /// <summary>How many times an import is started before it is marked failed (a stop or crash in its middle counts as one).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Bytes that uploads waiting for their import may hold on disk together; beyond it a new upload gets 503 with Retry-After.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 1L << 40)]
    public long MaxPendingUploadBytes { get; set; } = 1L << 30;
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
/// before 202 is answered; imports that a stop interrupted run again when the service starts (resuming after their
/// last committed batch), at most <see cref="ImportOptions.MaxAttempts"/> times in all, so nothing accepted is lost and no
/// file can make the service loop. Every import ends succeeded or failed with its reason; uploads are deleted when their
/// import ends, and leftovers (an upload cut off by a crash) are swept at start.
/// </summary>
public sealed class ImportWorker(
    IServiceProvider services, IOptions<ImportOptions> options, IHostEnvironment environment, ILogger<ImportWorker> logger) : BackgroundService
{
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>();
    private long uploadingBytes;

    public const string UploadExtension = ".upload";
    public const string PartialExtension = ".partial";

    public string FolderPath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    public string FileOf(string id) => Path.Combine(FolderPath, id + UploadExtension);

    public string PartialFileOf(string id) => Path.Combine(FolderPath, id + PartialExtension);

    public ValueTask Enqueue(string id) => queue.Writer.WriteAsync(id);

    /// <summary>Bytes being received right now, by all uploads together (they count against the pending limit as they arrive).</summary>
    public long AddUploading(long bytes) => Interlocked.Add(ref uploadingBytes, bytes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var database = services.GetRequiredService<CatalogDatabase>();
        try
        {
            await using var connection = await database.OpenAsync(stoppingToken);
            var unfinished = await ImportQueries.Unfinished(connection, stoppingToken);
            SweepLeftovers(unfinished.Select(import => import.Id).ToHashSet(StringComparer.Ordinal));
            foreach (var import in unfinished)
            {
                logger.LogInformation("Resuming import {Id} accepted before the last stop", import.Id);
                await queue.Writer.WriteAsync(import.Id, stoppingToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database may not be there yet (or not migrated); new imports still queue.
            logger.LogWarning(exception, "Could not look for unfinished imports");
        }

        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await Process(id, stoppingToken);
        }
    }

    /// <summary>Deletes uploads cut off by a crash and files of imports that no longer wait.</summary>
    private void SweepLeftovers(IReadOnlySet<string> waiting)
    {
        if (!System.IO.Directory.Exists(FolderPath))
        {
            return;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(FolderPath))
        {
            var extension = Path.GetExtension(path);
            if (extension == PartialExtension || (extension == UploadExtension && !waiting.Contains(Path.GetFileNameWithoutExtension(path))))
            {
                logger.LogInformation("Deleting the leftover upload {Path}", path);
                TryDelete(path);
            }
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Could not delete {Path}", path);
        }
    }

    private async Task Process(string id, CancellationToken stoppingToken)
    {
        var database = services.GetRequiredService<CatalogDatabase>();
        var clock = services.GetRequiredService<CatalogClock>();
        var progress = services.GetRequiredService<ImportProgress>();
        var path = FileOf(id);
        ImportRow? import = null;
        ImportResult result;
        try
        {
            long attempts;
            await using (var connection = await database.OpenAsync(stoppingToken))
            {
                import = await ImportQueries.Find(connection, id, stoppingToken);
                if (import is null || import.Status is "succeeded" or "failed")
                {
                    return;
                }

                attempts = import.Status == "running" ? import.Attempts + 1 : 1;
                if (attempts > options.Value.MaxAttempts)
                {
                    result = ImportResult.Failure(
                        $"The import was stopped in its middle {import.Attempts} times (the service stopped or ran out of memory) and is not tried again. "
                        + (import.AppliedRows > 0 ? $"Its first {import.AppliedRows:N0} records were applied. " : "Nothing of it was applied. ")
                        + "Send the file again, or split it.", import.AppliedRows);
                    await End(id, import, result, path, clock, progress);
                    return;
                }

                await ImportQueries.MarkRunning(connection, id, stoppingToken);
            }

            var job = new ImportJob(
                id, import.JurisdictionCode, path, EnumText<ImportFormat>.Parse(import.Format), import.DryRun, import.CreateMissing,
                await MayCreateFields(database, import.KeyId, stoppingToken), new Actor(import.KeyId, import.KeyName), import.AppliedRows);
            result = File.Exists(path)
                ? await new ImportProcessor(database, clock, progress, options.Value, services.GetRequiredService<WriterTurns>()).Run(job, stoppingToken)
                : ImportResult.Failure("The uploaded file is gone; send it again.");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service is stopping: the import stays running and resumes at the next start (an attempt counted).
            return;
        }
        catch (Exception exception)
        {
            // Whatever it was (a broken file the reader did not foresee, the database, memory), the import ends failed with
            // a reason in words; what was applied in committed batches is said, and stays.
            logger.LogError(exception, "Import {Id} failed", id);
            var applied = await AppliedRows(database, id);
            result = ImportResult.Failure(exception switch
            {
                ImportFileException file => file.Message,
                OutOfMemoryException => "The import ran out of memory.",
                System.Data.Common.DbException => "The database refused a write of the import.",
                _ => "The import stopped on an unexpected error.",
            } + (applied > 0 ? $" Its first {applied:N0} records were applied (committed in batches) and stay; send the file again to apply the rest." : " Nothing was written."),
                applied);
        }

        if (import is not null)
        {
            await End(id, import, result, path, clock, progress);
        }
    }

    private static async Task<long> AppliedRows(CatalogDatabase database, string id)
    {
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            return (await ImportQueries.Find(connection, id, CancellationToken.None))?.AppliedRows ?? 0;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static async Task<bool> MayCreateFields(CatalogDatabase database, long? keyId, CancellationToken cancellationToken)
    {
        if (keyId is null)
        {
            return true;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await Dapper.SqlMapper.ExecuteScalarAsync<string?>(connection, new Dapper.CommandDefinition(
            "SELECT role FROM api_keys WHERE id = @Id", new { Id = keyId }, cancellationToken: cancellationToken)) == WriteAccess.Admin;
    }

    private async Task End(string id, ImportRow import, ImportResult result, string path, CatalogClock clock, ImportProgress progress)
    {
        var database = services.GetRequiredService<CatalogDatabase>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await ImportQueries.Finish(connection, id, result, clock.UtcNow, CancellationToken.None);
        }

        progress.Forget(id);
        TryDelete(path);
        logger.LogInformation("Import {Id} into {Jurisdiction}: {Outcome}, {Created} created, {Updated} updated, {Unchanged} unchanged, {Errors} errors",
            id, import.JurisdictionCode, result.Failed ? "failed" : "succeeded", result.Created, result.Updated, result.Unchanged, result.ErrorCount);
    }
}
