using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>
/// The steps every change to a procedure or its parts shares: find it (404), check that the caller's key
/// may write its jurisdiction (403), and afterwards raise its version and record the change, all in the
/// caller's transaction.
/// </summary>
internal static class ProcedureChanges
{
    public static async Task<(ProcedureRow? Procedure, ProblemHttpResult? Problem)> Open(
        HttpContext context, DbConnection connection, DbTransaction transaction, long procedureId, CancellationToken cancellationToken)
    {
        var procedure = await ProcedureQueries.Find(connection, procedureId, cancellationToken, transaction);
        if (procedure is null)
        {
            return (null, Infrastructure.Problems.NotFound("Procedure", procedureId));
        }

        return WriteAccess.Refuse(context, procedure.JurisdictionCode) is { } refused ? (null, refused) : (procedure, null);
    }

    /// <summary>A part (document, history entry) changed: the procedure's version moves and the change is recorded with it.</summary>
    public static async Task<long> PartChanged(
        HttpContext context, DbConnection connection, DbTransaction transaction, ProcedureRow procedure, string entity, long entityId, string action,
        DateTime now, CancellationToken cancellationToken)
    {
        var version = await ProcedureQueries.Touch(connection, transaction, procedure.Id, now, cancellationToken);
        await ChangeLog.Record(connection, transaction,
            new ChangeEntry(entity, entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), action, procedure.Id, procedure.JurisdictionCode, procedure.Code, version),
            Actor.Of(context), now, cancellationToken);
        return version;
    }

    /// <summary>The procedure itself changed (created, updated, abolished, reinstated, deleted); version is the one after (none once deleted).</summary>
    public static Task Recorded(
        HttpContext context, DbConnection connection, DbTransaction transaction, long id, string jurisdiction, string code, long? version, string action,
        DateTime now, CancellationToken cancellationToken) =>
        ChangeLog.Record(connection, transaction,
            new ChangeEntry("procedure", id.ToString(System.Globalization.CultureInfo.InvariantCulture), action, id, jurisdiction, code, version),
            Actor.Of(context), now, cancellationToken);
}
