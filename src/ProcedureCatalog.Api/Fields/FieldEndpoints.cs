using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Fields;

public static class FieldEndpoints
{
    public static void MapFields(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/fields").WithTags("Fields");

        group.MapGet("/", List)
            .WithName("ListFields")
            .WithSummary("List fields")
            .WithDescription("Every field (lĩnh vực) procedures are classified under, ordered by name.")
            .WithExamples(response: FieldExamples.List);

        group.MapGet("/{id:long}", Get)
            .WithName("GetField")
            .WithETag()
            .WithSummary("Get one field")
            .WithDescription("One field by id. The ETag header carries its version.")
            .WithExamples(response: FieldExamples.BusinessRegistration)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create)
            .RequireAdmin()
            .WithName("CreateField")
            .WithSummary("Create a field")
            .WithDescription("Adds a field. Names are unique: a second field with the same name gets 409.")
            .WithExamples(request: FieldExamples.Input, response: FieldExamples.BusinessRegistration)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:long}", Update)
            .RequireAdmin()
            .WithName("UpdateField")
            .WithSummary("Rename a field")
            .WithDescription("Renames a field; its procedures follow. Send If-Match with the ETag you read (412 when stale).")
            .WithExamples(request: FieldExamples.Input, response: FieldExamples.BusinessRegistration)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<IReadOnlyList<Field>>> List(CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await FieldQueries.List(connection, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Field>>(rows.Select(mapper.Map<Field>).ToList());
    }

    private static async Task<Results<Ok<Field>, ProblemHttpResult>> Get(
        long id, HttpContext context, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await FieldQueries.Find(connection, id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("Field", id);
        }

        Concurrency.SetETag(context, row.Version);
        return TypedResults.Ok(mapper.Map<Field>(row));
    }

    private static async Task<Results<Created<Field>, ProblemHttpResult>> Create(
        FieldInput input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FieldQueries.IdOfName(connection, transaction, input.Name, cancellationToken) is { } existing)
        {
            return Problems.Conflict($"Field '{input.Name.Trim()}' already exists with id {existing}.");
        }

        var id = await FieldQueries.Insert(connection, transaction, database.Dialect, input, clock.UtcNow, cancellationToken);
        await ChangeLog.Record(connection, transaction, new ChangeEntry("field", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", Jurisdiction: null, Version: 1),
            Actor.Of(context), clock.UtcNow, cancellationToken);
        var created = (await FieldQueries.Find(connection, id, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/fields/{id}", mapper.Map<Field>(created));
    }

    private static async Task<Results<Ok<Field>, ProblemHttpResult>> Update(
        long id, FieldInput input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await FieldQueries.Find(connection, id, cancellationToken, transaction);
        if (current is null)
        {
            return Problems.NotFound("Field", id);
        }

        if (await FieldQueries.IdOfName(connection, transaction, input.Name, cancellationToken) is { } other && other != id)
        {
            return Problems.Conflict($"Another field (id {other}) already has the name '{input.Name.Trim()}'.");
        }

        if (await Concurrency.Apply(context.Request, "field", current.Version, () => FieldQueries.Update(connection, transaction, id, current.Version, input, clock.UtcNow, cancellationToken)) is { } precondition)
        {
            return precondition;
        }

        await ChangeLog.Record(connection, transaction, new ChangeEntry("field", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated", Jurisdiction: null, Version: current.Version + 1),
            Actor.Of(context), clock.UtcNow, cancellationToken);

        var updated = (await FieldQueries.Find(connection, id, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, updated.Version);
        return TypedResults.Ok(mapper.Map<Field>(updated));
    }
}
