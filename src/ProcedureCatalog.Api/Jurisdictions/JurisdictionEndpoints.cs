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
        await using var connection = await database.OpenReadAsync(cancellationToken);
        var rows = await JurisdictionQueries.List(connection, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Jurisdiction>>(rows.Select(mapper.Map<Jurisdiction>).ToList());
    }

    private static readonly VersionedResource<JurisdictionRow> Resource = new("jurisdiction", row => row.Version,
        ChangeOf: (row, action) => new ChangeEntry("jurisdiction", row.Code, action, Jurisdiction: row.Code, Version: row.Version));

    private static async Task<Results<Ok<Jurisdiction>, ProblemHttpResult>> Get(string code, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var connection = await request.OpenAsync();
        var row = await JurisdictionQueries.Find(connection, code, request.Cancellation);
        if (row is null)
        {
            return Problems.NotFound("Jurisdiction", code);
        }

        Resource.SetETag(request.Http, row);
        return TypedResults.Ok(mapper.Map<Jurisdiction>(row));
    }

    private static async Task<Results<Created<Jurisdiction>, ProblemHttpResult>> Create(JurisdictionCreate input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        if (await Find(write, input.Code) is not null)
        {
            return Problems.Conflict($"Jurisdiction '{input.Code}' already exists.");
        }

        await JurisdictionQueries.Insert(write.Connection, write.Transaction, input, write.Now, write.Cancellation);
        return await Resource.Created(request, write, () => Find(write, input.Code), mapper.Map<Jurisdiction>, row => $"/api/v1/jurisdictions/{row.Code}");
    }

    private static async Task<Results<Ok<Jurisdiction>, ProblemHttpResult>> Update(
        string code, JurisdictionUpdate input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        var current = await Find(write, code);
        if (current is null)
        {
            return Problems.NotFound("Jurisdiction", code);
        }

        return await Resource.Updated(request, write, current,
            version => JurisdictionQueries.Update(write.Connection, write.Transaction, code, version, input, write.Now, write.Cancellation),
            () => Find(write, code), mapper.Map<Jurisdiction>);
    }

    private static Task<JurisdictionRow?> Find(CatalogWrite write, string code) =>
        JurisdictionQueries.Find(write.Connection, code, write.Cancellation, write.Transaction);
}
