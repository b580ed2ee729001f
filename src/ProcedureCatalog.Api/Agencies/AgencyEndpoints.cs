using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Agencies;

public static class AgencyEndpoints
{
    public static void MapAgencies(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agencies").WithTags("Agencies");

        group.MapGet("/", List)
            .WithName("ListAgencies")
            .WithSummary("List agencies")
            .WithDescription("Performing agencies (cơ quan thực hiện), optionally of one jurisdiction, ordered by jurisdiction and name.")
            .WithExamples(response: AgencyExamples.List)
            .ProducesValidationProblem();

        group.MapGet("/{id:long}", Get)
            .WithName("GetAgency")
            .WithETag()
            .WithSummary("Get one agency")
            .WithDescription("One agency by id. The ETag header carries its version.")
            .WithExamples(response: AgencyExamples.Finance)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create)
            .WithName("CreateAgency")
            .WithSummary("Create an agency")
            .WithDescription("Adds an agency to a jurisdiction. Its name is unique within the jurisdiction (409 otherwise); an unknown jurisdiction gets 422.")
            .WithExamples(request: AgencyExamples.Create, response: AgencyExamples.Finance)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:long}", Update)
            .WithName("UpdateAgency")
            .WithSummary("Rename an agency")
            .WithDescription("Renames an agency; it stays in its jurisdiction. Send If-Match with the ETag you read (412 when stale).")
            .WithExamples(request: AgencyExamples.Update, response: AgencyExamples.Finance)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <param name="jurisdiction">Only the agencies of this jurisdiction (VN or a province code).</param>
    private static async Task<Results<Ok<IReadOnlyList<Agency>>, ValidationProblem>> List(
        string? jurisdiction, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        Jurisdiction.Check(jurisdiction, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        var rows = await AgencyQueries.List(connection, jurisdiction, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Agency>>(rows.Select(mapper.Map<Agency>).ToList());
    }

    private static readonly VersionedResource<AgencyRow> Resource = new("agency", row => row.Version,
        ChangeOf: (row, action) => new ChangeEntry("agency", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), action, Jurisdiction: row.JurisdictionCode, Version: row.Version));

    private static async Task<Results<Ok<Agency>, ProblemHttpResult>> Get(long id, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var connection = await request.OpenAsync();
        var row = await AgencyQueries.Find(connection, id, request.Cancellation);
        if (row is null)
        {
            return Problems.NotFound("Agency", id);
        }

        Resource.SetETag(request.Http, row);
        return TypedResults.Ok(mapper.Map<Agency>(row));
    }

    private static async Task<Results<Created<Agency>, ProblemHttpResult>> Create(AgencyCreate input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        if (request.Refuse(input.Jurisdiction) is { } refused)
        {
            return refused;
        }

        if (await JurisdictionQueries.Find(write.Connection, input.Jurisdiction, write.Cancellation, write.Transaction) is null)
        {
            return Problems.Unprocessable("jurisdiction", $"Jurisdiction '{input.Jurisdiction}' does not exist.");
        }

        if (await AgencyQueries.IdOfName(write.Connection, write.Transaction, input.Jurisdiction, input.Name, write.Cancellation) is { } existing)
        {
            return Problems.Conflict($"Jurisdiction '{input.Jurisdiction}' already has an agency named '{input.Name.Trim()}' (id {existing}).");
        }

        var id = await AgencyQueries.Insert(write.Connection, write.Transaction, write.Dialect, input, write.Now, write.Cancellation);
        return await Resource.Created(request, write, () => Find(write, id), mapper.Map<Agency>, row => $"/api/v1/agencies/{row.Id}");
    }

    private static async Task<Results<Ok<Agency>, ProblemHttpResult>> Update(long id, AgencyUpdate input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        var current = await Find(write, id);
        if (current is null)
        {
            return Problems.NotFound("Agency", id);
        }

        if (request.Refuse(current.JurisdictionCode) is { } refused)
        {
            return refused;
        }

        if (await AgencyQueries.IdOfName(write.Connection, write.Transaction, current.JurisdictionCode, input.Name, write.Cancellation) is { } other && other != id)
        {
            return Problems.Conflict($"Another agency of '{current.JurisdictionCode}' (id {other}) already has the name '{input.Name.Trim()}'.");
        }

        return await Resource.Updated(request, write, current,
            version => AgencyQueries.Update(write.Connection, write.Transaction, id, version, input, write.Now, write.Cancellation),
            () => Find(write, id), mapper.Map<Agency>);
    }

    private static Task<AgencyRow?> Find(CatalogWrite write, long id) => AgencyQueries.Find(write.Connection, id, write.Cancellation, write.Transaction);
}
