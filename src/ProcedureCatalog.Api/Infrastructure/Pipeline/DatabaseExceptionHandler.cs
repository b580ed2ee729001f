using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

/// <summary>
/// The database has the last word on uniqueness and references: when two requests race past the checks a
/// handler makes, the constraint that stops the second one is answered as 409, not as a server error. A
/// database that cannot be reached is answered 503 with Retry-After.
/// </summary>
public sealed class DatabaseExceptionHandler(CatalogDatabase database, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbException dbException)
        {
            return false;
        }

        if (database.Dialect.IsUnavailable(dbException))
        {
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = "5";
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The catalogue database is not available",
                    Detail = "The request changed nothing. The service reconnects by itself; try again in a few seconds (Retry-After).",
                },
            });
        }

        string detail;
        if (database.Dialect.IsUniqueViolation(dbException))
        {
            detail = "Another request created the same key at the same moment; read the catalogue again.";
        }
        else if (database.Dialect.IsForeignKeyViolation(dbException))
        {
            detail = "Something this request refers to was removed, or something still refers to what it removes.";
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict with the current catalogue",
                Detail = detail,
            },
        });
    }
}
