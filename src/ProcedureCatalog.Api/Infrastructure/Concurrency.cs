using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// Every resource carries a version that each change raises by one. A change to an existing resource must name the
/// version it read (If-Match): without it 428, with a stale one 412, so that two editors can never silently overwrite each other.
/// <para>
/// The ETag starts with the version tag that If-Match compares. For most resources that is the version ("4"). For
/// procedures and documents it is the id and the version ("311001-4"): a procedure deleted and created again at the same
/// (jurisdiction, code) has a new id, so an ETag or a stale If-Match read from the old one can never apply to the new one.
/// A procedure's representation also depends on the date (the time and cost in force on asOf, and asOf itself) and on the
/// names of its field and agency, which change without its version: its ETag ends with a digest of the representation sent
/// ("311001-4.5f0c2a9e61b3d7a4"), so that If-None-Match answers 304 only for the very same body. If-Match ignores the digest:
/// the version is what protects against lost updates, and it stays the same from one day to the next.
/// </para>
/// </summary>
/// <seealso cref="VersionedResource{TRow}"/>
public static class Concurrency
{
    /// <summary>The version tag of a resource known by a code or a natural key of its own.</summary>
    public static string VersionTag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The version tag of a resource known by an id: the id, then the version.</summary>
    public static string VersionTag(long id, long version) => FormattableString.Invariant($"{id}-{version}");

    /// <summary>The ETag of a representation: its version tag, then, when the representation is given, a digest of the body sent.</summary>
    public static string ETagOf<T>(HttpContext context, string versionTag, T? representation)
        where T : class =>
        representation is null ? $"\"{versionTag}\"" : $"\"{versionTag}{DigestSeparator}{Digest(context, representation)}\"";

    private const char DigestSeparator = '.';

    /// <summary>64 bits of SHA-256 over the JSON the client receives: the same body, the same digest.</summary>
    private static string Digest<T>(HttpContext context, T representation)
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(representation, options);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json).AsSpan(0, 8));
    }

    /// <summary>What If-Match says of a change to the resource whose current version tag is <paramref name="versionTag"/>.</summary>
    public static IfMatchVerdict Judge(StringValues ifMatch, string versionTag) =>
        ifMatch.Count == 0 ? IfMatchVerdict.Missing : Allows(ifMatch, versionTag) ? IfMatchVerdict.Current : IfMatchVerdict.Stale;

    private static bool Allows(StringValues header, string versionTag)
    {
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        // Weak comparison (W/ is ignored), as for If-None-Match; what counts is the version tag before any digest.
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || VersionTagOf(tag) == versionTag);
    }

    private static string VersionTagOf(EntityTagHeaderValue tag)
    {
        var opaque = HeaderUtilities.RemoveQuotes(tag.Tag).Value ?? string.Empty;
        var digest = opaque.IndexOf(DigestSeparator, StringComparison.Ordinal);
        return digest < 0 ? opaque : opaque[..digest];
    }

    /// <summary>True when the header is absent or lists entity tags in their quoted form (or is *); see RequestHeaderRules.</summary>
    public static bool IsWellFormed(StringValues header) =>
        header.Count == 0 || header.All(string.IsNullOrWhiteSpace) || EntityTagHeaderValue.TryParseStrictList(header, out _);

    /// <summary>True when If-None-Match names the ETag about to be sent: the client's copy is current (304).</summary>
    public static bool ClientHasCurrent(HttpRequest request, string? etag)
    {
        if (etag is null || request.Headers.IfNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
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

/// <summary>Missing: no If-Match (428 for a change); Stale: it names another version (412); Current: the change may go ahead.</summary>
public enum IfMatchVerdict
{
    Missing,
    Stale,
    Current,
}
