using System.Data.Common;
using Dapper;
using System.Text.Json;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

internal static class ImportQueries
{
    private const string SelectImport =
        """
        SELECT id, jurisdiction_code, format, dry_run, status, total_rows, processed_rows, created_count, updated_count, unchanged_count,
               errors, key_id, key_name, created_at, finished_at, attempts, applied_rows, create_missing, error_count, created_names, upload_bytes
        FROM imports
        """;

    public static Task Insert(
        DbConnection connection, string id, string jurisdiction, ImportFormat format, bool dryRun, bool createMissing, long uploadBytes, Access.Actor actor, DateTime now,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO imports (id, jurisdiction_code, format, dry_run, status, total_rows, processed_rows, created_count, updated_count, unchanged_count,
                                 errors, key_id, key_name, created_at, finished_at, attempts, applied_rows, create_missing, error_count, created_names, upload_bytes)
            VALUES (@Id, @Jurisdiction, @Format, @DryRun, 'queued', NULL, 0, 0, 0, 0, NULL, @KeyId, @KeyName, @Now, NULL, 0, 0, @CreateMissing, 0, NULL, @UploadBytes)
            """,
            new
            {
                Id = id, Jurisdiction = jurisdiction, Format = Infrastructure.EnumText.Of(format), DryRun = dryRun, actor.KeyId, KeyName = actor.Name, Now = now,
                CreateMissing = createMissing, UploadBytes = uploadBytes,
            },
            cancellationToken: cancellationToken));

    public static Task<ImportRow?> Find(DbConnection connection, string id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(SelectImport + " WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ImportRow>> Unfinished(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ImportRow>(new CommandDefinition(
            SelectImport + " WHERE status IN ('queued', 'running') ORDER BY created_at", cancellationToken: cancellationToken))).ToList();

    /// <summary>The bytes of the uploads that wait for their import, so that pending uploads cannot fill the disk.</summary>
    public static Task<long> PendingUploadBytes(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(SUM(upload_bytes), 0) FROM imports WHERE status IN ('queued', 'running')", cancellationToken: cancellationToken));

    /// <summary>Counted before the work starts, so that an import that kills the process is not retried forever.</summary>
    public static Task<long> MarkRunning(DbConnection connection, string id, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE imports SET status = 'running', attempts = attempts + 1 WHERE id = @Id; SELECT attempts FROM imports WHERE id = @Id;",
            new { Id = id }, cancellationToken: cancellationToken));

    /// <summary>Committed with each batch of a running import: how far it has come, and the counts so far.</summary>
    public static Task RecordBatch(
        DbConnection connection, DbTransaction transaction, string id, long appliedRows, long created, long updated, long unchanged, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE imports
            SET applied_rows = @AppliedRows, created_count = @Created, updated_count = @Updated, unchanged_count = @Unchanged
            WHERE id = @Id
            """,
            new { Id = id, AppliedRows = appliedRows, Created = created, Updated = updated, Unchanged = unchanged }, transaction, cancellationToken: cancellationToken));

    public static Task Finish(DbConnection connection, string id, ImportResult result, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE imports
            SET status = @Status, total_rows = @Total, processed_rows = @Total, created_count = @Created, updated_count = @Updated,
                unchanged_count = @Unchanged, errors = @Errors, error_count = @ErrorCount, created_names = @CreatedNames, finished_at = @Now,
                applied_rows = CASE WHEN @AppliedRows > applied_rows THEN @AppliedRows ELSE applied_rows END
            WHERE id = @Id
            """,
            new
            {
                Id = id,
                Status = result.Failed ? "failed" : "succeeded",
                result.Total,
                result.Created,
                result.Updated,
                result.Unchanged,
                Errors = result.Errors.Count == 0 ? null : JsonSerializer.Serialize(result.Errors, ImportJson.Options),
                ErrorCount = Math.Max(result.ErrorCount, result.Errors.Count),
                CreatedNames = result.CreatedAgencies.Count + result.CreatedFields.Count == 0
                    ? null
                    : JsonSerializer.Serialize(new ImportCreated(result.CreatedAgencies.ToList(), result.CreatedFields.ToList()), ImportJson.Options),
                result.AppliedRows,
                Now = now,
            },
            cancellationToken: cancellationToken));

    public static async Task<Dictionary<string, ProcedureRow>> Procedures(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<string>? codes, DateOnly asOf, CancellationToken cancellationToken) =>
        (codes is null
            ? await ProcedureQueries.OfJurisdiction(connection, transaction, jurisdiction, asOf, cancellationToken)
            : await ProcedureQueries.OfCodes(connection, transaction, jurisdiction, codes, asOf, cancellationToken))
        .ToDictionary(row => row.Code, StringComparer.Ordinal);

    /// <summary>A jurisdiction's procedures (or these) with the condition their child rows are read under.</summary>
    private static (string Condition, object Parameters) Owners(string jurisdiction, IReadOnlyList<long>? ids) =>
        ids is null
            ? ("procedure_id IN (SELECT id FROM procedures WHERE jurisdiction_code = @Jurisdiction)", new { Jurisdiction = jurisdiction })
            : ("procedure_id IN @Ids", new { Ids = ids });

    /// <summary>Documents grouped by procedure, in order, streamed so that a jurisdiction's millions of documents are never all held.</summary>
    public static async IAsyncEnumerable<KeyValuePair<long, List<DocumentRow>>> Documents(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<long>? ids,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (condition, parameters) = Owners(jurisdiction, ids);
        var rows = connection.QueryUnbufferedAsync<DocumentRow>(
            "SELECT id, procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version "
            + $"FROM documents WHERE {condition} ORDER BY procedure_id, position, id",
            parameters, transaction);
        List<DocumentRow>? group = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (group is not null && group[0].ProcedureId != row.ProcedureId)
            {
                yield return new(group[0].ProcedureId, group);
                group = null;
            }

            (group ??= []).Add(row);
        }

        if (group is not null)
        {
            yield return new(group[0].ProcedureId, group);
        }
    }

    public static async Task<Dictionary<long, string>> LegalBasisDigests(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<long>? ids, Func<IEnumerable<LegalBasisEntry>, string> digest,
        CancellationToken cancellationToken)
    {
        var (condition, parameters) = Owners(jurisdiction, ids);
        var rows = await connection.QueryAsync<LegalBasisRow>(new CommandDefinition(
            $"SELECT procedure_id, number, title, issued_on, issuer FROM legal_basis WHERE {condition} ORDER BY procedure_id, position",
            parameters, transaction, cancellationToken: cancellationToken));
        return rows.GroupBy(row => row.ProcedureId)
            .ToDictionary(group => group.Key, group => digest(group.Select(row => new LegalBasisEntry(row.Number, row.Title, row.IssuedOn, row.Issuer))));
    }

    public static async Task<HashSet<(long, DateOnly, decimal, string)>> TimeEntries(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<long>? ids, CancellationToken cancellationToken)
    {
        var (condition, parameters) = Owners(jurisdiction, ids);
        return (await connection.QueryAsync<(long ProcedureId, DateOnly EffectiveFrom, decimal Amount, string Unit)>(new CommandDefinition(
                $"SELECT procedure_id, effective_from, amount, unit FROM time_history WHERE {condition}", parameters, transaction, cancellationToken: cancellationToken)))
            .Select(row => (row.ProcedureId, row.EffectiveFrom, row.Amount, row.Unit)).ToHashSet();
    }

    public static async Task<HashSet<(long, DateOnly, long, long, decimal, long?)>> CostEntries(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<long>? ids, CancellationToken cancellationToken)
    {
        var (condition, parameters) = Owners(jurisdiction, ids);
        return (await connection.QueryAsync<(long ProcedureId, DateOnly EffectiveFrom, long FeeVnd, long OtherCostVnd, decimal ApplicantHours, long? AnnualFilings)>(
                new CommandDefinition(
                    $"SELECT procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings FROM cost_history WHERE {condition}",
                    parameters, transaction, cancellationToken: cancellationToken)))
            .Select(row => (row.ProcedureId, row.EffectiveFrom, row.FeeVnd, row.OtherCostVnd, row.ApplicantHours, row.AnnualFilings)).ToHashSet();
    }

    public static async Task<Dictionary<string, (long Id, string Name)>> Fields(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        ByNameKey(await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition("SELECT id, name FROM fields", transaction: transaction, cancellationToken: cancellationToken)));

    public static async Task<Dictionary<string, (long Id, string Name)>> Agencies(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, CancellationToken cancellationToken) =>
        ByNameKey(await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM agencies WHERE jurisdiction_code = @Jurisdiction", new { Jurisdiction = jurisdiction }, transaction, cancellationToken: cancellationToken)));

    private static Dictionary<string, (long Id, string Name)> ByNameKey(IEnumerable<(long Id, string Name)> rows)
    {
        var byKey = new Dictionary<string, (long Id, string Name)>(StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(row => row.Id))
        {
            byKey.TryAdd(Infrastructure.TextRules.NameKey(row.Name), row);
        }

        return byKey;
    }
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
    public long Attempts { get; init; }
    public long AppliedRows { get; init; }
    public bool CreateMissing { get; init; }
    public long ErrorCount { get; init; }
    public string? CreatedNames { get; init; }
    public long UploadBytes { get; init; }
}
