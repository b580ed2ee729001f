using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Channels;

/// <summary>A procedure's channels and their histories (migration 0015); the values in force come from channel_in_force (views/0700_channels.sql).</summary>
internal static class ChannelQueries
{
    private const string TimeColumns = "id, procedure_id, channel, effective_from, amount, unit, decision_ref, recorded_at";
    private const string FeeColumns = "id, procedure_id, channel, effective_from, fee_vnd, decision_ref, recorded_at";
    private const string OfChannel = " WHERE procedure_id = @ProcedureId AND channel = @Channel";
    private const string HistoryOrder = " ORDER BY effective_from, recorded_at, id";

    /// <summary>The entries of a procedure's channels in force on @AsOf: one seek per channel and measure.</summary>
    private const string InForce = " w.procedure_id IN @Ids AND w.measure = @Measure AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)";

    /// <summary>The order channels are listed in: the order of <see cref="FilingChannel"/>.</summary>
    public static int Order(string channel) => (int)EnumText<FilingChannel>.Parse(channel);

    public static async Task<IReadOnlyList<ChannelRow>> OfProcedures(DbConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<ChannelRow>(new CommandDefinition(
            "SELECT procedure_id, channel, description FROM procedure_channels WHERE procedure_id IN @Ids", new { Ids = ids }, transaction, cancellationToken: cancellationToken)))
        .OrderBy(row => row.ProcedureId).ThenBy(row => Order(row.Channel)).ToList();

    public static Task<ChannelRow?> Find(DbConnection connection, long procedureId, FilingChannel channel, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ChannelRow>(new CommandDefinition(
            "SELECT procedure_id, channel, description FROM procedure_channels" + OfChannel,
            new { ProcedureId = procedureId, Channel = EnumText.Of(channel) }, transaction, cancellationToken: cancellationToken));

    public static Task<IEnumerable<ChannelTimeEntryRow>> TimeInForce(DbConnection connection, IReadOnlyList<long> ids, DateOnly asOf, CancellationToken cancellationToken) =>
        connection.QueryAsync<ChannelTimeEntryRow>(new CommandDefinition(
            "SELECT h.id, h.procedure_id, h.channel, h.effective_from, h.amount, h.unit, h.decision_ref, h.recorded_at "
            + "FROM channel_in_force w INNER JOIN channel_time_history h ON h.id = w.entry_id WHERE" + InForce,
            new { Ids = ids, Measure = "time", AsOf = asOf }, cancellationToken: cancellationToken));

    public static Task<IEnumerable<ChannelFeeEntryRow>> FeeInForce(DbConnection connection, IReadOnlyList<long> ids, DateOnly asOf, CancellationToken cancellationToken) =>
        connection.QueryAsync<ChannelFeeEntryRow>(new CommandDefinition(
            "SELECT h.id, h.procedure_id, h.channel, h.effective_from, h.fee_vnd, h.decision_ref, h.recorded_at "
            + "FROM channel_in_force w INNER JOIN channel_fee_history h ON h.id = w.entry_id WHERE" + InForce,
            new { Ids = ids, Measure = "fee", AsOf = asOf }, cancellationToken: cancellationToken));

    public static Task<IEnumerable<ChannelTimeEntryRow>> TimeEntries(DbConnection connection, long procedureId, FilingChannel channel, CancellationToken cancellationToken) =>
        connection.QueryAsync<ChannelTimeEntryRow>(new CommandDefinition(
            $"SELECT {TimeColumns} FROM channel_time_history{OfChannel}{HistoryOrder}",
            new { ProcedureId = procedureId, Channel = EnumText.Of(channel) }, cancellationToken: cancellationToken));

    public static Task<IEnumerable<ChannelFeeEntryRow>> FeeEntries(DbConnection connection, long procedureId, FilingChannel channel, CancellationToken cancellationToken) =>
        connection.QueryAsync<ChannelFeeEntryRow>(new CommandDefinition(
            $"SELECT {FeeColumns} FROM channel_fee_history{OfChannel}{HistoryOrder}",
            new { ProcedureId = procedureId, Channel = EnumText.Of(channel) }, cancellationToken: cancellationToken));

    /// <summary>Every entry of the channels of these procedures (an export's page), in history order.</summary>
    public static async Task<(IReadOnlyList<ChannelTimeEntryRow> Times, IReadOnlyList<ChannelFeeEntryRow> Fees)> EntriesOf(
        DbConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var times = await connection.QueryAsync<ChannelTimeEntryRow>(new CommandDefinition(
            $"SELECT {TimeColumns} FROM channel_time_history WHERE procedure_id IN @Ids ORDER BY procedure_id, channel, effective_from, recorded_at, id",
            new { Ids = ids }, transaction, cancellationToken: cancellationToken));
        var fees = await connection.QueryAsync<ChannelFeeEntryRow>(new CommandDefinition(
            $"SELECT {FeeColumns} FROM channel_fee_history WHERE procedure_id IN @Ids ORDER BY procedure_id, channel, effective_from, recorded_at, id",
            new { Ids = ids }, transaction, cancellationToken: cancellationToken));
        return (times.ToList(), fees.ToList());
    }

    public static Task<ChannelTimeEntryRow?> FindTimeEntry(DbConnection connection, long procedureId, long entryId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ChannelTimeEntryRow>(new CommandDefinition(
            $"SELECT {TimeColumns} FROM channel_time_history WHERE procedure_id = @ProcedureId AND id = @EntryId",
            new { ProcedureId = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<ChannelFeeEntryRow?> FindFeeEntry(DbConnection connection, long procedureId, long entryId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ChannelFeeEntryRow>(new CommandDefinition(
            $"SELECT {FeeColumns} FROM channel_fee_history WHERE procedure_id = @ProcedureId AND id = @EntryId",
            new { ProcedureId = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<long> AppendTime(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, FilingChannel channel, TimeEntryInput input, DateTime now,
        CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO channel_time_history (procedure_id, channel, effective_from, amount, unit, decision_ref, recorded_at)
            VALUES (@ProcedureId, @Channel, @EffectiveFrom, @Amount, @Unit, @DecisionRef, @Now);
            """ + dialect.SelectInsertedId,
            new
            {
                ProcedureId = procedureId,
                Channel = EnumText.Of(channel),
                EffectiveFrom = input.EffectiveFrom!.Value,
                Amount = input.Amount!.Value,
                Unit = EnumText.Of(input.Unit!.Value),
                DecisionRef = input.DecisionRef.Trim(),
                Now = now,
            },
            transaction, cancellationToken: cancellationToken));

    public static Task<long> AppendFee(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, FilingChannel channel, FeeEntryInput input, DateTime now,
        CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO channel_fee_history (procedure_id, channel, effective_from, fee_vnd, decision_ref, recorded_at)
            VALUES (@ProcedureId, @Channel, @EffectiveFrom, @FeeVnd, @DecisionRef, @Now);
            """ + dialect.SelectInsertedId,
            new
            {
                ProcedureId = procedureId,
                Channel = EnumText.Of(channel),
                EffectiveFrom = input.EffectiveFrom!.Value,
                FeeVnd = input.FeeVnd!.Value,
                DecisionRef = input.DecisionRef.Trim(),
                Now = now,
            },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveTime(DbConnection connection, DbTransaction transaction, long procedureId, FilingChannel channel, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM channel_time_history" + OfChannel + " AND id = @EntryId",
            new { ProcedureId = procedureId, Channel = EnumText.Of(channel), EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveFee(DbConnection connection, DbTransaction transaction, long procedureId, FilingChannel channel, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM channel_fee_history" + OfChannel + " AND id = @EntryId",
            new { ProcedureId = procedureId, Channel = EnumText.Of(channel), EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The channels of a procedure that have time or fee history: they are part of the record and cannot be removed.</summary>
    public static async Task<IReadOnlyList<string>> WithHistory(DbConnection connection, DbTransaction? transaction, long procedureId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT channel FROM channel_time_history WHERE procedure_id = @ProcedureId UNION SELECT channel FROM channel_fee_history WHERE procedure_id = @ProcedureId",
            new { ProcedureId = procedureId }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>
    /// Makes the procedure's channels those of <paramref name="desired"/>: new ones added, gone ones removed, descriptions
    /// changed. The caller has made sure no channel with history goes (<see cref="Procedures.ProcedureParts.Conflict"/>). True when anything changed.
    /// </summary>
    public static async Task<bool> Sync(
        DbConnection connection, DbTransaction transaction, long procedureId, IReadOnlyList<ChannelRow> stored, IReadOnlyList<ChannelInput> desired, CancellationToken cancellationToken)
    {
        var wanted = desired.ToDictionary(channel => EnumText.Of(channel.Channel!.Value), channel => Blank(channel.Description), StringComparer.Ordinal);
        var have = stored.ToDictionary(row => row.Channel, row => row.Description, StringComparer.Ordinal);
        var gone = have.Keys.Where(channel => !wanted.ContainsKey(channel)).ToList();
        var added = wanted.Where(pair => !have.ContainsKey(pair.Key)).Select(pair => new { ProcedureId = procedureId, Channel = pair.Key, Description = pair.Value }).ToList();
        var changed = wanted.Where(pair => have.TryGetValue(pair.Key, out var description) && description != pair.Value)
            .Select(pair => new { ProcedureId = procedureId, Channel = pair.Key, Description = pair.Value }).ToList();
        if (gone.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM procedure_channels WHERE procedure_id = @ProcedureId AND channel IN @Channels", new { ProcedureId = procedureId, Channels = gone },
                transaction, cancellationToken: cancellationToken));
        }

        if (added.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO procedure_channels (procedure_id, channel, description) VALUES (@ProcedureId, @Channel, @Description)", added, transaction,
                cancellationToken: cancellationToken));
        }

        if (changed.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE procedure_channels SET description = @Description" + OfChannel, changed, transaction, cancellationToken: cancellationToken));
        }

        return gone.Count + added.Count + changed.Count > 0;
    }

    /// <summary>A description as stored: trimmed, none when blank.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
