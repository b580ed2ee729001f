using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Access;

/// <summary>
/// Authenticates the X-Api-Key header against the stored hashes. Reading needs no key; writing endpoints
/// require one through the editor and admin policies. 401 and 403 are answered as problem details.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CatalogDatabase database)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "key_id";
    public const string JurisdictionClaim = "jurisdiction";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values[0]!;
        var prefix = ApiKeys.PrefixOf(key);
        if (prefix is null)
        {
            return AuthenticateResult.Fail("The API key is not in the form pck_<prefix>_<secret>.");
        }

        await using var connection = await database.OpenAsync(Context.RequestAborted);
        var row = await ApiKeys.FindByPrefix(connection, prefix, Context.RequestAborted);
        // The comparison runs against a stored hash even when the prefix is unknown, so that both cases take as long.
        if (!ApiKeys.Matches(key, row?.KeyHash ?? UnknownKeyHash) || row is null || row.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, row.Name),
            new(ClaimTypes.Role, row.Role),
            new(KeyIdClaim, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange((await ApiKeys.JurisdictionsOf(connection, row.Id, Context.RequestAborted)).Select(code => new Claim(JurisdictionClaim, code)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static readonly string UnknownKeyHash = ApiKeys.Hash("pck_0000000000_unknown");

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var sent = Request.Headers.ContainsKey(ApiKeys.Header);
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.Header}\"";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: sent ? "The API key is not valid" : "An API key is needed",
            detail: sent
                ? "The key in X-Api-Key is unknown, revoked or malformed. Ask the catalogue's administrators for a valid key."
                : "Reading is open to all, but every change needs an API key in the X-Api-Key header.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Forbidden(Context, "This operation changes reference data or targets and needs an admin key; this key is an editor's.");

    public static Task Forbidden(HttpContext context, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may not do that", detail: detail).ExecuteAsync(context);
}
