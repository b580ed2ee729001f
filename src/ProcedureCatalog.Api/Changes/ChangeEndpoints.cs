using System.Text;
using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Changes;

public static class ChangeEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void MapChanges(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", Feed)
            .WithTags("Changes")
            .WithName("ListChanges")
            .WithSummary("The change feed")
            .WithDescription("Every change to the catalogue (procedures, documents, history entries, status, agencies, tariffs, targets), oldest first, "
                + "after an opaque cursor. Keep the nextCursor of each answer and poll with it as after: you never miss a change and never get one twice, "
                + "even while writes run concurrently. Without after, the feed starts at the beginning. Filter by jurisdiction to follow one catalogue. "
                + "A cursor ahead of the feed's latest change (one kept from another database, or from before a restore) is refused with 400 "
                + "rather than answered with an empty page forever: start again without after.")
            .WithExamples(response: ChangeExamples.Page)
            .ProducesValidationProblem();

        api.MapGet("/procedures/{id:long}/audit", Audit)
            .WithTags("Changes")
            .WithName("GetProcedureAudit")
            .WithSummary("A procedure's audit trail")
            .WithDescription("Every change to the procedure, its documents and its history, with the name of the API key that made it and when, oldest first. "
                + "It stays readable after the procedure is deleted.")
            .WithExamples(response: ChangeExamples.Page.Items)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="after">The nextCursor of the previous answer; leave out to start at the beginning.</param>
    /// <param name="limit">Changes per answer, 1 to 1000 (default 100).</param>
    /// <param name="jurisdiction">Only changes to this jurisdiction's catalogue.</param>
    private static async Task<Results<Ok<ChangePage>, ValidationProblem>> Feed(
        string? after, string? limit, string? jurisdiction, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var position = Cursor.Read(after, errors);
        var take = DefaultLimit;
        errors.When(limit is not null && (!int.TryParse(limit, out take) || take < 1 || take > MaxLimit), "limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        Jurisdictions.Jurisdiction.Check(jurisdiction, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        var rows = await ChangeQueries.After(connection, database.Dialect, position, jurisdiction, take + 1, cancellationToken);
        // An empty page is only an honest answer when the cursor is within the feed; one from elsewhere would skip everything.
        if (rows.Count == 0 && position > 0 && position > await ChangeQueries.Latest(connection, database.Dialect, cancellationToken))
        {
            return Problems.Invalid("after", "after is ahead of this feed's latest change: it was not given out by this catalogue (another database, or one restored "
                + "from an older backup). Start again without after.");
        }

        var items = rows.Take(take).Select(mapper.Map<Change>).ToList();
        return TypedResults.Ok(new ChangePage(items, Cursor.Of(items.Count > 0 ? items[^1].Position : position), rows.Count > take));
    }

    /// <param name="id">The procedure's id.</param>
    private static async Task<Results<Ok<IReadOnlyList<Change>>, ProblemHttpResult>> Audit(
        long id, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        var rows = await ChangeQueries.OfProcedure(connection, database.Dialect, id, cancellationToken);
        if (rows.Count == 0 && await ProcedureQueries.Find(connection, id, cancellationToken) is null)
        {
            return Problems.NotFound("Procedure", id);
        }

        return TypedResults.Ok<IReadOnlyList<Change>>(rows.Select(mapper.Map<Change>).ToList());
    }

    /// <summary>The cursor is opaque to clients so that its encoding can change; today it is a position.</summary>
    internal static class Cursor
    {
        private const string Version = "c1:";

        public static string Of(long position) =>
            Convert.ToBase64String(Encoding.ASCII.GetBytes(Version + position.ToString(System.Globalization.CultureInfo.InvariantCulture))).TrimEnd('=');

        public static long Read(string? cursor, Errors errors)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return 0;
            }

            try
            {
                var padded = cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=');
                var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
                if (text.StartsWith(Version, StringComparison.Ordinal)
                    && long.TryParse(text[Version.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
                {
                    return position;
                }
            }
            catch (FormatException)
            {
                // reported below
            }

            errors.Add("after", "after is not a cursor this feed gave out; use the nextCursor of a previous answer, or leave it out to start at the beginning.");
            return 0;
        }
    }
}

internal static class ChangeExamples
{
    public static readonly ChangePage Page = new(
    [
        new Change(41, "procedure", "42", "updated", 42, "92", "1.009645", 5, "Cần Thơ one-stop", new DateTime(2026, 11, 22, 8, 15, 0, DateTimeKind.Utc)),
        new Change(42, "time-entry", "118", "created", 42, "92", "1.009645", 6, "Cần Thơ one-stop", new DateTime(2026, 11, 22, 8, 16, 0, DateTimeKind.Utc)),
    ], "YzE6NDI", false);
}
