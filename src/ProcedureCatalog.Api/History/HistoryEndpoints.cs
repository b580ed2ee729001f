using System.Data.Common;
using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.History;

public static class HistoryEndpoints
{
    /// <summary>The rule of every effective-dated history, as the operations' descriptions state it (also the reporting regimes').</summary>
    internal const string HistoryRules =
        " Entries are never overwritten: a change is a new entry from its effectiveFrom, and the value in force on a date D is the entry with the latest effectiveFrom ≤ D "
        + "(on the same day, the one recorded last).";

    public static void MapHistory(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures/{procedureId:long}").WithTags("History");

        group.MapGet("/time-history", ListTime)
            .WithName("ListTimeHistory")
            .WithSummary("List a procedure's processing-time history")
            .WithDescription("Every processing-time entry, ordered by effectiveFrom, then by when it was recorded." + HistoryRules)
            .WithExamples(response: HistoryExamples.TimeList)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/time-history", AppendTime)
            .WithName("AppendTimeEntry")
            .WithSummary("Append a processing-time entry")
            .WithDescription("Records a processing time published by a decision, in force from effectiveFrom." + HistoryRules)
            .WithExamples(request: HistoryExamples.TimeInput, response: HistoryExamples.Time)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/time-history/{entryId:long}", RemoveTime)
            .WithName("RemoveTimeEntry")
            .WithSummary("Remove a processing-time entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded; a real change is a new entry.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/cost-history", ListCost)
            .WithName("ListCostHistory")
            .WithSummary("List a procedure's cost history")
            .WithDescription("Every cost entry (fees, other costs, applicant hours, annual filings), ordered by effectiveFrom, then by when it was recorded." + HistoryRules)
            .WithExamples(response: HistoryExamples.CostList)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/cost-history", AppendCost)
            .WithName("AppendCostEntry")
            .WithSummary("Append a cost entry")
            .WithDescription("Records the cost per filing published by a decision, in force from effectiveFrom." + HistoryRules)
            .WithExamples(request: HistoryExamples.CostInput, response: HistoryExamples.Cost)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/cost-history/{entryId:long}", RemoveCost)
            .WithName("RemoveCostEntry")
            .WithSummary("Remove a cost entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded; a real change is a new entry.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <param name="procedureId">The procedure's id.</param>
    private static Task<Results<Ok<IReadOnlyList<TimeEntry>>, ProblemHttpResult>> ListTime(
        long procedureId, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken) =>
        ListOf<TimeEntryRow, TimeEntry>(procedureId, database, mapper, HistoryQueries.TimeEntries, cancellationToken);

    /// <param name="procedureId">The procedure's id.</param>
    private static Task<Results<Ok<IReadOnlyList<CostEntry>>, ProblemHttpResult>> ListCost(
        long procedureId, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken) =>
        ListOf<CostEntryRow, CostEntry>(procedureId, database, mapper, HistoryQueries.CostEntries, cancellationToken);

    /// <summary>One of the two histories: its path under the procedure, its name in the change log, its name in messages.</summary>
    internal sealed record HistoryKind(string Path, string Entity, string Title);

    private static readonly HistoryKind Time = new("time-history", "time-entry", "Time entry");
    private static readonly HistoryKind Cost = new("cost-history", "cost-entry", "Cost entry");

    /// <param name="procedureId">The procedure's id.</param>
    private static Task<Results<Created<TimeEntry>, ProblemHttpResult>> AppendTime(
        long procedureId, TimeEntryInput input, [AsParameters] CatalogRequest request, IMapper mapper) =>
        Append<TimeEntryRow, TimeEntry>(procedureId, Time, request, mapper,
            write => HistoryQueries.AppendTime(write.Connection, write.Transaction, write.Dialect, procedureId, input, write.Now, write.Cancellation),
            (write, id) => HistoryQueries.FindTimeEntry(write.Connection, procedureId, id, write.Cancellation, write.Transaction));

    /// <param name="procedureId">The procedure's id.</param>
    private static Task<Results<Created<CostEntry>, ProblemHttpResult>> AppendCost(
        long procedureId, CostEntryInput input, [AsParameters] CatalogRequest request, IMapper mapper) =>
        Append<CostEntryRow, CostEntry>(procedureId, Cost, request, mapper,
            write => HistoryQueries.AppendCost(write.Connection, write.Transaction, write.Dialect, procedureId, input, write.Now, write.Cancellation),
            (write, id) => HistoryQueries.FindCostEntry(write.Connection, procedureId, id, write.Cancellation, write.Transaction));

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="entryId">The entry's id.</param>
    private static Task<Results<NoContent, ProblemHttpResult>> RemoveTime(long procedureId, long entryId, [AsParameters] CatalogRequest request) =>
        Remove(procedureId, entryId, Time, request,
            write => HistoryQueries.RemoveTime(write.Connection, write.Transaction, procedureId, entryId, write.Cancellation));

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="entryId">The entry's id.</param>
    private static Task<Results<NoContent, ProblemHttpResult>> RemoveCost(long procedureId, long entryId, [AsParameters] CatalogRequest request) =>
        Remove(procedureId, entryId, Cost, request,
            write => HistoryQueries.RemoveCost(write.Connection, write.Transaction, procedureId, entryId, write.Cancellation));

    internal static async Task<Results<Ok<IReadOnlyList<TEntry>>, ProblemHttpResult>> ListOf<TRow, TEntry>(
        long procedureId, CatalogDatabase database, IMapper mapper,
        Func<DbConnection, long, CancellationToken, Task<IEnumerable<TRow>>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        if (await ProcedureQueries.Find(connection, procedureId, cancellationToken) is null)
        {
            return Problems.NotFound("Procedure", procedureId);
        }

        var rows = await read(connection, procedureId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TEntry>>(rows.Select(row => mapper.Map<TEntry>(row!)).ToList());
    }

    internal static async Task<Results<Created<TEntry>, ProblemHttpResult>> Append<TRow, TEntry>(
        long procedureId, HistoryKind kind, CatalogRequest request, IMapper mapper, Func<CatalogWrite, Task<long>> insert, Func<CatalogWrite, long, Task<TRow?>> find)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.CheckedIfSent);
        if (procedure is null)
        {
            return problem!;
        }

        var id = await insert(write);
        await ProcedureChanges.PartChanged(write, procedure, kind.Entity, id, "created");
        var created = (await find(write, id))!;
        await write.CommitAsync();
        return TypedResults.Created($"/api/v1/procedures/{procedureId}/{kind.Path}/{id}", mapper.Map<TEntry>(created));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        long procedureId, long entryId, HistoryKind kind, CatalogRequest request, Func<CatalogWrite, Task<int>> delete)
    {
        await using var write = await request.BeginWriteAsync();
        var (procedure, problem) = await ProcedureRequests.Open(request, write, procedureId, ProcedureIfMatch.Required);
        if (procedure is null)
        {
            return problem!;
        }

        if (await delete(write) == 0)
        {
            return Problems.NotFound(kind.Title, $"{procedureId}/{entryId}");
        }

        await ProcedureChanges.PartChanged(write, procedure, kind.Entity, entryId, "deleted");
        await write.CommitAsync();
        return TypedResults.NoContent();
    }
}
