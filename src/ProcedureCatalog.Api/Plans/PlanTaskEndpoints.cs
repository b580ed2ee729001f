using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Plans;

public static class PlanTaskEndpoints
{
    private const string ProgressRules = " Progress is a history: an entry is never changed, and the status on a date D is that of the entry with the latest date on or "
        + "before D (on the same day, the one recorded last); before the first entry, not-started. A milestone is overdue on D when it is not done on D and "
        + "its deadline (dueBy) is before D.";

    public static void MapPlanTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/plans/{planId:long}/tasks").WithTags(PlanEndpoints.Tag);

        group.MapGet("/", List)
            .WithName("ListPlanTasks")
            .WithSummary("List a plan's tasks")
            .WithDescription("Every task (nhiệm vụ) of the plan in the plan's numbering (8 before 8.1 before 9), with its lead and coordinating agencies, "
                + "and each milestone with where it stands today and its progress." + ProgressRules)
            .WithExamples(response: PlanExamples.Tasks)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{taskId:long}", Get)
            .WithName("GetPlanTask")
            .WithETag()
            .WithSummary("Get one task of a plan")
            .WithDescription("One task with its agencies, milestones and progress. The ETag carries its id and version; recording progress moves the version.")
            .WithExamples(response: PlanExamples.Task)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Add)
            .WithName("AddPlanTask")
            .WithSummary("Add a task to a plan")
            .WithDescription("Adds a task: its number (unique within the plan; 8.1 needs task 8 first, else 422), content, agencies (agencyId of the plan's "
                + "jurisdiction, or the plan's words as name), a milestone per deadline and the expected output. To add a whole annex at once, import it "
                + "(POST /plans/{planId}/annex).")
            .WithExamples(request: PlanExamples.TaskInput, response: PlanExamples.Task)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{taskId:long}", Change)
            .WithName("ChangePlanTask")
            .WithSummary("Change a task")
            .WithDescription("Replaces what the task says. A milestone sent with its id stays (with its progress), one without an id is new, one left out is "
                + "removed, unless it holds progress (409). A task with tasks under it keeps its number (409). Send If-Match with the task's ETag (412 when stale).")
            .WithExamples(request: PlanExamples.TaskInput, response: PlanExamples.Task)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{taskId:long}", Remove)
            .WithName("RemovePlanTask")
            .WithSummary("Remove a task entered by mistake")
            .WithDescription("Removes a task without progress and without tasks under it (409 otherwise). Send If-Match with the task's ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        var progress = group.MapGroup("/{taskId:long}/milestones/{milestoneId:long}/progress");

        progress.MapGet("/", ListProgress)
            .WithName("ListMilestoneProgress")
            .WithSummary("List a milestone's progress")
            .WithDescription("Every progress entry of the milestone, in the order they take effect." + ProgressRules)
            .WithExamples(response: PlanExamples.Progress)
            .ProducesProblem(StatusCodes.Status404NotFound);

        progress.MapPost("/", RecordProgress)
            .WithName("RecordMilestoneProgress")
            .WithSummary("Record a milestone's progress")
            .WithDescription("Appends an entry: on (not after today), status not-started, in-progress or done, and for done its evidence: decisionRef (the decision "
                + "that did it) or link; notes. The task's version moves; If-Match with the task's ETag is checked when sent (412 when stale)." + ProgressRules)
            .WithExamples(request: PlanExamples.ProgressInput, response: PlanExamples.Done)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        progress.MapDelete("/{entryId:long}", RemoveProgress)
            .WithName("RemoveMilestoneProgress")
            .WithSummary("Remove a progress entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded; a real change is a new entry. Send If-Match with the task's ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <summary>A task's ETag is its id and version; its changes are recorded under the plan's key.</summary>
    private static readonly VersionedResource<PlanTask> Resource = new("plan task", task => task.Version, IdOf: task => task.Id);

    /// <param name="planId">The plan's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<PlanTask>>, ProblemHttpResult>> List(long planId, [AsParameters] CatalogRequest request)
    {
        await using var connection = await request.OpenAsync();
        if (await PlanQueries.Find(connection, planId, request.Cancellation) is null)
        {
            return Problems.NotFound("Plan", planId);
        }

        return TypedResults.Ok(await PlanMappings.ReadTasks(connection, planId, null, request.Clock.Today, request.Cancellation));
    }

    /// <param name="planId">The plan's id.</param>
    /// <param name="taskId">The task's id.</param>
    private static async Task<Results<Ok<PlanTask>, ProblemHttpResult>> Get(long planId, long taskId, [AsParameters] CatalogRequest request)
    {
        var (task, problem) = await ReadOne(request, planId, taskId);
        if (task is null)
        {
            return problem!;
        }

        Resource.SetETag(request.Http, task);
        return TypedResults.Ok(task);
    }

    /// <param name="planId">The plan's id.</param>
    private static async Task<Results<Created<PlanTask>, ValidationProblem, ProblemHttpResult>> Add(long planId, PlanTaskInput input, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var task = PlanTaskWrites.Read(input, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var write = await request.BeginWriteAsync();
        var (plan, refused) = await OpenPlan(request, write, planId);
        if (plan is null)
        {
            return refused!;
        }

        if (await PlanTaskQueries.IdOfNumber(write.Connection, write.Transaction, planId, task.Task.Number, write.Cancellation) is { } existing)
        {
            return Problems.Conflict($"Plan {planId} already has a task {task.Task.Number} (id {existing}).");
        }

        var unfit = await PlanTaskWrites.CheckReferences(write.Connection, write.Transaction, plan, task, [], write.Cancellation);
        if (unfit.Any)
        {
            return Problems.Unprocessable(unfit.ToDictionary());
        }

        var id = await PlanTaskWrites.Add(write.Connection, write.Transaction, write.Dialect, plan, task, Actor.Of(write.Caller), write.Now, write.Cancellation);
        var created = await Read(request, write, planId, id);
        await write.CommitAsync();
        Resource.SetETag(request.Http, created);
        return TypedResults.Created($"/api/v1/plans/{planId}/tasks/{id}", created);
    }

    /// <param name="planId">The plan's id.</param>
    /// <param name="taskId">The task's id.</param>
    private static async Task<Results<Ok<PlanTask>, ValidationProblem, ProblemHttpResult>> Change(
        long planId, long taskId, PlanTaskInput input, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var task = PlanTaskWrites.Read(input, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var write = await request.BeginWriteAsync();
        var (plan, current, problem) = await Open(request, write, planId, taskId, ifMatchRequired: true);
        if (current is null)
        {
            return problem!;
        }

        if (await PlanTaskQueries.IdOfNumber(write.Connection, write.Transaction, planId, task.Task.Number, write.Cancellation) is { } other && other != taskId)
        {
            return Problems.Conflict($"Plan {planId} already has a task {task.Task.Number} (id {other}).");
        }

        if (!string.Equals(task.Task.Number, current.Number, StringComparison.OrdinalIgnoreCase)
            && await PlanTaskQueries.Children(write.Connection, write.Transaction, planId, current.Number, write.Cancellation) > 0)
        {
            return Problems.Conflict($"Task {current.Number} has tasks under it, which are numbered after it: it keeps its number.");
        }

        var own = current.Milestones.Select(milestone => milestone.Id).ToList();
        var unfit = await PlanTaskWrites.CheckReferences(write.Connection, write.Transaction, plan!, task, own, write.Cancellation);
        if (unfit.Any)
        {
            return Problems.Unprocessable(unfit.ToDictionary());
        }

        var kept = task.Milestones.Select(milestone => milestone.Id).OfType<long>().ToHashSet();
        if (current.Milestones.FirstOrDefault(milestone => !kept.Contains(milestone.Id) && milestone.Progress.Count > 0) is { } withProgress)
        {
            return Problems.Conflict($"Milestone {withProgress.Id} holds progress: it stays. Send it with its id, changed if need be.");
        }

        if (await PlanTaskQueries.UpdateTask(write.Connection, write.Transaction, taskId, current.Version, task.Task, write.Now, write.Cancellation) == 0)
        {
            return Resource.PreconditionFailed(current);
        }

        await PlanTaskWrites.WriteParts(write.Connection, write.Transaction, write.Dialect, taskId, task, own, write.Cancellation);
        await write.Record(PlanTaskWrites.TaskChange(plan!, taskId, "updated", current.Version + 1));
        var updated = await Read(request, write, planId, taskId);
        await write.CommitAsync();
        Resource.SetETag(request.Http, updated);
        return TypedResults.Ok(updated);
    }

    /// <param name="planId">The plan's id.</param>
    /// <param name="taskId">The task's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(long planId, long taskId, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (plan, current, problem) = await Open(request, write, planId, taskId, ifMatchRequired: true);
        if (current is null)
        {
            return problem!;
        }

        if (current.Milestones.Sum(milestone => milestone.Progress.Count) is > 0 and var entries)
        {
            return Problems.Conflict($"Task {current.Number} has {entries} progress entries recorded; progress is history, so the task stays.");
        }

        if (await PlanTaskQueries.Children(write.Connection, write.Transaction, planId, current.Number, write.Cancellation) is > 0 and var children)
        {
            return Problems.Conflict($"Task {current.Number} has {children} tasks under it; remove them first.");
        }

        if (await PlanTaskQueries.DeleteTask(write.Connection, write.Transaction, taskId, current.Version, write.Cancellation) == 0)
        {
            return Resource.PreconditionFailed(current);
        }

        await write.Record(PlanTaskWrites.TaskChange(plan!, taskId, "deleted", null));
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <param name="planId">The plan's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="milestoneId">The milestone's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<ProgressEntry>>, ProblemHttpResult>> ListProgress(long planId, long taskId, long milestoneId, [AsParameters] CatalogRequest request)
    {
        var (task, problem) = await ReadOne(request, planId, taskId);
        if (task is null)
        {
            return problem!;
        }

        return task.Milestones.FirstOrDefault(milestone => milestone.Id == milestoneId) is { } found
            ? TypedResults.Ok(found.Progress)
            : Problems.NotFound("Milestone", $"{planId}/{taskId}/{milestoneId}");
    }

    /// <param name="planId">The plan's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="milestoneId">The milestone's id.</param>
    private static async Task<Results<Created<ProgressEntry>, ValidationProblem, ProblemHttpResult>> RecordProgress(
        long planId, long taskId, long milestoneId, ProgressInput input, [AsParameters] CatalogRequest request)
    {
        var errors = PlanTaskWrites.Check(input, request.Clock.Today);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var write = await request.BeginWriteAsync();
        var (plan, task, problem) = await OpenMilestone(request, write, planId, taskId, milestoneId, ifMatchRequired: false);
        if (task is null)
        {
            return problem!;
        }

        var id = await PlanTaskQueries.InsertProgress(
            write.Connection, write.Transaction, write.Dialect, milestoneId, input, Actor.Of(write.Caller).Name, write.Now, write.Cancellation);
        if (await PlanTaskQueries.Touch(write.Connection, write.Transaction, taskId, task.Version, write.Now, write.Cancellation) == 0)
        {
            return Resource.PreconditionFailed(task);
        }

        await write.Record(new ChangeEntry("milestone-progress", PlanKeys.Progress(planId, taskId, id), "created", Jurisdiction: plan!.JurisdictionCode, Version: task.Version + 1));
        var created = (await PlanTaskQueries.FindProgress(write.Connection, milestoneId, id, write.Cancellation, write.Transaction))!;
        await write.CommitAsync();
        return TypedResults.Created($"/api/v1/plans/{planId}/tasks/{taskId}/milestones/{milestoneId}/progress/{id}", PlanMappings.ToContract(created));
    }

    /// <param name="planId">The plan's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="milestoneId">The milestone's id.</param>
    /// <param name="entryId">The progress entry's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveProgress(long planId, long taskId, long milestoneId, long entryId, [AsParameters] CatalogRequest request)
    {
        await using var write = await request.BeginWriteAsync();
        var (plan, task, problem) = await OpenMilestone(request, write, planId, taskId, milestoneId, ifMatchRequired: true);
        if (task is null)
        {
            return problem!;
        }

        if (await PlanTaskQueries.DeleteProgress(write.Connection, write.Transaction, milestoneId, entryId, write.Cancellation) == 0)
        {
            return Problems.NotFound("Progress entry", $"{planId}/{taskId}/{milestoneId}/{entryId}");
        }

        if (await PlanTaskQueries.Touch(write.Connection, write.Transaction, taskId, task.Version, write.Now, write.Cancellation) == 0)
        {
            return Resource.PreconditionFailed(task);
        }

        await write.Record(new ChangeEntry("milestone-progress", PlanKeys.Progress(planId, taskId, entryId), "deleted", Jurisdiction: plan!.JurisdictionCode, Version: task.Version + 1));
        await write.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The plan to change, or why not: 404, then 403 when the key may not write its jurisdiction.</summary>
    private static async Task<(PlanRow? Plan, ProblemHttpResult? Problem)> OpenPlan(CatalogRequest request, CatalogWrite write, long planId)
    {
        if (await PlanEndpoints.Find(write, planId) is not { } plan)
        {
            return (null, Problems.NotFound("Plan", planId));
        }

        return request.Refuse(plan.JurisdictionCode) is { } refused ? (null, refused) : (plan, null);
    }

    /// <summary>
    /// The plan and the task to change, or why not: the plan's 404 or 403, the task's 404, then If-Match: required for a change of
    /// the task (428 without, 412 when stale), checked when sent for an addition to it (412 when stale).
    /// </summary>
    private static async Task<(PlanRow? Plan, PlanTask? Task, ProblemHttpResult? Problem)> Open(
        CatalogRequest request, CatalogWrite write, long planId, long taskId, bool ifMatchRequired)
    {
        var (plan, problem) = await OpenPlan(request, write, planId);
        if (plan is null)
        {
            return (null, null, problem);
        }

        var task = (await PlanMappings.ReadTasks(write.Connection, planId, taskId, request.Clock.Today, write.Cancellation, write.Transaction)).SingleOrDefault();
        if (task is null)
        {
            return (plan, null, Problems.NotFound("Plan task", $"{planId}/{taskId}"));
        }

        var precondition = ifMatchRequired ? Resource.Precondition(request, task) : Resource.PreconditionIfSent(request, task);
        return precondition is null ? (plan, task, null) : (plan, null, precondition);
    }

    /// <summary>As <see cref="Open"/>, and the milestone must be the task's (404 otherwise).</summary>
    private static async Task<(PlanRow? Plan, PlanTask? Task, ProblemHttpResult? Problem)> OpenMilestone(
        CatalogRequest request, CatalogWrite write, long planId, long taskId, long milestoneId, bool ifMatchRequired)
    {
        var (plan, task, problem) = await Open(request, write, planId, taskId, ifMatchRequired);
        if (task is null)
        {
            return (null, null, problem);
        }

        return task.Milestones.Any(milestone => milestone.Id == milestoneId)
            ? (plan, task, null)
            : (null, null, Problems.NotFound("Milestone", $"{planId}/{taskId}/{milestoneId}"));
    }

    /// <summary>One task of a plan to read, or the plan's or the task's 404.</summary>
    private static async Task<(PlanTask? Task, ProblemHttpResult? Problem)> ReadOne(CatalogRequest request, long planId, long taskId)
    {
        await using var connection = await request.OpenAsync();
        if (await PlanQueries.Find(connection, planId, request.Cancellation) is null)
        {
            return (null, Problems.NotFound("Plan", planId));
        }

        var task = (await PlanMappings.ReadTasks(connection, planId, taskId, request.Clock.Today, request.Cancellation)).SingleOrDefault();
        return task is null ? (null, Problems.NotFound("Plan task", $"{planId}/{taskId}")) : (task, null);
    }

    private static async Task<PlanTask> Read(CatalogRequest request, CatalogWrite write, long planId, long taskId) =>
        (await PlanMappings.ReadTasks(write.Connection, planId, taskId, request.Clock.Today, write.Cancellation, write.Transaction)).Single();
}
