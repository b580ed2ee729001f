using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>
/// The steps every change to a procedure or its parts shares: find it, check that the caller's key may write its
/// jurisdiction, and afterwards raise its version and record the change, all in the write's transaction.
/// </summary>
internal static class ProcedureChanges
{
    /// <summary>A procedure is known by its id; its ETag ends with a digest of the representation sent.</summary>
    public static readonly VersionedResource<ProcedureRow> Resource = new("procedure", row => row.Version, IdOf: row => row.Id);

    /// <summary>The procedure to change, or why it may not be: <see cref="ProcedureOutcome.NotFound"/> or <see cref="ProcedureOutcome.Forbidden"/>.</summary>
    public static async Task<(ProcedureRow? Procedure, ProcedureOutcome? Refusal)> Open(CatalogWrite write, long procedureId)
    {
        var procedure = await ProcedureQueries.Find(write.Connection, procedureId, write.Cancellation, write.Transaction);
        if (procedure is null)
        {
            return (null, new ProcedureOutcome.NotFound(procedureId));
        }

        return WriteAccess.MayWrite(write.Caller, procedure.JurisdictionCode)
            ? (procedure, null)
            : (null, new ProcedureOutcome.Forbidden(procedure.JurisdictionCode));
    }

    /// <summary>A part (document, history entry) changed: the procedure's version moves and the change is recorded with it.</summary>
    public static async Task<long> PartChanged(CatalogWrite write, ProcedureRow procedure, string entity, long entityId, string action)
    {
        var version = await ProcedureQueries.Touch(write.Connection, write.Transaction, procedure.Id, write.Now, write.Cancellation);
        await write.Record(new ChangeEntry(
            entity, entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), action, procedure.Id, procedure.JurisdictionCode, procedure.Code, version));
        return version;
    }

    /// <summary>The procedure itself changed (created, updated, abolished, reinstated, deleted); version is the one after (none once deleted).</summary>
    public static Task Recorded(CatalogWrite write, long id, string jurisdiction, string code, long? version, string action) =>
        write.Record(new ChangeEntry("procedure", id.ToString(System.Globalization.CultureInfo.InvariantCulture), action, id, jurisdiction, code, version));
}
