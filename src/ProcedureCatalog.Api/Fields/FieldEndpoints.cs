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
        await using var connection = await database.OpenReadAsync(cancellationToken);
        var rows = await FieldQueries.List(connection, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Field>>(rows.Select(mapper.Map<Field>).ToList());
    }

    private static readonly VersionedResource<FieldRow> Resource = new("field", row => row.Version,
        ChangeOf: (row, action) => new ChangeEntry("field", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), action, Version: row.Version));

    private static async Task<Results<Ok<Field>, ProblemHttpResult>> Get(long id, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var connection = await request.OpenAsync();
        var row = await FieldQueries.Find(connection, id, request.Cancellation);
        if (row is null)
        {
            return Problems.NotFound("Field", id);
        }

        Resource.SetETag(request.Http, row);
        return TypedResults.Ok(mapper.Map<Field>(row));
    }

    private static async Task<Results<Created<Field>, ProblemHttpResult>> Create(FieldInput input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        if (await FieldQueries.IdOfName(write.Connection, write.Transaction, input.Name, write.Cancellation) is { } existing)
        {
            return Problems.Conflict($"Field '{input.Name.Trim()}' already exists with id {existing}.");
        }

        var id = await FieldQueries.Insert(write.Connection, write.Transaction, write.Dialect, input, write.Now, write.Cancellation);
        return await Resource.Created(request, write, () => Find(write, id), mapper.Map<Field>, row => $"/api/v1/fields/{row.Id}");
    }

    private static async Task<Results<Ok<Field>, ProblemHttpResult>> Update(long id, FieldInput input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        var current = await Find(write, id);
        if (current is null)
        {
            return Problems.NotFound("Field", id);
        }

        if (await FieldQueries.IdOfName(write.Connection, write.Transaction, input.Name, write.Cancellation) is { } other && other != id)
        {
            return Problems.Conflict($"Another field (id {other}) already has the name '{input.Name.Trim()}'.");
        }

        return await Resource.Updated(request, write, current,
            version => FieldQueries.Update(write.Connection, write.Transaction, id, version, input, write.Now, write.Cancellation),
            () => Find(write, id), mapper.Map<Field>);
    }

    private static Task<FieldRow?> Find(CatalogWrite write, long id) => FieldQueries.Find(write.Connection, id, write.Cancellation, write.Transaction);
}
