using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Attributes;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Documents;

internal static class DocumentQueries
{
    private const string Select =
        "SELECT id, procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version FROM documents";

    /// <summary>The documents of procedure @ProcedureId in their order (also one statement of a procedure's detail, ProcedureReads).</summary>
    internal const string OfProcedure = Select + " WHERE procedure_id = @ProcedureId ORDER BY position, id";

    public static Task<IEnumerable<DocumentRow>> List(DbConnection connection, long procedureId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryAsync<DocumentRow>(new CommandDefinition(OfProcedure, new { ProcedureId = procedureId }, transaction, cancellationToken: cancellationToken));

    public static Task<DocumentRow?> Find(DbConnection connection, long procedureId, long documentId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            Select + " WHERE procedure_id = @ProcedureId AND id = @DocumentId",
            new { ProcedureId = procedureId, DocumentId = documentId }, transaction, cancellationToken: cancellationToken));

    /// <summary>A document at the end of the list, its provided-once mark in force from <paramref name="from"/> (it counts from then on).</summary>
    public static async Task<long> Append(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, DocumentInput input, Recorder recorder, DateOnly from, string? decisionRef,
        CancellationToken cancellationToken)
    {
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO documents (procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version)
            VALUES (@ProcedureId, (SELECT COALESCE(MAX(position), 0) + 1 FROM documents WHERE procedure_id = @ProcedureId),
                    @Name, @TemplateName, @Originals, @Copies, @CaseNote, @ProvidedOnce, @DataSource, @Now, @Now, 1);
            """ + dialect.SelectInsertedId,
            Parameters(procedureId, input, recorder.Now), transaction, cancellationToken: cancellationToken));
        await AttributeQueries.RecordProvidedOnce(connection, transaction, dialect, procedureId, id, input.ProvidedOnce!.Value, from, decisionRef, recorder, cancellationToken);
        return id;
    }

    /// <summary>
    /// Replaces what is said of a document (version-checked; 0 when the version moved); a provided-once mark other than the
    /// one in force today is recorded as an entry from today.
    /// </summary>
    public static async Task<int> Update(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, long documentId, long expectedVersion, DocumentInput input, Recorder recorder,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(Parameters(procedureId, input, recorder.Now));
        parameters.Add("DocumentId", documentId);
        parameters.Add("ExpectedVersion", expectedVersion);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE documents
            SET name = @Name, template_name = @TemplateName, originals = @Originals, copies = @Copies, case_note = @CaseNote,
                data_source = @DataSource, updated_at = @Now, version = version + 1
            WHERE procedure_id = @ProcedureId AND id = @DocumentId AND version = @ExpectedVersion
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        if (updated > 0)
        {
            await MarkFrom(connection, transaction, dialect, procedureId, documentId, input.ProvidedOnce!.Value, recorder.Today, null, recorder, cancellationToken);
        }

        return updated;
    }

    /// <summary>Records the mark as an entry from <paramref name="from"/> unless it is the one in force then. True when recorded.</summary>
    private static async Task<bool> MarkFrom(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, long documentId, bool providedOnce, DateOnly from, string? decisionRef,
        Recorder recorder, CancellationToken cancellationToken)
    {
        if (await AttributeQueries.ProvidedOnceInForce(connection, transaction, documentId, from, cancellationToken) == providedOnce)
        {
            return false;
        }

        await AttributeQueries.RecordProvidedOnce(connection, transaction, dialect, procedureId, documentId, providedOnce, from, decisionRef, recorder, cancellationToken);
        return true;
    }

    public static Task<int> Remove(DbConnection connection, DbTransaction transaction, long procedureId, long documentId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM documents WHERE procedure_id = @ProcedureId AND id = @DocumentId",
            new { ProcedureId = procedureId, DocumentId = documentId }, transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveAll(DbConnection connection, DbTransaction transaction, long procedureId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM documents WHERE procedure_id = @ProcedureId", new { ProcedureId = procedureId }, transaction, cancellationToken: cancellationToken));

    private static object Parameters(long procedureId, DocumentInput input, DateTime now) => new
    {
        ProcedureId = procedureId,
        Name = input.Name.Trim(),
        TemplateName = input.TemplateName?.Trim(),
        Originals = input.Originals!.Value,
        Copies = input.Copies!.Value,
        CaseNote = input.CaseNote?.Trim(),
        ProvidedOnce = input.ProvidedOnce!.Value,
        DataSource = input.DataSource?.Trim(),
        Now = now,
    };

    /// <summary>
    /// Makes a procedure's documents the given ones, changing as little as it can: a stored document of the same name is kept
    /// (its id stays) and changed in place only where the given one says otherwise; a name-only document (a CSV line) changes
    /// only its provided-once mark and position; stored documents not given are removed, new ones added. Provided-once marks
    /// are dated: a new document's mark, and a mark other than the one in force on <paramref name="from"/>, are entries from
    /// that day. True when anything changed.
    /// </summary>
    public static async Task<bool> Sync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, IReadOnlyList<DocumentRow> stored, IReadOnlyList<DocumentValues> desired,
        Recorder recorder, DateOnly from, string? decisionRef, CancellationToken cancellationToken)
    {
        var now = recorder.Now;
        var unmatched = stored.ToList();
        var changed = false;
        var keep = new List<(DocumentRow? Row, DocumentValues Desired)>();
        // The new documents' marks, recorded together at the end (one statement).
        var marks = new List<(long DocumentId, bool ProvidedOnce)>();
        foreach (var document in desired)
        {
            var match = unmatched.FirstOrDefault(row => row.Name == document.Name);
            if (match is not null)
            {
                unmatched.Remove(match);
            }

            keep.Add((match, document));
        }

        foreach (var gone in unmatched)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM documents WHERE id = @Id", new { gone.Id }, transaction, cancellationToken: cancellationToken));
            changed = true;
        }

        for (var index = 0; index < keep.Count; index++)
        {
            var (row, document) = keep[index];
            var position = index + 1;
            var values = new
            {
                ProcedureId = procedureId, Position = position, document.Name, document.ProvidedOnce, Now = now,
                TemplateName = document.Complete ? Blank(document.TemplateName) : row?.TemplateName,
                Originals = document.Originals ?? row?.Originals ?? 1,
                Copies = document.Copies ?? row?.Copies ?? 0,
                CaseNote = document.Complete ? Blank(document.CaseNote) : row?.CaseNote,
                DataSource = document.Complete ? Blank(document.DataSource) : row?.DataSource,
                Id = row?.Id ?? 0,
            };
            if (row is null)
            {
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO documents (procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version)
                    VALUES (@ProcedureId, @Position, @Name, @TemplateName, @Originals, @Copies, @CaseNote, @ProvidedOnce, @DataSource, @Now, @Now, 1);
                    """ + dialect.SelectInsertedId,
                    values, transaction, cancellationToken: cancellationToken));
                marks.Add((id, document.ProvidedOnce));
                changed = true;
                continue;
            }

            changed |= await MarkFrom(connection, transaction, dialect, procedureId, row.Id, document.ProvidedOnce, from, decisionRef, recorder, cancellationToken);
            if (row.Position != position || row.TemplateName != values.TemplateName || row.Originals != values.Originals
                || row.Copies != values.Copies || row.CaseNote != values.CaseNote || row.DataSource != values.DataSource)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE documents
                    SET position = @Position, template_name = @TemplateName, originals = @Originals, copies = @Copies, case_note = @CaseNote,
                        data_source = @DataSource, updated_at = @Now, version = version + 1
                    WHERE id = @Id
                    """,
                    values, transaction, cancellationToken: cancellationToken));
                changed = true;
            }
        }

        await AttributeQueries.RecordProvidedOnce(connection, transaction, procedureId, marks, from, decisionRef, recorder, cancellationToken);
        return changed;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
