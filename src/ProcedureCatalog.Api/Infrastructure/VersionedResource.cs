using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Changes;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// A kind of resource with a version of its own, and the steps every change of one takes: If-Match (428 without it, 412 when
/// stale), the update that names the version it read and so raises it (0 rows changed: someone came first, 412), the change
/// record in the same transaction, and the ETag of what is sent back. See <see cref="Concurrency"/> for the ETag forms.
/// </summary>
/// <param name="What">The resource as problem details name it ("hourly tariff").</param>
/// <param name="VersionOf">The row's version.</param>
/// <param name="IdOf">For a resource known by an id (procedures, documents): its version tag is the id, then the version.</param>
/// <param name="ChangeOf">The change record of a resource recorded under its own key; null when its changes are recorded as a procedure's.</param>
internal sealed record VersionedResource<TRow>(
    string What, Func<TRow, long> VersionOf, Func<TRow, long>? IdOf = null, Func<TRow, string, ChangeEntry>? ChangeOf = null)
    where TRow : class
{
    public string VersionTagOf(TRow row) =>
        IdOf is null ? Concurrency.VersionTag(VersionOf(row)) : Concurrency.VersionTag(IdOf(row), VersionOf(row));

    /// <summary>What If-Match says of a change to <paramref name="current"/>, for a write path that holds no HTTP types.</summary>
    public IfMatchVerdict Judge(Microsoft.Extensions.Primitives.StringValues ifMatch, TRow current) => Concurrency.Judge(ifMatch, VersionTagOf(current));

    /// <summary>428 without If-Match, 412 when it names another version; null when the change may go ahead.</summary>
    public ProblemHttpResult? Precondition(CatalogRequest request, TRow current) => Judge(request.IfMatch, current) switch
    {
        IfMatchVerdict.Missing => PreconditionRequired(current),
        IfMatchVerdict.Stale => PreconditionFailed(current),
        _ => null,
    };

    /// <summary>For an addition to the resource (a procedure's new document or history entry): If-Match is checked when sent, not required.</summary>
    public ProblemHttpResult? PreconditionIfSent(CatalogRequest request, TRow current) =>
        Judge(request.IfMatch, current) == IfMatchVerdict.Stale ? PreconditionFailed(current) : null;

    public ProblemHttpResult PreconditionRequired(TRow current) => Problems.PreconditionRequired(What, $"\"{VersionTagOf(current)}\"");

    public ProblemHttpResult PreconditionFailed(TRow current) => Problems.PreconditionFailed(What, VersionOf(current));

    /// <summary>The precondition, then <paramref name="update"/>, given the version it must find.</summary>
    public async Task<ProblemHttpResult?> Change(CatalogRequest request, TRow current, Func<long, Task<int>> update) =>
        Precondition(request, current) ?? (await update(VersionOf(current)) == 0 ? PreconditionFailed(current) : null);

    public void SetETag(HttpContext context, TRow row) => SetETag<object>(context, row, null);

    /// <summary>With the representation about to be sent, a digest of it follows the version tag (procedures).</summary>
    public void SetETag<T>(HttpContext context, TRow row, T? representation)
        where T : class =>
        context.Response.Headers.ETag = Concurrency.ETagOf(context, VersionTagOf(row), representation);

    /// <summary>After the insert: reads the resource back, records it created, commits and answers 201 with its ETag.</summary>
    public async Task<Created<T>> Created<T>(CatalogRequest request, CatalogWrite write, Func<Task<TRow?>> find, Func<TRow, T> map, Func<TRow, string> location)
    {
        var created = (await find())!;
        await Saved(request, write, created, "created");
        return TypedResults.Created(location(created), map(created));
    }

    /// <summary>Changes <paramref name="current"/> under its precondition, records it updated, commits and answers 200 with its ETag.</summary>
    public async Task<Results<Ok<T>, ProblemHttpResult>> Updated<T>(
        CatalogRequest request, CatalogWrite write, TRow current, Func<long, Task<int>> update, Func<Task<TRow?>> find, Func<TRow, T> map)
    {
        if (await Change(request, current, update) is { } precondition)
        {
            return precondition;
        }

        var updated = (await find())!;
        await Saved(request, write, updated, "updated");
        return TypedResults.Ok(map(updated));
    }

    /// <summary>
    /// PUT at a natural key: creates the resource (201) or replaces it (200) under the precondition of every change.
    /// </summary>
    public async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> Put<T>(
        CatalogRequest request, CatalogWrite write, Func<Task<TRow?>> find, Func<Task> insert, Func<long, Task<int>> update, Func<TRow, T> map, string location)
    {
        var current = await find();
        if (current is null)
        {
            await insert();
            return await Created(request, write, find, map, _ => location);
        }

        var replaced = await Updated(request, write, current, update, find, map);
        return replaced.Result is Ok<T> ok ? ok : (ProblemHttpResult)replaced.Result;
    }

    private async Task Saved(CatalogRequest request, CatalogWrite write, TRow row, string action)
    {
        await write.Record(ChangeOf!(row, action));
        await write.CommitAsync();
        SetETag(request.Http, row);
    }
}
