using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Attributes;

/// <summary>
/// The dated histories of a procedure besides time and cost (domain brief, section 6): its attributes, its documents'
/// provided-once marks and its reviews. Like the time and cost histories they are listed, added to, and cleared of an
/// entry entered by mistake; every change moves the procedure's version and is in the change feed and its audit trail.
/// </summary>
public static class AttributeEndpoints
{
    private const string Rules =
        " The value in force on a date D is the entry with the latest effectiveFrom ≤ D (on the same day, the one recorded last); "
        + "a value recorded before these histories existed has effectiveFrom 0001-01-01: in force from the beginning.";

    public static void MapAttributes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures/{procedureId:long}").WithTags("History");

        group.MapGet("/attribute-history", ListAttributes)
            .WithName("ListAttributeHistory")
            .WithSummary("List a procedure's dated attributes")
            .WithDescription("Every entry of kind, businessRelated, onlineLevel, fullOnlineEligible, boundaryFree and technicalRegulation (or of one attribute), "
                + "ordered by attribute, effectiveFrom and when it was recorded. The member named by attribute holds the entry's value." + Rules)
            .WithExamples(response: AttributeExamples.List)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/attribute-history", AppendAttributes)
            .WithName("AppendAttributeEntries")
            .WithSummary("Record a change of dated attributes")
            .WithDescription("Every attribute the body gives is in force from effectiveFrom (default today in Vietnam) until a later entry of it: one entry each, "
                + "published by decisionRef. The scoreboard counts the values in force on its date, so a past date's figures stay as they were." + Rules)
            .WithExamples(request: AttributeExamples.Change, response: AttributeExamples.RecordedEntries)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/attribute-history/{entryId:long}", RemoveAttribute)
            .WithName("RemoveAttributeEntry")
            .WithSummary("Remove an attribute entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded; a real change is a new entry. The earliest entry of an attribute stays "
                + "(a procedure always has a value of each): 409; correct it with a new entry.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/documents/{documentId:long}/provided-once-history", ListProvidedOnce)
            .WithName("ListProvidedOnceHistory")
            .WithSummary("List a document's provided-once history")
            .WithDescription("Every entry of the document's providedOnce mark (the state already holds it), ordered by effectiveFrom and when it was recorded. "
                + "The document counts in documents-provided-once from its first entry on." + Rules)
            .WithExamples(response: AttributeExamples.ProvidedOnceList)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/documents/{documentId:long}/provided-once-history", AppendProvidedOnce)
            .WithName("AppendProvidedOnceEntry")
            .WithSummary("Record a change of a document's provided-once mark")
            .WithDescription("The mark is in force from effectiveFrom (default today in Vietnam), published by decisionRef." + Rules)
            .WithExamples(request: AttributeExamples.ProvidedOnceChange, response: AttributeExamples.ProvidedOnce)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/documents/{documentId:long}/provided-once-history/{entryId:long}", RemoveProvidedOnce)
            .WithName("RemoveProvidedOnceEntry")
            .WithSummary("Remove a provided-once entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded. The document's earliest entry stays (the document counts from it): 409; "
                + "correct it with a new entry, or remove the document.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/reviews", ListReviews)
            .WithName("ListReviews")
            .WithSummary("List a procedure's reviews")
            .WithDescription("Every review (rà soát: reviewed, cut and simplified) by date. internal-reviewed and technical-regulation-reviewed count a procedure "
                + "reviewed on a date within the program year and not after the scoreboard's date; lastReviewedOn shows the latest review on or before asOf.")
            .WithExamples(response: AttributeExamples.Reviews)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/reviews", AddReview)
            .WithName("AddReview")
            .WithSummary("Record a review")
            .WithDescription("A review on reviewedOn, with the decision or report that records it and a note.")
            .WithExamples(request: AttributeExamples.ReviewInput, response: AttributeExamples.Review)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/reviews/{reviewId:long}", RemoveReview)
            .WithName("RemoveReview")
            .WithSummary("Remove a review entered by mistake")
            .WithDescription("Only for a review that never took place.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="attribute">Only the entries of this attribute: kind, business-related, online-level, full-online-eligible, boundary-free or technical-regulation.</param>
    private static async Task<Results<Ok<IReadOnlyList<AttributeEntry>>, ValidationProblem, ProblemHttpResult>> ListAttributes(
        long procedureId, [EnumValues(typeof(DatedAttribute))] string? attribute, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var which = ProcedureFilterQuery.ParseEnum<DatedAttribute>(attribute, "attribute", errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await request.Database.OpenReadAsync(request.Cancellation);
        if (await ProcedureQueries.Find(connection, procedureId, request.Cancellation) is null)
        {
            return Problems.NotFound("Procedure", procedureId);
        }

        var rows = await AttributeQueries.Entries(connection, procedureId, which, request.Cancellation);
        return TypedResults.Ok<IReadOnlyList<AttributeEntry>>(rows.Select(AttributeMappings.ToContract).ToList());
    }

    /// <param name="procedureId">The procedure's id.</param>
    private static async Task<Results<Created<IReadOnlyList<AttributeEntry>>, ValidationProblem, ProblemHttpResult>> AppendAttributes(
        long procedureId, AttributeChange input, [AsParameters] CatalogRequest request)
    {
        var values = AttributeMappings.ValuesOf(input);
        if (values.Count == 0)
        {
            return Problems.Invalid("attributes", "Give at least one of kind, businessRelated, onlineLevel, fullOnlineEligible, boundaryFree and technicalRegulation.");
        }

        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.CheckedIfSent);
        if (procedure is null)
        {
            return problem!;
        }

        var recorder = write.Recorder;
        var ids = await AttributeQueries.Record(write.Connection, write.Transaction, write.Dialect, procedureId, values, input.EffectiveFrom ?? recorder.Today,
            input.DecisionRef, recorder, write.Cancellation);
        foreach (var id in ids)
        {
            await ProcedureChanges.PartChanged(write, procedure, "attribute-entry", id, "created");
        }

        var created = (await AttributeQueries.EntriesOf(write.Connection, write.Transaction, procedureId, ids, write.Cancellation)).Select(AttributeMappings.ToContract).ToList();
        await write.CommitAsync();
        return TypedResults.Created<IReadOnlyList<AttributeEntry>>($"/api/v1/procedures/{procedureId}/attribute-history", created);
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="entryId">The entry's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAttribute(long procedureId, long entryId, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.Required);
        if (procedure is null)
        {
            return problem!;
        }

        switch (await AttributeQueries.FindEntry(write.Connection, write.Transaction, procedureId, entryId, write.Cancellation))
        {
            case null:
                return Problems.NotFound("Attribute entry", $"{procedureId}/{entryId}");
            case { Earliest: true }:
                return Problems.Conflict($"Entry {entryId} is the earliest of its attribute: a procedure always has a value of each attribute. Record the right value as a new entry instead.");
        }

        await AttributeQueries.RemoveEntry(write.Connection, write.Transaction, procedureId, entryId, write.Cancellation);
        await ProcedureChanges.PartChanged(write, procedure, "attribute-entry", entryId, "deleted");
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="documentId">The document's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<ProvidedOnceEntry>>, ProblemHttpResult>> ListProvidedOnce(long procedureId, long documentId, [AsParameters] CatalogRequest request)
    {
        await using var connection = await request.Database.OpenReadAsync(request.Cancellation);
        if (await DocumentQueries.Find(connection, procedureId, documentId, request.Cancellation) is null)
        {
            return Problems.NotFound("Document", $"{procedureId}/{documentId}");
        }

        var rows = await AttributeQueries.ProvidedOnceEntries(connection, procedureId, documentId, request.Cancellation);
        return TypedResults.Ok<IReadOnlyList<ProvidedOnceEntry>>(rows.Select(AttributeMappings.ToContract).ToList());
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="documentId">The document's id.</param>
    private static async Task<Results<Created<ProvidedOnceEntry>, ProblemHttpResult>> AppendProvidedOnce(
        long procedureId, long documentId, ProvidedOnceChange input, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await OpenDocument(request, write, procedureId, documentId, ProcedureIfMatch.CheckedIfSent);
        if (procedure is null)
        {
            return problem!;
        }

        var recorder = write.Recorder;
        var id = await AttributeQueries.RecordProvidedOnce(write.Connection, write.Transaction, write.Dialect, procedureId, documentId, input.ProvidedOnce!.Value,
            input.EffectiveFrom ?? recorder.Today, input.DecisionRef, recorder, write.Cancellation);
        await ProcedureChanges.PartChanged(write, procedure, "provided-once-entry", id, "created");
        var created = (await AttributeQueries.ProvidedOnceEntries(write.Connection, procedureId, documentId, write.Cancellation, write.Transaction)).Single(row => row.Id == id);
        await write.CommitAsync();
        return TypedResults.Created($"/api/v1/procedures/{procedureId}/documents/{documentId}/provided-once-history/{id}", AttributeMappings.ToContract(created));
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="documentId">The document's id.</param>
    /// <param name="entryId">The entry's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveProvidedOnce(long procedureId, long documentId, long entryId, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await OpenDocument(request, write, procedureId, documentId, ProcedureIfMatch.Required);
        if (procedure is null)
        {
            return problem!;
        }

        switch (await AttributeQueries.FindProvidedOnceEntry(write.Connection, write.Transaction, documentId, entryId, write.Cancellation))
        {
            case null:
                return Problems.NotFound("Provided-once entry", $"{procedureId}/{documentId}/{entryId}");
            case { Earliest: true }:
                return Problems.Conflict($"Entry {entryId} is the document's earliest: the document counts from it. Record the right mark as a new entry, or remove the document.");
        }

        await AttributeQueries.RemoveProvidedOnceEntry(write.Connection, write.Transaction, documentId, entryId, write.Cancellation);
        await ProcedureChanges.PartChanged(write, procedure, "provided-once-entry", entryId, "deleted");
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <param name="procedureId">The procedure's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<Review>>, ProblemHttpResult>> ListReviews(long procedureId, [AsParameters] CatalogRequest request)
    {
        await using var connection = await request.Database.OpenReadAsync(request.Cancellation);
        if (await ProcedureQueries.Find(connection, procedureId, request.Cancellation) is null)
        {
            return Problems.NotFound("Procedure", procedureId);
        }

        var rows = await AttributeQueries.Reviews(connection, procedureId, request.Cancellation);
        return TypedResults.Ok<IReadOnlyList<Review>>(rows.Select(AttributeMappings.ToContract).ToList());
    }

    /// <param name="procedureId">The procedure's id.</param>
    private static async Task<Results<Created<Review>, ProblemHttpResult>> AddReview(long procedureId, ReviewInput input, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.CheckedIfSent);
        if (procedure is null)
        {
            return problem!;
        }

        var id = await AttributeQueries.AddReview(write.Connection, write.Transaction, write.Dialect, procedureId, input.ReviewedOn!.Value, input.DecisionRef, input.Note,
            write.Recorder, write.Cancellation);
        await ProcedureChanges.PartChanged(write, procedure, "review", id, "created");
        var created = (await AttributeQueries.FindReview(write.Connection, write.Transaction, procedureId, id, write.Cancellation))!;
        await write.CommitAsync();
        return TypedResults.Created($"/api/v1/procedures/{procedureId}/reviews/{id}", AttributeMappings.ToContract(created));
    }

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="reviewId">The review's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveReview(long procedureId, long reviewId, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.Required);
        if (procedure is null)
        {
            return problem!;
        }

        if (await AttributeQueries.RemoveReview(write.Connection, write.Transaction, procedureId, reviewId, write.Cancellation) == 0)
        {
            return Problems.NotFound("Review", $"{procedureId}/{reviewId}");
        }

        await ProcedureChanges.PartChanged(write, procedure, "review", reviewId, "deleted");
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The procedure of a document to change, or the problem: the procedure's refusal first, then an unknown document.</summary>
    private static async Task<(ProcedureRow? Procedure, ProblemHttpResult? Problem)> OpenDocument(
        CatalogRequest request, CatalogWrite write, long procedureId, long documentId, ProcedureIfMatch ifMatch)
    {
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ifMatch);
        if (procedure is null)
        {
            return (null, problem);
        }

        return await DocumentQueries.Find(write.Connection, procedureId, documentId, write.Cancellation, write.Transaction) is null
            ? (null, Problems.NotFound("Document", $"{procedureId}/{documentId}"))
            : (procedure, null);
    }
}
