using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

internal static class ImportQueries
{
    private const string SelectImport =
        """
        SELECT id, jurisdiction_code, format, dry_run, status, total_rows, processed_rows, created_count, updated_count, unchanged_count,
               errors, key_id, key_name, created_at, finished_at
        FROM imports
        """;

    public static Task Insert(DbConnection connection, string id, string jurisdiction, ImportFormat format, bool dryRun, Access.Actor actor, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO imports (id, jurisdiction_code, format, dry_run, status, total_rows, processed_rows, created_count, updated_count, unchanged_count,
                                 errors, key_id, key_name, created_at, finished_at)
            VALUES (@Id, @Jurisdiction, @Format, @DryRun, 'queued', NULL, 0, 0, 0, 0, NULL, @KeyId, @KeyName, @Now, NULL)
            """,
            new { Id = id, Jurisdiction = jurisdiction, Format = Infrastructure.EnumText.Of(format), DryRun = dryRun, actor.KeyId, KeyName = actor.Name, Now = now },
            cancellationToken: cancellationToken));

    public static Task<ImportRow?> Find(DbConnection connection, string id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(SelectImport + " WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ImportRow>> Unfinished(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ImportRow>(new CommandDefinition(
            SelectImport + " WHERE status IN ('queued', 'running') ORDER BY created_at", cancellationToken: cancellationToken))).ToList();

    public static Task MarkRunning(DbConnection connection, string id, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE imports SET status = 'running' WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));

    public static Task Finish(DbConnection connection, string id, ImportResult result, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE imports
            SET status = @Status, total_rows = @Total, processed_rows = @Total, created_count = @Created, updated_count = @Updated,
                unchanged_count = @Unchanged, errors = @Errors, finished_at = @Now
            WHERE id = @Id
            """,
            new
            {
                Id = id,
                Status = result.Errors.Count == 0 ? "succeeded" : "failed",
                result.Total,
                result.Created,
                result.Updated,
                result.Unchanged,
                Errors = result.Errors.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(result.Errors, ImportJson.Options),
                Now = now,
            },
            cancellationToken: cancellationToken));

    public static async Task<Dictionary<string, ProcedureRow>> Procedures(DbConnection connection, DbTransaction transaction, string jurisdiction) =>
        (await ProcedureQueries.OfJurisdiction(connection, transaction, jurisdiction)).ToDictionary(row => row.Code, StringComparer.Ordinal);

    public static async Task<ILookup<long, ImportedDocument>> Documents(DbConnection connection, DbTransaction transaction, string jurisdiction) =>
        (await connection.QueryAsync<(long ProcedureId, string Name, bool ProvidedOnce)>(new CommandDefinition(
            """
            SELECT d.procedure_id, d.name, d.provided_once
            FROM documents d INNER JOIN procedures p ON p.id = d.procedure_id
            WHERE p.jurisdiction_code = @Jurisdiction
            ORDER BY d.procedure_id, d.position, d.id
            """,
            new { Jurisdiction = jurisdiction }, transaction)))
        .ToLookup(row => row.ProcedureId, row => new ImportedDocument(row.Name, row.ProvidedOnce));

    public static async Task<HashSet<(long, DateOnly, decimal, string)>> TimeEntries(DbConnection connection, DbTransaction transaction, string jurisdiction) =>
        (await connection.QueryAsync<(long ProcedureId, DateOnly EffectiveFrom, decimal Amount, string Unit)>(new CommandDefinition(
            """
            SELECT h.procedure_id, h.effective_from, h.amount, h.unit
            FROM time_history h INNER JOIN procedures p ON p.id = h.procedure_id
            WHERE p.jurisdiction_code = @Jurisdiction
            """,
            new { Jurisdiction = jurisdiction }, transaction)))
        .Select(row => (row.ProcedureId, row.EffectiveFrom, row.Amount, row.Unit)).ToHashSet();

    public static async Task<HashSet<(long, DateOnly, long, long, decimal, long?)>> CostEntries(DbConnection connection, DbTransaction transaction, string jurisdiction) =>
        (await connection.QueryAsync<(long ProcedureId, DateOnly EffectiveFrom, long FeeVnd, long OtherCostVnd, decimal ApplicantHours, long? AnnualFilings)>(new CommandDefinition(
            """
            SELECT h.procedure_id, h.effective_from, h.fee_vnd, h.other_cost_vnd, h.applicant_hours, h.annual_filings
            FROM cost_history h INNER JOIN procedures p ON p.id = h.procedure_id
            WHERE p.jurisdiction_code = @Jurisdiction
            """,
            new { Jurisdiction = jurisdiction }, transaction)))
        .Select(row => (row.ProcedureId, row.EffectiveFrom, row.FeeVnd, row.OtherCostVnd, row.ApplicantHours, row.AnnualFilings)).ToHashSet();

    public static async Task<Dictionary<string, long>> Fields(DbConnection connection, DbTransaction transaction) =>
        (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition("SELECT id, name FROM fields", transaction: transaction)))
        .ToDictionary(row => row.Name, row => row.Id, StringComparer.Ordinal);

    public static async Task<Dictionary<string, long>> Agencies(DbConnection connection, DbTransaction transaction, string jurisdiction) =>
        (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM agencies WHERE jurisdiction_code = @Jurisdiction", new { Jurisdiction = jurisdiction }, transaction)))
        .ToDictionary(row => row.Name, row => row.Id, StringComparer.Ordinal);

    public static Task InsertDocuments(DbConnection connection, DbTransaction transaction, long procedureId, IReadOnlyList<ImportedDocument> documents, DateTime now) =>
        documents.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO documents (procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version)
                VALUES (@ProcedureId, @Position, @Name, NULL, 1, 0, NULL, @ProvidedOnce, NULL, @Now, @Now, 1)
                """,
                documents.Select((document, index) => new { ProcedureId = procedureId, Position = index + 1, document.Name, document.ProvidedOnce, Now = now }).ToList(),
                transaction));
}

internal sealed record ImportRow
{
    public required string Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Format { get; init; }
    public bool DryRun { get; init; }
    public required string Status { get; init; }
    public long? TotalRows { get; init; }
    public long ProcessedRows { get; init; }
    public long CreatedCount { get; init; }
    public long UpdatedCount { get; init; }
    public long UnchangedCount { get; init; }
    public string? Errors { get; init; }
    public long? KeyId { get; init; }
    public required string KeyName { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
}
