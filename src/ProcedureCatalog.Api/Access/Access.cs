using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Access;

/// <summary>Who made a change: the key's id and name, or the service itself (sample data, generator).</summary>
public sealed record Actor(long? KeyId, string Name)
{
    public static readonly Actor Service = new(null, "service");

    public static Actor Of(HttpContext context) => Of(context.User);

    public static Actor Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? new Actor(long.TryParse(user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim), out var id) ? id : null, user.Identity.Name ?? "unknown")
            : Service;
}

/// <summary>The two policies and the jurisdiction check of every write.</summary>
public static class WriteAccess
{
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Reference data and targets: admin keys only (other writes need an editor key, see <see cref="WriteConventions"/>).</summary>
    public static RouteHandlerBuilder RequireAdmin(this RouteHandlerBuilder builder) => builder.RequireAuthorization(Admin);

    public static void AddPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Editor, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole("editor", "admin"));
        options.AddPolicy(Admin, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole("admin"));
    }

    /// <summary>An admin writes everywhere; an editor only in the jurisdictions of its key.</summary>
    public static bool MayWrite(ClaimsPrincipal user, string jurisdiction) =>
        user.IsInRole("admin") || user.FindAll(ApiKeyAuthentication.JurisdictionClaim).Any(claim => claim.Value == jurisdiction);

    /// <summary>403 when the caller's key may not write <paramref name="jurisdiction"/>'s data, else null.</summary>
    public static ProblemHttpResult? Refuse(ClaimsPrincipal user, string jurisdiction) => MayWrite(user, jurisdiction) ? null : Forbidden(user, jurisdiction);

    public static ProblemHttpResult Forbidden(ClaimsPrincipal user, string jurisdiction) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "This key may not do that",
            detail: $"The key '{user.Identity?.Name}' may write the catalogue of {string.Join(", ", user.FindAll(ApiKeyAuthentication.JurisdictionClaim).Select(claim => claim.Value))}, not of '{jurisdiction}'.");
}

/// <summary>
/// Applied to every endpoint of the API: writes (POST, PUT, DELETE) need at least an editor key unless the
/// endpoint asked for admin; changes of existing resources document 428; bodies document 413.
/// </summary>
public static class WriteConventions
{
    public static void Apply(EndpointBuilder builder)
    {
        var methods = builder.Metadata.OfType<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().SelectMany(metadata => metadata.HttpMethods).ToList();
        if (methods.Any(method => method is "POST" or "PUT" or "DELETE"))
        {
            if (!builder.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
            {
                builder.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(WriteAccess.Editor));
            }

            ProblemMetadata.AddIfMissing(builder, StatusCodes.Status401Unauthorized);
            ProblemMetadata.AddIfMissing(builder, StatusCodes.Status403Forbidden);
            if (methods.Any(method => method is "PUT" or "DELETE"))
            {
                ProblemMetadata.AddIfMissing(builder, StatusCodes.Status428PreconditionRequired);
            }

            var accepts = builder.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().ToList();
            if (accepts.Count > 0)
            {
                ProblemMetadata.AddIfMissing(builder, StatusCodes.Status413PayloadTooLarge);
            }

            // A JSON body in another charset than UTF-8 is refused (RequestHeaderRules), as is another content type.
            if (accepts.Any(metadata => metadata.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase))))
            {
                ProblemMetadata.AddIfMissing(builder, StatusCodes.Status415UnsupportedMediaType);
            }
        }
    }
}
