using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

/// <summary>
/// Writes every problem as application/problem+json, whatever the request's Accept says: a client that asked
/// for XML or CSV still learns why it was refused, rather than getting an empty error.
/// </summary>
public sealed class ProblemWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        problem.Type ??= status switch
        {
            >= 400 and <= 417 or 421 or 422 or 426 => $"https://tools.ietf.org/html/rfc9110#section-15.5.{status - 399}",
            >= 500 and <= 505 => $"https://tools.ietf.org/html/rfc9110#section-15.6.{status - 499}",
            _ => "about:blank",
        };
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
