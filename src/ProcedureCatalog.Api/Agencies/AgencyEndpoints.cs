using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
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

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await AgencyQueries.List(connection, jurisdiction, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Agency>>(rows.Select(mapper.Map<Agency>).ToList());
    }

    private static async Task<Results<Ok<Agency>, ProblemHttpResult>> Get(
        long id, HttpContext context, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await AgencyQueries.Find(connection, id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("Agency", id);
        }

        Concurrency.SetETag(context, row.Version);
        return TypedResults.Ok(mapper.Map<Agency>(row));
    }

    private static async Task<Results<Created<Agency>, ProblemHttpResult>> Create(
        AgencyCreate input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (WriteAccess.Refuse(context, input.Jurisdiction) is { } refused)
        {
            return refused;
        }

        if (await JurisdictionQueries.Find(connection, input.Jurisdiction, cancellationToken, transaction) is null)
        {
            return Problems.Unprocessable("jurisdiction", $"Jurisdiction '{input.Jurisdiction}' does not exist.");
        }

        if (await AgencyQueries.IdOfName(connection, transaction, input.Jurisdiction, input.Name, cancellationToken) is { } existing)
        {
            return Problems.Conflict($"Jurisdiction '{input.Jurisdiction}' already has an agency named '{input.Name.Trim()}' (id {existing}).");
        }

        var id = await AgencyQueries.Insert(connection, transaction, database.Dialect, input, clock.UtcNow, cancellationToken);
        await ChangeLog.Record(connection, transaction, new ChangeEntry("agency", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", Jurisdiction: input.Jurisdiction, Version: 1),
            Actor.Of(context), clock.UtcNow, cancellationToken);
        var created = (await AgencyQueries.Find(connection, id, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/agencies/{id}", mapper.Map<Agency>(created));
    }

    private static async Task<Results<Ok<Agency>, ProblemHttpResult>> Update(
        long id, AgencyUpdate input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await AgencyQueries.Find(connection, id, cancellationToken, transaction);
        if (current is null)
        {
            return Problems.NotFound("Agency", id);
        }

        if (WriteAccess.Refuse(context, current.JurisdictionCode) is { } refused)
        {
            return refused;
        }

        if (await AgencyQueries.IdOfName(connection, transaction, current.JurisdictionCode, input.Name, cancellationToken) is { } other && other != id)
        {
            return Problems.Conflict($"Another agency of '{current.JurisdictionCode}' (id {other}) already has the name '{input.Name.Trim()}'.");
        }

        if (await Concurrency.Apply(context.Request, "agency", current.Version, () => AgencyQueries.Update(connection, transaction, id, current.Version, input, clock.UtcNow, cancellationToken)) is { } precondition)
        {
            return precondition;
        }

        await ChangeLog.Record(connection, transaction, new ChangeEntry("agency", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated", Jurisdiction: current.JurisdictionCode, Version: current.Version + 1),
            Actor.Of(context), clock.UtcNow, cancellationToken);

        var updated = (await AgencyQueries.Find(connection, id, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, updated.Version);
        return TypedResults.Ok(mapper.Map<Agency>(updated));
    }
}
