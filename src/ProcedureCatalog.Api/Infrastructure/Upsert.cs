using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// PUT at a natural key: creates the resource (201) or replaces it (200). Replacing follows the rules of
/// every change: If-Match is required (428) and a stale one gets 412. The change is recorded; all in one transaction.
/// </summary>
internal static class Upsert
{
    public sealed record Steps<TRow>(
        Func<DbTransaction, Task<TRow?>> Find,
        Func<DbTransaction, Task> Insert,
        Func<DbTransaction, long, Task<int>> Update,
        Func<TRow, long> VersionOf,
        Func<TRow, string, Changes.ChangeEntry> ChangeOf);

    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> Run<TRow, T>(
        HttpContext context, DbConnection connection, Steps<TRow> steps, Func<TRow, T> map, string what, string location, DateTime now,
        CancellationToken cancellationToken)
        where TRow : class
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await steps.Find(transaction);
        if (current is null)
        {
            await steps.Insert(transaction);
        }
        else
        {
            var version = steps.VersionOf(current);
            if (await Concurrency.Apply(context.Request, what, version, () => steps.Update(transaction, version)) is { } precondition)
            {
                return precondition;
            }
        }

        var saved = (await steps.Find(transaction))!;
        await Changes.ChangeLog.Record(connection, transaction, steps.ChangeOf(saved, current is null ? "created" : "updated"), Access.Actor.Of(context), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, steps.VersionOf(saved));
        return current is null ? TypedResults.Created(location, map(saved)) : TypedResults.Ok(map(saved));
    }
}
