using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// Every resource carries a version that each change raises by one; its ETag is that version. A change to
/// an existing resource must name the version it read (If-Match): without it 428, with a stale one 412,
/// so that two editors can never silently overwrite each other.
/// </summary>
public static class Concurrency
{
    public static string ETagOf(long version) => $"\"{version}\"";

    public static void SetETag(HttpContext context, long version) =>
        context.Response.Headers.ETag = ETagOf(version);

    /// <summary>428 without If-Match, 412 when it names another version than <paramref name="currentVersion"/>; null when the change may go ahead.</summary>
    public static ProblemHttpResult? Require(HttpRequest request, string what, long currentVersion) =>
        request.Headers.IfMatch.Count == 0
            ? Problems.PreconditionRequired(what, currentVersion)
            : Allows(request, currentVersion) ? null : Problems.PreconditionFailed(what, currentVersion);

    /// <summary>Requires If-Match, then runs the update, which names the version it expects; 0 rows changed means someone came first (412).</summary>
    public static async Task<ProblemHttpResult?> Apply(HttpRequest request, string what, long currentVersion, Func<Task<int>> update) =>
        Require(request, what, currentVersion) ?? (await update() == 0 ? Problems.PreconditionFailed(what, currentVersion) : null);

    /// <summary>For additions to a resource (a new document or history entry): If-Match is checked when sent, not required.</summary>
    public static ProblemHttpResult? CheckIfSent(HttpRequest request, string what, long currentVersion) =>
        Allows(request, currentVersion) ? null : Problems.PreconditionFailed(what, currentVersion);

    private static bool Allows(HttpRequest request, long currentVersion)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(ETagOf(currentVersion));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    /// <summary>True when the header is absent or lists entity tags in their quoted form (or is *); see RequestHeaderRules.</summary>
    public static bool IsWellFormed(Microsoft.Extensions.Primitives.StringValues header) =>
        header.Count == 0 || header.All(string.IsNullOrWhiteSpace) || EntityTagHeaderValue.TryParseStrictList(header, out _);

    /// <summary>True when If-None-Match names the ETag about to be sent: the client's copy is current (304).</summary>
    public static bool ClientHasCurrent(HttpRequest request, string? etag)
    {
        if (etag is null || request.Headers.IfNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    /// <summary>Answers 304 Not Modified to a GET whose If-None-Match names the ETag the endpoint set.</summary>
    public static async ValueTask<object?> NotModifiedFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var context = invocation.HttpContext;
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (HttpMethods.IsGet(context.Request.Method) && answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }
            && ClientHasCurrent(context.Request, context.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return result;
    }
}
