using System.Data.Common;
using Dapper;

namespace ProcedureCatalog.Api.Attributes;

/// <summary>
/// The derived rows of a procedure (migration 0012) are re-derived by the triggers after every row written to its
/// histories. A write that writes many of them at once (a new procedure with its attributes, documents, review and
/// history; an import's record) pauses that for the procedure, in its own transaction, and derives it once at the end.
/// </summary>
internal static class DerivedWindows
{
    /// <summary>Runs <paramref name="write"/> with the procedure's derivation paused, then derives its rows once. A write nested in another one leaves the deriving to it.</summary>
    public static async Task<T> Once<T>(DbConnection connection, DbTransaction transaction, long procedureId, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var paused = await Database.KeptStatements.ExecuteAsync(transaction,
            "INSERT INTO derivation_paused (procedure_id) SELECT @ProcedureId WHERE NOT EXISTS (SELECT 1 FROM derivation_paused WHERE procedure_id = @ProcedureId)",
            new { ProcedureId = procedureId }, cancellationToken) > 0;
        var result = await write();
        if (paused)
        {
            await Database.KeptStatements.ExecuteAsync(transaction,
                "DELETE FROM derivation_paused WHERE procedure_id = @ProcedureId; INSERT INTO procedure_windows_refresh (procedure_id) VALUES (@ProcedureId);",
                new { ProcedureId = procedureId }, cancellationToken);
        }

        return result;
    }

    public static Task Once(DbConnection connection, DbTransaction transaction, long procedureId, Func<Task> write, CancellationToken cancellationToken) =>
        Once(connection, transaction, procedureId, async () =>
        {
            await write();
            return true;
        }, cancellationToken);
}
