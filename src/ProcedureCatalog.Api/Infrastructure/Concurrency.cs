using Microsoft.Net.Http.Headers;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// Every resource carries a version that each change raises by one; its ETag is that version. A write
/// that names the version it read (If-Match) fails with 412 when someone else changed it in between.
/// </summary>
public static class Concurrency
{
    public static string ETagOf(long version) => $"\"{version}\"";

    public static void SetETag(HttpContext context, long version) =>
        context.Response.Headers.ETag = ETagOf(version);

    /// <summary>False when the request's If-Match names another version than <paramref name="currentVersion"/>.</summary>
    public static bool IfMatchAllows(HttpRequest request, long currentVersion)
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
}
