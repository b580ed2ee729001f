using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Plans;

public static class PlanEndpoints
{
    public const string Tag = "Plans";

    public static void MapPlans(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/plans").WithTags(Tag);

        group.MapGet("/", List)
            .WithName("ListPlans")
            .WithSummary("List plans")
            .WithDescription("The local plans (kế hoạch) that implement a reduction program, optionally of one jurisdiction or program, by jurisdiction, newest first.")
            .WithExamples(response: PlanExamples.List);

        group.MapGet("/{id:long}", Get)
            .WithName("GetPlan")
            .WithETag()
            .WithSummary("Get one plan")
            .WithDescription("One plan by id; its tasks are at /plans/{id}/tasks. The ETag carries its id and version.")
            .WithExamples(response: PlanExamples.CanTho)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create)
            .WithName("CreatePlan")
            .WithSummary("Create a plan")
            .WithDescription("Adds a plan of a jurisdiction (an editor key of that jurisdiction, or admin). number and issuedOn go together, or neither when the copy "
                + "at hand does not show them; a plan of the jurisdiction with the same number and date is a 409. An unknown jurisdiction or program is a 422. "
                + "Then add its tasks one by one or import its annex (POST /plans/{id}/annex).")
            .WithExamples(request: PlanExamples.Create, response: PlanExamples.CanTho)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:long}", Update)
            .WithName("UpdatePlan")
            .WithSummary("Change a plan")
            .WithDescription("Replaces a plan's number, date, issuer, title and program; its jurisdiction stays. Send If-Match with the ETag you read (428 without, 412 when stale).")
            .WithExamples(request: PlanExamples.Update, response: PlanExamples.CanTho)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{id:long}", Delete)
            .WithName("DeletePlan")
            .WithSummary("Delete a plan entered by mistake")
            .WithDescription("Deletes a plan with its tasks, as long as no progress is recorded on any of them (409 otherwise: progress is history). Send If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/{id:long}/audit", Audit)
            .WithName("GetPlanAudit")
            .WithSummary("A plan's audit trail")
            .WithDescription("Every change to the plan, its tasks and their progress (also those imported from its annex), with the name of the API key that made it "
                + "and when, oldest first. The same changes are in the change feed (GET /changes) as entities plan, plan-task and milestone-progress, keyed "
                + "planId, planId/taskId and planId/taskId/entryId. It stays readable after the plan is deleted.")
            .WithExamples(response: PlanExamples.Audit)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static readonly VersionedResource<PlanRow> Resource = new("plan", row => row.Version, IdOf: row => row.Id,
        ChangeOf: (row, action) => new ChangeEntry("plan", PlanKeys.Plan(row.Id), action, Jurisdiction: row.JurisdictionCode, Version: row.Version));

    /// <param name="jurisdiction">Only the plans of this jurisdiction (VN or a province code).</param>
    /// <param name="program">Only the plans of this reduction program, e.g. resolution-66.</param>
    private static async Task<Results<Ok<IReadOnlyList<Plan>>, ValidationProblem>> List(string? jurisdiction, string? program, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        Jurisdiction.Check(jurisdiction, errors);
        errors.When(program is not null && !System.Text.RegularExpressions.Regex.IsMatch(program, Plan.ProgramPattern), "program", Plan.ProgramRule);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await request.OpenAsync();
        var rows = await PlanQueries.List(connection, jurisdiction, program, request.Cancellation);
        return TypedResults.Ok<IReadOnlyList<Plan>>(rows.Select(PlanMappings.ToContract).ToList());
    }

    /// <param name="id">The plan's id.</param>
    private static async Task<Results<Ok<Plan>, ProblemHttpResult>> Get(long id, [AsParameters] CatalogRequest request)
    {
        await using var connection = await request.OpenAsync();
        if (await PlanQueries.Find(connection, id, request.Cancellation) is not { } row)
        {
            return Problems.NotFound("Plan", id);
        }

        Resource.SetETag(request.Http, row);
        return TypedResults.Ok(PlanMappings.ToContract(row));
    }

    private static async Task<Results<Created<Plan>, ValidationProblem, ProblemHttpResult>> Create(PlanCreate input, [AsParameters] CatalogRequest request)
    {
        if (CheckNumber(input.Number, input.IssuedOn) is { } invalid)
        {
            return invalid;
        }

        await using var write = await request.BeginWriteAsync();
        if (request.Refuse(input.Jurisdiction) is { } refused)
        {
            return refused;
        }

        var program = input.Program ?? Reports.ReportText.DefaultProgram;
        if (await Unfit(write, input.Jurisdiction, program, input.Number, input.IssuedOn, null) is { } unfit)
        {
            return unfit;
        }

        var id = await PlanQueries.Insert(write.Connection, write.Transaction, write.Dialect, input, program, write.Now, write.Cancellation);
        return await Resource.Created(request, write, () => Find(write, id), PlanMappings.ToContract, row => $"/api/v1/plans/{row.Id}");
    }

    /// <param name="id">The plan's id.</param>
    private static async Task<Results<Ok<Plan>, ValidationProblem, ProblemHttpResult>> Update(long id, PlanUpdate input, [AsParameters] CatalogRequest request)
    {
        if (CheckNumber(input.Number, input.IssuedOn) is { } invalid)
        {
            return invalid;
        }

        await using var write = await request.BeginWriteAsync();
        if (await Find(write, id) is not { } current)
        {
            return Problems.NotFound("Plan", id);
        }

        if (request.Refuse(current.JurisdictionCode) is { } refused)
        {
            return refused;
        }

        var program = input.Program ?? Reports.ReportText.DefaultProgram;
        if (await Unfit(write, current.JurisdictionCode, program, input.Number, input.IssuedOn, id) is { } unfit)
        {
            return unfit;
        }

        var updated = await Resource.Updated(request, write, current,
            version => PlanQueries.Update(write.Connection, write.Transaction, id, version, input, program, write.Now, write.Cancellation),
            () => Find(write, id), PlanMappings.ToContract);
        return updated.Result is Ok<Plan> ok ? ok : (ProblemHttpResult)updated.Result;
    }

    /// <param name="id">The plan's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        if (await Find(write, id) is not { } current)
        {
            return Problems.NotFound("Plan", id);
        }

        if (request.Refuse(current.JurisdictionCode) is { } refused)
        {
            return refused;
        }

        if (Resource.Precondition(request, current) is { } precondition)
        {
            return precondition;
        }

        if (await PlanTaskQueries.ProgressCount(write.Connection, write.Transaction, id, null, write.Cancellation) is > 0 and var entries)
        {
            return Problems.Conflict($"Plan {id} has {entries} progress entries recorded on its tasks; progress is history, so the plan stays. Remove entries recorded by mistake first.");
        }

        var tasks = await PlanTaskQueries.Tasks(write.Connection, id, null, write.Cancellation, write.Transaction);
        if (await PlanQueries.Delete(write.Connection, write.Transaction, id, current.Version, write.Cancellation) == 0)
        {
            return Resource.PreconditionFailed(current);
        }

        foreach (var task in tasks)
        {
            await write.Record(new ChangeEntry("plan-task", PlanKeys.Task(id, task.Id), "deleted", Jurisdiction: current.JurisdictionCode));
        }

        await write.Record(new ChangeEntry("plan", PlanKeys.Plan(id), "deleted", Jurisdiction: current.JurisdictionCode));
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <param name="id">The plan's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<Change>>, ProblemHttpResult>> Audit(long id, [AsParameters] CatalogRequest request, MapsterMapper.IMapper mapper)
    {
        await using var connection = await request.OpenAsync();
        var rows = await PlanQueries.Audit(connection, request.Database.Dialect, id, request.Cancellation);
        if (rows.Count == 0 && await PlanQueries.Find(connection, id, request.Cancellation) is null)
        {
            return Problems.NotFound("Plan", id);
        }

        return TypedResults.Ok<IReadOnlyList<Change>>(rows.Select(mapper.Map<Change>).ToList());
    }

    /// <summary>A number goes with its date: both or neither.</summary>
    private static ValidationProblem? CheckNumber(string? number, DateOnly? issuedOn)
    {
        var errors = new Errors()
            .When(number is not null && issuedOn is null, "issuedOn", "issuedOn is required with number: a plan is known by its number and date.")
            .When(number is null && issuedOn is not null, "number", "number is required with issuedOn: a plan is known by its number and date.");
        return errors.Any ? Problems.Invalid(errors.ToDictionary()) : null;
    }

    /// <summary>What the plan refers to that does not exist (422), then another plan of the jurisdiction with its number and date (409).</summary>
    private static async Task<ProblemHttpResult?> Unfit(CatalogWrite write, string jurisdiction, string program, string? number, DateOnly? issuedOn, long? self)
    {
        var errors = new Errors();
        errors.When(await JurisdictionQueries.Find(write.Connection, jurisdiction, write.Cancellation, write.Transaction) is null,
            "jurisdiction", $"Jurisdiction '{jurisdiction}' does not exist.");
        errors.When(!await PlanQueries.ProgramExists(write.Connection, write.Transaction, program, write.Cancellation),
            "program", $"Reduction program '{program}' does not exist.");
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        return number is not null && issuedOn is { } date
            && await PlanQueries.IdOfNumber(write.Connection, write.Transaction, jurisdiction, number.Trim(), date, write.Cancellation) is { } existing && existing != self
                ? Problems.Conflict($"Jurisdiction '{jurisdiction}' already has plan {number.Trim()} of {date:yyyy-MM-dd} (id {existing}).")
                : null;
    }

    internal static Task<PlanRow?> Find(CatalogWrite write, long id) => PlanQueries.Find(write.Connection, id, write.Cancellation, write.Transaction);
}
