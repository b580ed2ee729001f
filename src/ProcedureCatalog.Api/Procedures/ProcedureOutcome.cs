using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>How a write of a procedure ended. The write path says what happened; the endpoint turns it into a response.</summary>
public abstract record ProcedureOutcome
{
    private ProcedureOutcome()
    {
    }

    public sealed record Created(long Id) : ProcedureOutcome;

    public sealed record Replaced(long Id) : ProcedureOutcome;

    /// <summary>The body said what is stored: nothing was written, nothing recorded.</summary>
    public sealed record Unchanged(long Id) : ProcedureOutcome;

    public sealed record NotFound(long Id) : ProcedureOutcome;

    /// <summary>The caller's key may not write <paramref name="Jurisdiction"/>'s catalogue.</summary>
    public sealed record Forbidden(string Jurisdiction) : ProcedureOutcome;

    /// <summary>A change without If-Match; <paramref name="CurrentETag"/> is the one to send.</summary>
    public sealed record PreconditionRequired(string CurrentETag) : ProcedureOutcome;

    public sealed record PreconditionFailed(long CurrentVersion) : ProcedureOutcome;

    /// <summary>(jurisdiction, code) is taken.</summary>
    public sealed record Conflict(string Detail) : ProcedureOutcome;

    /// <summary>A reference that does not fit: an unknown jurisdiction or field, an agency of another jurisdiction.</summary>
    public sealed record Unprocessable(Errors Errors) : ProcedureOutcome;
}
