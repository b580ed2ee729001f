using System.Data.Common;
using Dapper;
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

    public static Task<long> Append(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, DocumentInput input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO documents (procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version)
            VALUES (@ProcedureId, (SELECT COALESCE(MAX(position), 0) + 1 FROM documents WHERE procedure_id = @ProcedureId),
                    @Name, @TemplateName, @Originals, @Copies, @CaseNote, @ProvidedOnce, @DataSource, @Now, @Now, 1);
            """ + dialect.SelectInsertedId,
            Parameters(procedureId, input, now), transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(DbConnection connection, DbTransaction transaction, long procedureId, long documentId, long expectedVersion, DocumentInput input, DateTime now, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(Parameters(procedureId, input, now));
        parameters.Add("DocumentId", documentId);
        parameters.Add("ExpectedVersion", expectedVersion);
        return connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE documents
            SET name = @Name, template_name = @TemplateName, originals = @Originals, copies = @Copies, case_note = @CaseNote,
                provided_once = @ProvidedOnce, data_source = @DataSource, updated_at = @Now, version = version + 1
            WHERE procedure_id = @ProcedureId AND id = @DocumentId AND version = @ExpectedVersion
            """,
            parameters, transaction, cancellationToken: cancellationToken));
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
    /// only its provided-once mark and position; stored documents not given are removed, new ones added.
    /// True when anything changed.
    /// </summary>
    public static async Task<bool> Sync(
        DbConnection connection, DbTransaction transaction, long procedureId, IReadOnlyList<DocumentRow> stored, IReadOnlyList<DocumentValues> desired, DateTime now,
        CancellationToken cancellationToken)
    {
        var unmatched = stored.ToList();
        var changed = false;
        var keep = new List<(DocumentRow? Row, DocumentValues Desired)>();
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
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO documents (procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version)
                    VALUES (@ProcedureId, @Position, @Name, @TemplateName, @Originals, @Copies, @CaseNote, @ProvidedOnce, @DataSource, @Now, @Now, 1)
                    """,
                    values, transaction, cancellationToken: cancellationToken));
                changed = true;
            }
            else if (row.Position != position || row.ProvidedOnce != document.ProvidedOnce || row.TemplateName != values.TemplateName || row.Originals != values.Originals
                     || row.Copies != values.Copies || row.CaseNote != values.CaseNote || row.DataSource != values.DataSource)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE documents
                    SET position = @Position, template_name = @TemplateName, originals = @Originals, copies = @Copies, case_note = @CaseNote,
                        provided_once = @ProvidedOnce, data_source = @DataSource, updated_at = @Now, version = version + 1
                    WHERE id = @Id
                    """,
                    values, transaction, cancellationToken: cancellationToken));
                changed = true;
            }
        }

        return changed;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
