using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// PUT at a natural key: creates the resource (201) or replaces it (200). Replacing follows the rules of
/// every change: If-Match with a stale ETag gets 412. All in one transaction.
/// </summary>
internal static class Upsert
{
    public sealed record Steps<TRow>(
        Func<DbTransaction, Task<TRow?>> Find,
        Func<DbTransaction, Task> Insert,
        Func<DbTransaction, long, Task<int>> Update,
        Func<TRow, long> VersionOf);

    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> Run<TRow, T>(
        HttpContext context, DbConnection connection, Steps<TRow> steps, Func<TRow, T> map, string what, string location,
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
            if (!Concurrency.IfMatchAllows(context.Request, version) || await steps.Update(transaction, version) == 0)
            {
                return Problems.PreconditionFailed(what, version);
            }
        }

        var saved = (await steps.Find(transaction))!;
        await transaction.CommitAsync(cancellationToken);
        Concurrency.SetETag(context, steps.VersionOf(saved));
        return current is null ? TypedResults.Created(location, map(saved)) : TypedResults.Ok(map(saved));
    }
}
