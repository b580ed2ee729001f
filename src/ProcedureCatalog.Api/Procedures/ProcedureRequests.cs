using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>What a request that changes a procedure or one of its parts asks of it, on the endpoint's side of the write path.</summary>
internal static class ProcedureRequests
{
    /// <summary>The procedure, or the problem that stops the change: 404, 403, then what <paramref name="ifMatch"/> asks of If-Match (428, 412).</summary>
    public static async Task<(ProcedureRow? Procedure, ProblemHttpResult? Problem)> Open(CatalogRequest request, CatalogWrite write, long procedureId, ProcedureIfMatch ifMatch)
    {
        var (procedure, refusal) = await ProcedureChanges.Open(write, procedureId);
        if (procedure is null)
        {
            return (null, Problem(refusal!, request.Caller));
        }

        var precondition = ifMatch switch
        {
            ProcedureIfMatch.Required => ProcedureChanges.Resource.Precondition(request, procedure),
            ProcedureIfMatch.CheckedIfSent => ProcedureChanges.Resource.PreconditionIfSent(request, procedure),
            _ => null,
        };
        return precondition is null ? (procedure, null) : (null, precondition);
    }

    /// <summary>The problem details of a procedure write that did not go ahead.</summary>
    public static ProblemHttpResult Problem(ProcedureOutcome refusal, ClaimsPrincipal caller) => refusal switch
    {
        ProcedureOutcome.NotFound(var id) => Problems.NotFound("Procedure", id),
        ProcedureOutcome.Forbidden(var jurisdiction) => WriteAccess.Forbidden(caller, jurisdiction),
        ProcedureOutcome.PreconditionRequired(var etag) => Problems.PreconditionRequired(ProcedureChanges.Resource.What, etag),
        ProcedureOutcome.PreconditionFailed(var version) => Problems.PreconditionFailed(ProcedureChanges.Resource.What, version),
        ProcedureOutcome.Conflict(var detail) => Problems.Conflict(detail),
        ProcedureOutcome.Unprocessable(var errors) => Problems.Unprocessable(errors.ToDictionary()),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Not a refusal."),
    };
}

/// <summary>
/// Required: a change of the procedure itself, or a removal of one of its parts. CheckedIfSent: an addition (a new
/// document or history entry), which cannot overwrite anything. NotChecked: a change of a part with a version of its own.
/// </summary>
internal enum ProcedureIfMatch
{
    NotChecked,
    CheckedIfSent,
    Required,
}
