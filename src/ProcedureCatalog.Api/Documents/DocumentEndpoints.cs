using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;
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
        await using var connection = await database.OpenReadAsync(cancellationToken);
        if (await ProcedureQueries.Find(connection, procedureId, cancellationToken) is null)
        {
            return Problems.NotFound("Procedure", procedureId);
        }

        var rows = await DocumentQueries.List(connection, procedureId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Document>>(rows.Select(mapper.Map<Document>).ToList());
    }

    /// <param name="procedureId">The procedure's id.</param>
    private static async Task<Results<Created<Document>, ProblemHttpResult>> Add(long procedureId, DocumentInput input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.CheckedIfSent);
        if (procedure is null)
        {
            return problem!;
        }

        var id = await DocumentQueries.Append(write.Connection, write.Transaction, write.Dialect, procedureId, input, write.Now, write.Cancellation);
        await ProcedureChanges.PartChanged(write, procedure, "document", id, "created");
        var created = (await Find(write, procedureId, id))!;
        await write.CommitAsync();
        Resource.SetETag(request.Http, created);
        return TypedResults.Created($"/api/v1/procedures/{procedureId}/documents/{id}", mapper.Map<Document>(created));
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="documentId">The document's id.</param>
    private static async Task<Results<Ok<Document>, ProblemHttpResult>> Change(
        long procedureId, long documentId, DocumentInput input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, current, refused) = await Open(request, write, procedureId, documentId);
        if (current is null)
        {
            return refused!;
        }

        if (await Resource.Change(request, current,
                version => DocumentQueries.Update(write.Connection, write.Transaction, procedureId, documentId, version, input, write.Now, write.Cancellation)) is { } precondition)
        {
            return precondition;
        }

        await ProcedureChanges.PartChanged(write, procedure!, "document", documentId, "updated");
        var updated = (await Find(write, procedureId, documentId))!;
        await write.CommitAsync();
        Resource.SetETag(request.Http, updated);
        return TypedResults.Ok(mapper.Map<Document>(updated));
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="documentId">The document's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(long procedureId, long documentId, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, current, refused) = await Open(request, write, procedureId, documentId);
        if (current is null)
        {
            return refused!;
        }

        if (Resource.Precondition(request, current) is { } precondition)
        {
            return precondition;
        }

        await DocumentQueries.Remove(write.Connection, write.Transaction, procedureId, documentId, write.Cancellation);
        await ProcedureChanges.PartChanged(write, procedure!, "document", documentId, "deleted");
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>A document's changes are recorded as its procedure's; its own version guards it.</summary>
    private static readonly VersionedResource<DocumentRow> Resource = new("document", row => row.Version, IdOf: row => row.Id);

    /// <summary>The document to change with its procedure, or the problem: the procedure's refusal first, then an unknown document.</summary>
    private static async Task<(ProcedureRow? Procedure, DocumentRow? Document, ProblemHttpResult? Problem)> Open(
        CatalogRequest request, CatalogWrite write, long procedureId, long documentId)
    {
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.NotChecked);
        if (procedure is null)
        {
            return (null, null, problem);
        }

        var document = await Find(write, procedureId, documentId);
        return document is null ? (procedure, null, Problems.NotFound("Document", $"{procedureId}/{documentId}")) : (procedure, document, null);
    }

    private static Task<DocumentRow?> Find(CatalogWrite write, long procedureId, long documentId) =>
        DocumentQueries.Find(write.Connection, procedureId, documentId, write.Cancellation, write.Transaction);
}
