using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Documents;

public static class DocumentEndpoints
{
    public static void MapDocuments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures/{procedureId:long}/documents").WithTags("Documents");

        group.MapGet("/", List)
            .WithName("ListDocuments")
            .WithSummary("List a procedure's documents")
            .WithDescription("The required documents (thành phần hồ sơ) of a procedure, in order.")
            .WithExamples(response: DocumentExamples.List)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Add)
            .WithName("AddDocument")
            .WithSummary("Add a document")
            .WithDescription("Appends a required document to the end of the procedure's list. The procedure's version moves.")
            .WithExamples(request: DocumentExamples.Input, response: DocumentExamples.Application)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPut("/{documentId:long}", Change)
            .WithName("ChangeDocument")
            .WithSummary("Change a document")
            .WithDescription("Replaces what is said of a document; its place in the list stays. Send If-Match with the document's ETag (412 when stale).")
            .WithExamples(request: DocumentExamples.Input, response: DocumentExamples.Application)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/{documentId:long}", Remove)
            .WithName("RemoveDocument")
            .WithSummary("Remove a document")
            .WithDescription("Removes a document the procedure no longer requires. Send If-Match with the document's ETag (412 when stale).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <param name="procedureId">The procedure's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<Document>>, ProblemHttpResult>> List(
        long procedureId, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await ProcedureQueries.Find(connection, procedureId, cancellationToken) is null)
        {
            return Problems.NotFound("Procedure", procedureId);
        }

        var rows = await DocumentQueries.List(connection, procedureId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Document>>(rows.Select(mapper.Map<Document>).ToList());
    }

    /// <param name="procedureId">The procedure's id.</param>
    private static async Task<Results<Created<Document>, ProblemHttpResult>> Add(
        long procedureId, DocumentInput input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (procedure, refused) = await ProcedureChanges.Open(context, connection, transaction, procedureId, cancellationToken);
        if (procedure is null)
        {
            return refused!;
        }

        if (Concurrency.CheckIfSent(context.Request, "procedure", procedure.Id, procedure.Version) is { } stale)
        {
            return stale;
        }

        var now = clock.UtcNow;
        var id = await DocumentQueries.Append(connection, transaction, database.Dialect, procedureId, input, now, cancellationToken);
        await ProcedureChanges.PartChanged(context, connection, transaction, procedure, "document", id, "created", now, cancellationToken);
        var created = (await DocumentQueries.Find(connection, procedureId, id, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag<Document>(context, created.Id, created.Version);
        return TypedResults.Created($"/api/v1/procedures/{procedureId}/documents/{id}", mapper.Map<Document>(created));
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="documentId">The document's id.</param>
    private static async Task<Results<Ok<Document>, ProblemHttpResult>> Change(
        long procedureId, long documentId, DocumentInput input, HttpContext context, CatalogDatabase database, IMapper mapper, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (procedure, refused) = await ProcedureChanges.Open(context, connection, transaction, procedureId, cancellationToken);
        var current = procedure is null ? null : await DocumentQueries.Find(connection, procedureId, documentId, cancellationToken, transaction);
        if (current is null)
        {
            return refused ?? Problems.NotFound("Document", $"{procedureId}/{documentId}");
        }

        var now = clock.UtcNow;
        if (Concurrency.Require(context.Request, "document", current.Id, current.Version) is { } precondition)
        {
            return precondition;
        }

        if (await DocumentQueries.Update(connection, transaction, procedureId, documentId, current.Version, input, now, cancellationToken) == 0)
        {
            return Problems.PreconditionFailed("document", current.Version);
        }

        await ProcedureChanges.PartChanged(context, connection, transaction, procedure!, "document", documentId, "updated", now, cancellationToken);
        var updated = (await DocumentQueries.Find(connection, procedureId, documentId, cancellationToken, transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag<Document>(context, updated.Id, updated.Version);
        return TypedResults.Ok(mapper.Map<Document>(updated));
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="documentId">The document's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        long procedureId, long documentId, HttpContext context, CatalogDatabase database, CatalogClock clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (procedure, refused) = await ProcedureChanges.Open(context, connection, transaction, procedureId, cancellationToken);
        var current = procedure is null ? null : await DocumentQueries.Find(connection, procedureId, documentId, cancellationToken, transaction);
        if (current is null)
        {
            return refused ?? Problems.NotFound("Document", $"{procedureId}/{documentId}");
        }

        if (Concurrency.Require(context.Request, "document", current.Id, current.Version) is { } precondition)
        {
            return precondition;
        }

        await DocumentQueries.Remove(connection, transaction, procedureId, documentId, cancellationToken);
        await ProcedureChanges.PartChanged(context, connection, transaction, procedure!, "document", documentId, "deleted", clock.UtcNow, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
