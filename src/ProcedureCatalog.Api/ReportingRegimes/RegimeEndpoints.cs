using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.ReportingRegimes;

/// <summary>The query string of the regime list.</summary>
public sealed class RegimeListQuery
{
    /// <summary>Only this jurisdiction's regimes: VN or a province code.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Only the regimes whose reports go to this agency id.</summary>
    public string? AgencyId { get; init; }

    /// <summary>monthly, quarterly, half-yearly, yearly or ad-hoc.</summary>
    [EnumValues(typeof(ReportingFrequency))]
    public string? Frequency { get; init; }

    /// <summary>active or abolished.</summary>
    [EnumValues(typeof(ProcedureStatus))]
    public string? Status { get; init; }

    /// <summary>Date (YYYY-MM-DD) of the electronic value in force; default today in Vietnam.</summary>
    public string? AsOf { get; init; }

    /// <summary>Page number, from 1.</summary>
    public string? Page { get; init; }

    /// <summary>Rows per page, 1 to 100 (default 20).</summary>
    public string? PageSize { get; init; }
}

public static class RegimeEndpoints
{
    private const string HistoryRules = History.HistoryEndpoints.HistoryRules + " Before the first entry nothing is in force, and the regime does not count as electronic.";

    public static void MapReportingRegimes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reporting-regimes").WithTags("Reporting regimes");

        group.MapGet("/", List)
            .WithName("ListReportingRegimes")
            .WithSummary("List business reporting regimes")
            .WithDescription("The reporting regimes imposed on businesses (chế độ báo cáo của doanh nghiệp), the denominator of the indicator business-reporting-electronic, "
                + "with whether each is electronic on asOf (default today). Ordered by jurisdiction and name; pages hold at most 100 rows.")
            .WithExamples(response: RegimeExamples.List)
            .ProducesValidationProblem();

        group.MapGet("/{id:long}", Get)
            .WithName("GetReportingRegime")
            .WithETag()
            .WithSummary("Get one reporting regime")
            .WithDescription("The regime with the entry of its electronic history in force on asOf (default today in Vietnam). The ETag is its id and version, "
                + "then a digest of the body (\"7-3.5f0c2a9e61b3d7a4\"), so it changes with asOf; If-Match takes any ETag read of the current version.")
            .WithExamples(response: RegimeExamples.Regime)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create)
            .WithName("CreateReportingRegime")
            .WithSummary("Create a reporting regime")
            .WithDescription("Adds a regime to a jurisdiction, optionally with the first entry of its electronic history (effective on the day it is recorded "
                + "unless it names effectiveFrom). Its name is unique within the jurisdiction (409); an unknown jurisdiction or an agency of another jurisdiction gets 422.")
            .WithExamples(request: RegimeExamples.Create, response: RegimeExamples.Regime)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:long}", Update)
            .WithName("UpdateReportingRegime")
            .WithSummary("Update a reporting regime")
            .WithDescription("Replaces the regime's name, legal basis, agency, frequency and status (abolished with abolishedOn, or active again). "
                + "Its jurisdiction stays; its electronic history changes through its own operations. Send If-Match with the ETag you read (428 without, 412 when stale).")
            .WithExamples(request: RegimeExamples.Update, response: RegimeExamples.Regime)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{id:long}", Delete)
            .WithName("DeleteReportingRegime")
            .WithSummary("Delete a reporting regime entered by mistake")
            .WithDescription("A regime with an electronic history is part of the record: it is refused with 409 (abolish it, or remove the mistaken entries first). "
                + "Its id is never given to another regime.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/{id:long}/electronic-history", ListHistory)
            .WithName("ListElectronicHistory")
            .WithSummary("List a regime's electronic history")
            .WithDescription("Every entry, ordered by effectiveFrom, then by when it was recorded, with the key that recorded it." + HistoryRules)
            .WithExamples(response: RegimeExamples.History)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:long}/electronic-history", Append)
            .WithName("AppendElectronicEntry")
            .WithSummary("Append an electronic entry")
            .WithDescription("Records whether the regime's reports are electronic from effectiveFrom (default: the day it is recorded), published by a decision. "
                + "If-Match is checked when sent (412 when stale)." + HistoryRules)
            .WithExamples(request: RegimeExamples.EntryInput, response: RegimeExamples.Entry)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/{id:long}/electronic-history/{entryId:long}", Remove)
            .WithName("RemoveElectronicEntry")
            .WithSummary("Remove an electronic entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded; a real change is a new entry. Needs If-Match with the regime's ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        RegimeTransfers.Map(api);
    }

    private static async Task<Results<Ok<PageOf<ReportingRegime>>, ValidationProblem>> List([AsParameters] RegimeListQuery query, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        Jurisdiction.Check(query.Jurisdiction, errors);
        var filter = new RegimeFilter(
            query.Jurisdiction,
            ProcedureFilterQuery.ParseId(query.AgencyId, "agencyId", errors),
            ProcedureFilterQuery.ParseEnum<ReportingFrequency>(query.Frequency, "frequency", errors),
            ProcedureFilterQuery.ParseEnum<ProcedureStatus>(query.Status, "status", errors));
        var asOf = Reports.ReportText.Date(query.AsOf, "asOf", errors) ?? request.Clock.Today;
        var (page, pageSize) = Paging.Read(query.Page, query.PageSize, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await request.OpenAsync();
        var (rows, total) = await RegimeQueries.List(connection, request.Database.Dialect, filter, asOf, page, pageSize, request.Cancellation);
        return TypedResults.Ok(Paging.Of(rows.Select(row => RegimeMappings.ToContract(row, asOf)).ToList(), page, pageSize, total));
    }

    /// <param name="id">The regime's id.</param>
    /// <param name="asOf">Date (YYYY-MM-DD) of the electronic value in force; default today in Vietnam.</param>
    private static async Task<Results<Ok<ReportingRegime>, ValidationProblem, ProblemHttpResult>> Get(long id, string? asOf, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var date = Reports.ReportText.Date(asOf, "asOf", errors) ?? request.Clock.Today;
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await request.OpenAsync();
        var row = await RegimeQueries.Find(connection, id, date, request.Cancellation);
        return row is null ? NotFound(id) : TypedResults.Ok(Answer(request, row, date));
    }

    private static async Task<Results<Created<ReportingRegime>, ValidationProblem, ProblemHttpResult>> Create(ReportingRegimeCreate input, [AsParameters] CatalogRequest request)
    {
        var description = RegimeDescription.Of(input);
        var errors = new Errors();
        RegimeDescription.CheckStatus(description.Status, description.AbolishedOn, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        if (request.Refuse(input.Jurisdiction) is { } refused)
        {
            return refused;
        }

        await using var write = await request.BeginWriteAsync();
        if (await JurisdictionQueries.Find(write.Connection, input.Jurisdiction, write.Cancellation, write.Transaction) is null)
        {
            return Problems.Unprocessable("jurisdiction", $"Jurisdiction '{input.Jurisdiction}' does not exist.");
        }

        var references = await RegimeWrites.CheckAgency(write.Connection, write.Transaction, input.Jurisdiction, description.AgencyId, write.Cancellation);
        if (references.Any)
        {
            return Problems.Unprocessable(references.ToDictionary());
        }

        if (await RegimeQueries.IdOfName(write.Connection, write.Transaction, input.Jurisdiction, description.Name, write.Cancellation) is { } existing)
        {
            return Problems.Conflict($"Jurisdiction '{input.Jurisdiction}' already has a reporting regime named '{description.Name}' (id {existing}).");
        }

        var id = await RegimeWrites.Create(write, input.Jurisdiction, description, input.Electronic, request.Clock.Today);
        await write.CommitAsync();
        return TypedResults.Created($"/api/v1/reporting-regimes/{id}", await Reread(request, write, id));
    }

    /// <param name="id">The regime's id.</param>
    private static async Task<Results<Ok<ReportingRegime>, ValidationProblem, ProblemHttpResult>> Update(long id, ReportingRegimeUpdate input, [AsParameters] CatalogRequest request)
    {
        var description = RegimeDescription.Of(input);
        var errors = new Errors();
        RegimeDescription.CheckStatus(description.Status, description.AbolishedOn, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var write = await request.BeginWriteAsync();
        var (current, problem) = await Open(request, write, id, IfMatchRule.Required);
        if (current is null)
        {
            return problem!;
        }

        var references = await RegimeWrites.CheckAgency(write.Connection, write.Transaction, current.JurisdictionCode, description.AgencyId, write.Cancellation);
        if (references.Any)
        {
            return Problems.Unprocessable(references.ToDictionary());
        }

        if (await RegimeQueries.IdOfName(write.Connection, write.Transaction, current.JurisdictionCode, description.Name, write.Cancellation) is { } other && other != id)
        {
            return Problems.Conflict($"Another reporting regime of '{current.JurisdictionCode}' (id {other}) already has the name '{description.Name}'.");
        }

        if (await RegimeQueries.Update(write.Connection, write.Transaction, id, current.Version, description, write.Now, write.Cancellation) == 0)
        {
            return RegimeWrites.Resource.PreconditionFailed(current);
        }

        await RegimeWrites.Recorded(write, id, current.JurisdictionCode, RegimeWrites.ActionOf(current, description), current.Version + 1);
        await write.CommitAsync();
        return TypedResults.Ok(await Reread(request, write, id));
    }

    /// <param name="id">The regime's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (current, problem) = await Open(request, write, id, IfMatchRule.Required);
        if (current is null)
        {
            return problem!;
        }

        var entries = await RegimeQueries.CountEntries(write.Connection, write.Transaction, id, write.Cancellation);
        if (entries > 0)
        {
            return Problems.Conflict($"Reporting regime {id} has {entries} electronic history entries and is part of the record. Abolish it instead, or remove the entries entered by mistake first.");
        }

        if (await RegimeQueries.Delete(write.Connection, write.Transaction, id, current.Version, write.Cancellation) == 0)
        {
            return RegimeWrites.Resource.PreconditionFailed(current);
        }

        await RegimeWrites.Recorded(write, id, current.JurisdictionCode, "deleted", null);
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <param name="id">The regime's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<ElectronicEntry>>, ProblemHttpResult>> ListHistory(long id, [AsParameters] CatalogRequest request)
    {
        await using var connection = await request.OpenAsync();
        if (await RegimeQueries.Find(connection, id, request.Clock.Today, request.Cancellation) is null)
        {
            return NotFound(id);
        }

        var rows = await RegimeQueries.Entries(connection, id, request.Cancellation);
        return TypedResults.Ok<IReadOnlyList<ElectronicEntry>>(rows.Select(RegimeMappings.ToContract).ToList());
    }

    /// <param name="id">The regime's id.</param>
    private static async Task<Results<Created<ElectronicEntry>, ProblemHttpResult>> Append(long id, ElectronicEntryInput input, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (regime, problem) = await Open(request, write, id, IfMatchRule.CheckedIfSent);
        if (regime is null)
        {
            return problem!;
        }

        var entryId = await RegimeWrites.AppendEntry(write, id, input, request.Clock.Today);
        var version = await RegimeQueries.Touch(write.Connection, write.Transaction, id, write.Now, write.Cancellation);
        await RegimeWrites.EntryRecorded(write, id, entryId, regime.JurisdictionCode, "created", version);
        var created = (await RegimeQueries.FindEntry(write.Connection, id, entryId, write.Cancellation, write.Transaction))!;
        await write.CommitAsync();
        return TypedResults.Created($"/api/v1/reporting-regimes/{id}/electronic-history/{entryId}", RegimeMappings.ToContract(created));
    }

    /// <param name="id">The regime's id.</param>
    /// <param name="entryId">The entry's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(long id, long entryId, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (regime, problem) = await Open(request, write, id, IfMatchRule.Required);
        if (regime is null)
        {
            return problem!;
        }

        if (await RegimeQueries.RemoveEntry(write.Connection, write.Transaction, id, entryId, write.Cancellation) == 0)
        {
            return Problems.NotFound("Electronic entry", $"{id}/{entryId}");
        }

        var version = await RegimeQueries.Touch(write.Connection, write.Transaction, id, write.Now, write.Cancellation);
        await RegimeWrites.EntryRecorded(write, id, entryId, regime.JurisdictionCode, "deleted", version);
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>Required: a change of the regime or a removal from its history; CheckedIfSent: an addition to its history.</summary>
    private enum IfMatchRule
    {
        CheckedIfSent,
        Required,
    }

    /// <summary>The regime to change, or the problem that stops it: 404, 403, then 428 or 412 as <paramref name="rule"/> asks.</summary>
    private static async Task<(RegimeRow? Regime, ProblemHttpResult? Problem)> Open(CatalogRequest request, CatalogWrite write, long id, IfMatchRule rule)
    {
        var regime = await RegimeQueries.Find(write.Connection, id, request.Clock.Today, write.Cancellation, write.Transaction);
        if (regime is null)
        {
            return (null, NotFound(id));
        }

        var problem = request.Refuse(regime.JurisdictionCode)
            ?? (rule == IfMatchRule.Required ? RegimeWrites.Resource.Precondition(request, regime) : RegimeWrites.Resource.PreconditionIfSent(request, regime));
        return problem is null ? (regime, null) : (null, problem);
    }

    private static ProblemHttpResult NotFound(long id) => Problems.NotFound("Reporting regime", id);

    /// <summary>The regime as committed, read for today, with the ETag that names it.</summary>
    private static async Task<ReportingRegime> Reread(CatalogRequest request, CatalogWrite write, long id)
    {
        var today = request.Clock.Today;
        return Answer(request, (await RegimeQueries.Find(write.Connection, id, today, write.Cancellation))!, today);
    }

    private static ReportingRegime Answer(CatalogRequest request, RegimeRow row, DateOnly asOf)
    {
        var regime = RegimeMappings.ToContract(row, asOf);
        RegimeWrites.Resource.SetETag(request.Http, row, regime);
        return regime;
    }
}
