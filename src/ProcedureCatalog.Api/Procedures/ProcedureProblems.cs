using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>The problem details of a procedure write that did not go ahead.</summary>
internal static class ProcedureProblems
{
    public static ProblemHttpResult Of(ProcedureOutcome refusal, ClaimsPrincipal caller) => refusal switch
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
