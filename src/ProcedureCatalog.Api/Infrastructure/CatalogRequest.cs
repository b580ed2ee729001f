using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// What every handler takes from the request besides its own parameters, bound with [AsParameters]: the database, the
/// caller, the clock and the request's cancellation. Services and the context are not parameters of the operation, so it
/// adds nothing to the OpenAPI document.
/// </summary>
internal sealed record CatalogRequest(HttpContext Http, CatalogDatabase Database, CatalogClock Clock, CancellationToken Cancellation)
{
    public ClaimsPrincipal Caller => Http.User;

    /// <summary>A connection for reads, without a transaction.</summary>
    public Task<DbConnection> OpenAsync() => Database.OpenAsync(Cancellation);

    /// <summary>A transaction for a change, in the caller's name, at this instant.</summary>
    public Task<CatalogWrite> BeginWriteAsync() => CatalogWrite.BeginAsync(Database, Caller, Clock.UtcNow, Cancellation);

    /// <summary>403 when the caller's key may not write <paramref name="jurisdiction"/>'s data, else null.</summary>
    public ProblemHttpResult? Refuse(string jurisdiction) => WriteAccess.Refuse(Caller, jurisdiction);

    public Microsoft.Extensions.Primitives.StringValues IfMatch => Http.Request.Headers.IfMatch;
}
