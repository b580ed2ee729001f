using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Jurisdictions;

public static class JurisdictionEndpoints
{
    public static void MapJurisdictions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jurisdictions").WithTags("Jurisdictions");

        group.MapGet("/", List)
            .WithName("ListJurisdictions")
            .WithSummary("List jurisdictions")
            .WithDescription("Every catalogue the service holds: VN (central level) and the provinces, ordered by code.")
            .WithExamples(response: JurisdictionExamples.List);

        group.MapGet("/{code}", Get)
            .WithName("GetJurisdiction")
            .WithETag()
            .WithSummary("Get one jurisdiction")
            .WithDescription("One jurisdiction by its code (VN or a two-digit province code). The ETag header carries its version.")
            .WithExamples(response: JurisdictionExamples.DienBien)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create)
            .RequireAdmin()
            .WithName("CreateJurisdiction")
            .WithSummary("Create a jurisdiction")
            .WithDescription("Adds a catalogue for a province or the central level. The code is its key and cannot change later.")
            .WithExamples(request: JurisdictionExamples.Create, response: JurisdictionExamples.DienBien)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{code}", Update)
            .RequireAdmin()
            .WithName("UpdateJurisdiction")
            .WithSummary("Update a jurisdiction")
            .WithDescription("Changes the name or level. Send If-Match with the ETag you read to be sure nobody changed it in between (412 otherwise).")
            .WithExamples(request: JurisdictionExamples.Update, response: JurisdictionExamples.DienBien)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<IReadOnlyList<Jurisdiction>>> List(CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await JurisdictionQueries.List(connection, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Jurisdiction>>(rows.Select(mapper.Map<Jurisdiction>).ToList());
    }

    private static async Task<Results<Ok<Jurisdiction>, ProblemHttpResult>> Get(
        string code, HttpContext context, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await JurisdictionQueries.Find(connection, code, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("Jurisdiction", code);
        }

        Concurrency.SetETag(context, row.Version);
        return TypedResults.Ok(mapper.Map<Jurisdiction>(row));
    }

    private static async Task<Results<Created<Jurisdiction>, ProblemHttpResult>> Create(
        JurisdictionCreate input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await JurisdictionQueries.Find(connection, input.Code, cancellationToken, transaction) is not null)
        {
            return Problems.Conflict($"Jurisdiction '{input.Code}' already exists.");
        }

        await JurisdictionQueries.Insert(connection, transaction, input, clock.UtcNow, cancellationToken);
        await ChangeLog.Record(connection, transaction, new ChangeEntry("jurisdiction", input.Code, "created", Jurisdiction: input.Code, Version: 1),
            Actor.Of(context), clock.UtcNow, cancellationToken);
        var created = (await JurisdictionQueries.Find(connection, input.Code, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/jurisdictions/{created.Code}", mapper.Map<Jurisdiction>(created));
    }

    private static async Task<Results<Ok<Jurisdiction>, ProblemHttpResult>> Update(
        string code, JurisdictionUpdate input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await JurisdictionQueries.Find(connection, code, cancellationToken, transaction);
        if (current is null)
        {
            return Problems.NotFound("Jurisdiction", code);
        }

        if (await Concurrency.Apply(context.Request, "jurisdiction", current.Version, () => JurisdictionQueries.Update(connection, transaction, code, current.Version, input, clock.UtcNow, cancellationToken)) is { } precondition)
        {
            return precondition;
        }

        await ChangeLog.Record(connection, transaction, new ChangeEntry("jurisdiction", code, "updated", Jurisdiction: code, Version: current.Version + 1),
            Actor.Of(context), clock.UtcNow, cancellationToken);

        var updated = (await JurisdictionQueries.Find(connection, code, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, updated.Version);
        return TypedResults.Ok(mapper.Map<Jurisdiction>(updated));
    }
}
