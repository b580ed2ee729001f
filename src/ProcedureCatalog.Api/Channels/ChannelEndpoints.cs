using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Channels;

/// <summary>
/// The histories of a procedure's channels: each channel's own processing time and fee, effective-dated like the
/// procedure's (History/), through the same list, append and remove. The channels themselves come and go with the
/// procedure's body (channels in POST and PUT).
/// </summary>
public static class ChannelEndpoints
{
    private const string Channel = " channel is in-person, online or post, one the procedure is offered through (404 otherwise).";

    public static void MapChannels(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procedures/{procedureId:long}/channels/{channel}").WithTags("Channels");

        group.MapGet("/time-history", ListTime)
            .WithName("ListChannelTimeHistory")
            .WithSummary("List a channel's processing-time history")
            .WithDescription("Every processing-time entry of one channel, ordered by effectiveFrom, then by when it was recorded." + Channel + HistoryEndpoints.HistoryRules)
            .WithExamples(response: ChannelExamples.TimeList)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/time-history", AppendTime)
            .WithName("AppendChannelTimeEntry")
            .WithSummary("Append a processing-time entry to a channel")
            .WithDescription("Records the processing time of one channel published by a decision, in force from effectiveFrom. The procedure-level time "
                + "history stays the figure the reduction reports measure; a report asked for channel=… measures this one." + Channel + HistoryEndpoints.HistoryRules)
            .WithExamples(request: ChannelExamples.TimeInput, response: ChannelExamples.Time)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/time-history/{entryId:long}", RemoveTime)
            .WithName("RemoveChannelTimeEntry")
            .WithSummary("Remove a channel's processing-time entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded; a real change is a new entry." + Channel)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/fee-history", ListFee)
            .WithName("ListChannelFeeHistory")
            .WithSummary("List a channel's fee history")
            .WithDescription("Every fee entry of one channel (phí, lệ phí per filing that way), ordered by effectiveFrom, then by when it was recorded."
                + Channel + HistoryEndpoints.HistoryRules)
            .WithExamples(response: ChannelExamples.FeeList)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/fee-history", AppendFee)
            .WithName("AppendChannelFeeEntry")
            .WithSummary("Append a fee entry to a channel")
            .WithDescription("Records the fee per filing of one channel published by a decision (often lower online), in force from effectiveFrom."
                + Channel + HistoryEndpoints.HistoryRules)
            .WithExamples(request: ChannelExamples.FeeInput, response: ChannelExamples.Fee)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapDelete("/fee-history/{entryId:long}", RemoveFee)
            .WithName("RemoveChannelFeeEntry")
            .WithSummary("Remove a channel's fee entry entered by mistake")
            .WithDescription("Only for an entry that should never have been recorded; a real change is a new entry." + Channel)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static HistoryEndpoints.HistoryKind TimeOf(FilingChannel channel) =>
        new($"channels/{EnumText.Of(channel)}/time-history", "channel-time-entry", "Channel time entry");

    private static HistoryEndpoints.HistoryKind FeeOf(FilingChannel channel) =>
        new($"channels/{EnumText.Of(channel)}/fee-history", "channel-fee-entry", "Channel fee entry");

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="channel">in-person, online or post.</param>
    private static Task<Results<Ok<IReadOnlyList<TimeEntry>>, ValidationProblem, ProblemHttpResult>> ListTime(
        long procedureId, string channel, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken) =>
        OnChannel<Ok<IReadOnlyList<TimeEntry>>>(database, procedureId, channel, cancellationToken, async offered =>
            (await HistoryEndpoints.ListOf<ChannelTimeEntryRow, TimeEntry>(procedureId, database, mapper,
                (connection, id, token) => ChannelQueries.TimeEntries(connection, id, offered, token), cancellationToken)).Result);

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="channel">in-person, online or post.</param>
    private static Task<Results<Ok<IReadOnlyList<FeeEntry>>, ValidationProblem, ProblemHttpResult>> ListFee(
        long procedureId, string channel, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken) =>
        OnChannel<Ok<IReadOnlyList<FeeEntry>>>(database, procedureId, channel, cancellationToken, async offered =>
            (await HistoryEndpoints.ListOf<ChannelFeeEntryRow, FeeEntry>(procedureId, database, mapper,
                (connection, id, token) => ChannelQueries.FeeEntries(connection, id, offered, token), cancellationToken)).Result);

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="channel">in-person, online or post.</param>
    private static Task<Results<Created<TimeEntry>, ValidationProblem, ProblemHttpResult>> AppendTime(
        long procedureId, string channel, TimeEntryInput input, [AsParameters] CatalogRequest request, IMapper mapper) =>
        OnChannel<Created<TimeEntry>>(request.Database, procedureId, channel, request.Cancellation, async offered =>
            (await HistoryEndpoints.Append<ChannelTimeEntryRow, TimeEntry>(procedureId, TimeOf(offered), request, mapper,
                write => ChannelQueries.AppendTime(write.Connection, write.Transaction, write.Dialect, procedureId, offered, input, write.Now, write.Cancellation),
                (write, id) => ChannelQueries.FindTimeEntry(write.Connection, procedureId, id, write.Cancellation, write.Transaction))).Result);

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="channel">in-person, online or post.</param>
    private static Task<Results<Created<FeeEntry>, ValidationProblem, ProblemHttpResult>> AppendFee(
        long procedureId, string channel, FeeEntryInput input, [AsParameters] CatalogRequest request, IMapper mapper) =>
        OnChannel<Created<FeeEntry>>(request.Database, procedureId, channel, request.Cancellation, async offered =>
            (await HistoryEndpoints.Append<ChannelFeeEntryRow, FeeEntry>(procedureId, FeeOf(offered), request, mapper,
                write => ChannelQueries.AppendFee(write.Connection, write.Transaction, write.Dialect, procedureId, offered, input, write.Now, write.Cancellation),
                (write, id) => ChannelQueries.FindFeeEntry(write.Connection, procedureId, id, write.Cancellation, write.Transaction))).Result);

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="channel">in-person, online or post.</param>
    /// <param name="entryId">The entry's id.</param>
    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveTime(long procedureId, string channel, long entryId, [AsParameters] CatalogRequest request) =>
        OnChannel<NoContent>(request.Database, procedureId, channel, request.Cancellation, async offered =>
            (await HistoryEndpoints.Remove(procedureId, entryId, TimeOf(offered), request,
                write => ChannelQueries.RemoveTime(write.Connection, write.Transaction, procedureId, offered, entryId, write.Cancellation))).Result);

    /// <param name="procedureId">The procedure's id.</param>
    /// <param name="channel">in-person, online or post.</param>
    /// <param name="entryId">The entry's id.</param>
    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveFee(long procedureId, string channel, long entryId, [AsParameters] CatalogRequest request) =>
        OnChannel<NoContent>(request.Database, procedureId, channel, request.Cancellation, async offered =>
            (await HistoryEndpoints.Remove(procedureId, entryId, FeeOf(offered), request,
                write => ChannelQueries.RemoveFee(write.Connection, write.Transaction, procedureId, offered, entryId, write.Cancellation))).Result);

    /// <summary>
    /// The history operation shared with History/ on the channel of the path, once the channel is known to be one the procedure
    /// is offered through: else 400 (not a channel) or 404 (no such procedure, or not offered that way).
    /// </summary>
    private static async Task<Results<T, ValidationProblem, ProblemHttpResult>> OnChannel<T>(
        CatalogDatabase database, long procedureId, string channel, CancellationToken cancellationToken, Func<FilingChannel, Task<IResult>> run)
        where T : IResult
    {
        var (kind, invalid, missing) = await Offered(database, procedureId, channel, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (kind is not { } offered)
        {
            return missing!;
        }

        var result = await run(offered);
        if (result is T success)
        {
            return success;
        }

        return (ProblemHttpResult)result;
    }

    /// <summary>The channel named in the path, when the procedure exists and is offered through it; else 400 (not a channel) or 404.</summary>
    private static async Task<(FilingChannel? Channel, ValidationProblem? Invalid, ProblemHttpResult? Missing)> Offered(
        CatalogDatabase database, long procedureId, string channel, CancellationToken cancellationToken)
    {
        if (!EnumText<FilingChannel>.TryParse(channel, out var kind))
        {
            return (null, Problems.Invalid("channel", $"'{CatalogueText(channel)}' is not a channel; use one of: {EnumText<FilingChannel>.Describe()}."), null);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await ProcedureQueries.Find(connection, procedureId, cancellationToken) is null)
        {
            return (null, null, Problems.NotFound("Procedure", procedureId));
        }

        return await ChannelQueries.Find(connection, procedureId, kind, cancellationToken) is null
            ? (null, null, Problems.NotFound("Channel", $"{procedureId}/{channel}"))
            : (kind, null, null);
    }

    private static string CatalogueText(string text) => Transfers.CatalogueRecord.Quote(text);
}
