using System.Data.Common;
using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

public static class ProcedureEndpoints
{
    public static void MapProcedures(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures").WithTags("Procedures");

        group.MapGet("/", List)
            .WithName("ListProcedures")
            .WithSummary("List and search procedures")
            .WithDescription("Filters combine with AND. q finds words in the code or name ignoring case and Vietnamese diacritics (đ as d). "
                + "The dated attributes (kind, businessRelated, onlineLevel, fullOnlineEligible, boundaryFree, technicalRegulation) are filtered and shown "
                + "as in force on asOf (default today in Vietnam). Pages hold at most 100 rows; totalCount counts all matches.")
            .WithExamples(response: ProcedureExamples.List)
            .ProducesValidationProblem();

        group.MapGet("/{id:long}", Get)
            .WithName("GetProcedure")
            .WithETag()
            .WithSummary("Get one procedure")
            .WithDescription("The procedure with its documents, legal basis, the processing time and cost and the dated attributes (kind, businessRelated, "
                + "onlineLevel, fullOnlineEligible, boundaryFree, technicalRegulation, each document's providedOnce, the latest review) in force on asOf "
                + "(default: today in Vietnam). "
                + "The ETag names this representation: the procedure's id and version, then a digest of the body (\"311001-4.5f0c2a9e61b3d7a4\"), "
                + "so that it changes when the values in force do (another day, another asOf) or when its field or agency is renamed. "
                + "If-Match takes any ETag read of the current version, whatever the date it was read.")
            .WithExamples(response: ProcedureExamples.Detail)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/jurisdictions/{jurisdiction}/procedures/{code}", GetByCode)
            .WithTags("Procedures")
            .WithName("GetProcedureByCode")
            .WithETag()
            .WithSummary("Get one procedure by jurisdiction and code")
            .WithDescription("The same as GetProcedure, found by its natural key (jurisdiction, mã thủ tục). A procedure deleted and created again at "
                + "the same key has a new id, so an ETag read from the deleted one neither answers 304 nor passes If-Match.")
            .WithExamples(response: ProcedureExamples.Detail)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/jurisdictions/{jurisdiction}/procedures/{code}", PutByCode)
            .WithTags("Procedures")
            .WithName("PutProcedureByCode")
            .WithSummary("Create or replace a procedure at its natural key (idempotent sync)")
            .WithDescription("For one-stop systems that keep the catalogue in sync: creates the procedure (201) or replaces its description, legal basis and "
                + "documents (200). Repeating the same body changes nothing and records no change, without If-Match. A body that differs from what is stored "
                + "needs If-Match with the ETag you read (428 without, 412 when stale). Status and history change through their own operations. "
                + "Dated attributes and providedOnce marks that differ from those in force on effectiveFrom (default today) become entries from that day; "
                + "a new procedure's values hold from the beginning.")
            .WithExamples(request: ProcedureExamples.Upsert, response: ProcedureExamples.Detail)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/", Create)
            .WithName("CreateProcedure")
            .WithSummary("Create a procedure")
            .WithDescription("Adds a procedure, active, to a jurisdiction's catalogue, with its legal basis and documents. "
                + "(jurisdiction, code) is unique: 409 when taken. An unknown field or an agency of another jurisdiction gets 422. "
                + "Its dated attributes and its documents' providedOnce marks hold from the beginning (later changes are dated entries); lastReviewedOn "
                + "records a review. Processing time and cost are added afterwards as history entries.")
            .WithExamples(request: ProcedureExamples.Create, response: ProcedureExamples.Detail)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:long}", Update)
            .WithName("UpdateProcedure")
            .WithSummary("Update a procedure")
            .WithDescription("Replaces the procedure's description and legal basis. Its jurisdiction, status, documents and history change through their own operations. "
                + "The dated attributes of the body that differ from those in force on effectiveFrom (default today) are recorded as entries from that day, "
                + "with decisionRef; lastReviewedOn records a review on that day unless there is one. "
                + "Send If-Match with the ETag you read (412 when someone changed it since).")
            .WithExamples(request: ProcedureExamples.Update, response: ProcedureExamples.Detail)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:long}/status", ChangeStatus)
            .WithName("ChangeProcedureStatus")
            .WithSummary("Abolish or reinstate a procedure")
            .WithDescription("status abolished needs abolishedOn (bãi bỏ from that date; the history stays and reports count its burden as gone from then). "
                + "status active reinstates a procedure abolished by mistake. Setting the state it already has changes nothing.")
            .WithExamples(request: ProcedureExamples.Abolish, response: ProcedureExamples.Detail)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/{id:long}", Delete)
            .WithName("DeleteProcedure")
            .WithSummary("Delete a procedure entered by mistake")
            .WithDescription("Removes a procedure with its documents and legal basis. A procedure with time or cost history is part of the record: "
                + "it is refused with 409 (abolish it, or remove the mistaken history entries first).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<PageOf<ProcedureSummary>>, ValidationProblem>> List(
        [AsParameters] ProcedureListQuery query, CatalogDatabase database, CatalogClock clock, IMapper mapper, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var filter = query.ToFilter(errors);
        var asOf = Reports.ReportText.Date(query.AsOf, "asOf", errors);
        var sort = query.ToSort(errors);
        var (page, pageSize) = Paging.Read(query.Page, query.PageSize, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        var (rows, total) = await ProcedureQueries.List(connection, database.Dialect, filter, sort, page, pageSize, asOf ?? clock.Today, cancellationToken);
        return TypedResults.Ok(Paging.Of(rows.Select(mapper.Map<ProcedureSummary>).ToList(), page, pageSize, total));
    }

    /// <param name="id">The procedure's id.</param>
    /// <param name="asOf">Date (YYYY-MM-DD) for the values in force; default today in Vietnam.</param>
    private static async Task<Results<Ok<ProcedureDetail>, ValidationProblem, ProblemHttpResult>> Get(
        long id, DateOnly? asOf, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var connection = await request.OpenAsync();
        var row = await ProcedureQueries.Find(connection, id, request.Cancellation, asOf: asOf ?? request.Clock.Today);
        return await Answer(row, id.ToString(System.Globalization.CultureInfo.InvariantCulture), asOf, request, connection, mapper);
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="code">mã thủ tục.</param>
    /// <param name="asOf">Date (YYYY-MM-DD) for the values in force; default today in Vietnam.</param>
    private static async Task<Results<Ok<ProcedureDetail>, ValidationProblem, ProblemHttpResult>> GetByCode(
        string jurisdiction, string code, DateOnly? asOf, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var connection = await request.OpenAsync();
        var row = await ProcedureQueries.FindByCode(connection, jurisdiction, code, request.Cancellation, asOf: asOf ?? request.Clock.Today);
        return await Answer(row, $"{jurisdiction}/{code}", asOf, request, connection, mapper);
    }

    private static async Task<Results<Ok<ProcedureDetail>, ValidationProblem, ProblemHttpResult>> Answer(
        ProcedureRow? row, string key, DateOnly? asOf, CatalogRequest request, DbConnection connection, IMapper mapper)
    {
        if (asOf is { } date && (date < PlausibleDateAttribute.Earliest || date > PlausibleDateAttribute.Latest))
        {
            return Problems.Invalid("asOf", "asOf must be a date from 1945-01-01 to 2100-12-31.");
        }

        if (row is null)
        {
            return Problems.NotFound("Procedure", key);
        }

        return TypedResults.Ok(await Detail(row, asOf ?? request.Clock.Today, request, connection, mapper));
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="code">mã thủ tục.</param>
    private static async Task<Results<Created<ProcedureDetail>, Ok<ProcedureDetail>, ValidationProblem, ProblemHttpResult>> PutByCode(
        string jurisdiction, string code, ProcedureUpsert input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        var errors = new Errors();
        Jurisdictions.Jurisdiction.Check(jurisdiction, errors);
        errors.When(!System.Text.RegularExpressions.Regex.IsMatch(code, ProcedureRules.CodePattern), "code", ProcedureRules.CodeRule);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        if (request.Refuse(jurisdiction) is { } refused)
        {
            return refused;
        }

        await using var write = await request.BeginWriteAsync();
        var outcome = await ProcedureUpserts.Put(write, request.IfMatch, jurisdiction, code, input);
        if (outcome is not (ProcedureOutcome.Created or ProcedureOutcome.Replaced or ProcedureOutcome.Unchanged))
        {
            return ProcedureRequests.Problem(outcome, request.Caller);
        }

        await write.CommitAsync();
        var id = outcome switch
        {
            ProcedureOutcome.Created(var created) => created,
            ProcedureOutcome.Replaced(var replaced) => replaced,
            _ => ((ProcedureOutcome.Unchanged)outcome).Id,
        };
        var detail = await Reread(id, request, write, mapper);
        return outcome is ProcedureOutcome.Created ? TypedResults.Created($"/api/v1/procedures/{id}", detail) : TypedResults.Ok(detail);
    }

    private static async Task<Results<Created<ProcedureDetail>, ProblemHttpResult>> Create(ProcedureCreate input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        if (request.Refuse(input.Jurisdiction) is { } refused)
        {
            return refused;
        }

        await using var write = await request.BeginWriteAsync();
        var outcome = await ProcedureWrites.Create(write.Connection, write.Transaction, write.Dialect, input, write.Recorder, write.Cancellation);
        if (outcome is not ProcedureOutcome.Created(var id))
        {
            return ProcedureRequests.Problem(outcome, request.Caller);
        }

        await ProcedureChanges.Recorded(write, id, input.Jurisdiction, input.Code, 1, "created");
        await write.CommitAsync();
        return TypedResults.Created($"/api/v1/procedures/{id}", await Reread(id, request, write, mapper));
    }

    private static async Task<Results<Ok<ProcedureDetail>, ProblemHttpResult>> Update(long id, ProcedureUpdate input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var write = await request.BeginWriteAsync();
        var (current, problem) = await ProcedureRequests.Open(request, write, id, ProcedureIfMatch.Required);
        if (current is null)
        {
            return problem!;
        }

        var errors = await ProcedureWrites.CheckReferences(write.Connection, write.Transaction, current.JurisdictionCode, input.FieldId!.Value, input.AgencyId!.Value, write.Cancellation);
        var parts = await ProcedureParts.Plan(write.Connection, write.Transaction, current.JurisdictionCode, input, errors, write.Cancellation);
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        if (await ProcedureParts.Conflict(write.Connection, write.Transaction, id, parts, write.Cancellation) is { } dropped)
        {
            return Problems.Conflict(dropped);
        }

        if (await ProcedureQueries.IdOfCode(write.Connection, write.Transaction, current.JurisdictionCode, input.Code, write.Cancellation) is { } other && other != id)
        {
            return Problems.Conflict($"Jurisdiction '{current.JurisdictionCode}' already has a procedure with code '{input.Code}' (id {other}).");
        }

        if (await ProcedureQueries.Update(write.Connection, write.Transaction, write.Dialect, id, current.Version, input, write.Recorder, write.Cancellation) == 0)
        {
            return Resource.PreconditionFailed(current);
        }

        await ProcedureQueries.ReplaceLegalBasis(write.Connection, write.Transaction, id, input.LegalBasis, write.Cancellation);
        await ProcedureParts.Write(write.Connection, write.Transaction, id, input.Code, input.Name, parts, write.Cancellation);
        await ProcedureChanges.Recorded(write, id, current.JurisdictionCode, input.Code, current.Version + 1, "updated");
        await write.CommitAsync();
        return TypedResults.Ok(await Reread(id, request, write, mapper));
    }

    private static async Task<Results<Ok<ProcedureDetail>, ProblemHttpResult>> ChangeStatus(
        long id, ProcedureStatusChange input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        var status = input.Status!.Value;
        if (status == ProcedureStatus.Abolished && input.AbolishedOn is null)
        {
            return Problems.Unprocessable("abolishedOn", "Abolishing needs the date it takes effect (abolishedOn).");
        }

        if (status == ProcedureStatus.Active && input.AbolishedOn is not null)
        {
            return Problems.Unprocessable("abolishedOn", "An active procedure has no abolishedOn; leave it out to reinstate.");
        }

        await using var write = await request.BeginWriteAsync();
        var (current, problem) = await ProcedureRequests.Open(request, write, id, ProcedureIfMatch.Required);
        if (current is null)
        {
            return problem!;
        }

        var unchanged = current.Status == EnumText.Of(status) && current.AbolishedOn == input.AbolishedOn;
        if (!unchanged)
        {
            if (await ProcedureQueries.ChangeStatus(write.Connection, write.Transaction, id, current.Version, status, input.AbolishedOn, write.Now, write.Cancellation) == 0)
            {
                return Resource.PreconditionFailed(current);
            }

            await ProcedureChanges.Recorded(write, id, current.JurisdictionCode, current.Code, current.Version + 1,
                status == ProcedureStatus.Abolished ? "abolished" : "reinstated");
        }

        await write.CommitAsync();
        return TypedResults.Ok(await Reread(id, request, write, mapper));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (current, problem) = await ProcedureRequests.Open(request, write, id, ProcedureIfMatch.Required);
        if (current is null)
        {
            return problem!;
        }

        var historyEntries = await HistoryQueries.CountFor(write.Connection, write.Transaction, id, write.Cancellation);
        if (historyEntries > 0)
        {
            return Problems.Conflict(
                $"Procedure {id} has {historyEntries} time or cost history entries and is part of the record. Abolish it instead, or remove the entries entered by mistake first.");
        }

        if (await ProcedureQueries.Delete(write.Connection, write.Transaction, id, current.Version, write.Cancellation) == 0)
        {
            return Resource.PreconditionFailed(current);
        }

        await ProcedureChanges.Recorded(write, id, current.JurisdictionCode, current.Code, null, "deleted");
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    private static VersionedResource<ProcedureRow> Resource => ProcedureChanges.Resource;

    /// <summary>The procedure as committed, in force today.</summary>
    private static async Task<ProcedureDetail> Reread(long id, CatalogRequest request, CatalogWrite write, IMapper mapper)
    {
        var row = (await ProcedureQueries.Find(write.Connection, id, write.Cancellation, asOf: request.Clock.Today))!;
        return await Detail(row, request.Clock.Today, request, write.Connection, mapper);
    }

    /// <summary>The representation sent, with the ETag that names it.</summary>
    private static async Task<ProcedureDetail> Detail(ProcedureRow row, DateOnly asOf, CatalogRequest request, DbConnection connection, IMapper mapper)
    {
        var detail = await ProcedureReads.Detail(connection, mapper, row, asOf, request.Cancellation);
        Resource.SetETag(request.Http, row, detail);
        return detail;
    }
}
