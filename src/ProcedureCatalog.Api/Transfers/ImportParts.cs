using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>A record's channels and published fields, matched against the catalogue: references resolved, ready to compare and apply.</summary>
internal sealed record ImportedParts(IReadOnlyList<ChannelInput>? Offered, StoredPublication? Published, IReadOnlyList<ChannelEntry> Entries);

/// <summary>
/// What an import holds of the catalogue's channels and published fields, to match records against (all of the jurisdiction for
/// the check, the batch's procedures for a batch): the channels, the keys of their entries, the channels with history, and
/// a digest of what is published, with the words it adds to search.
/// </summary>
internal sealed record ImportPartsState(
    bool CentralJurisdiction,
    Dictionary<string, long> NationalKeys,
    Dictionary<long, List<ChannelRow>> Channels,
    HashSet<(long, string, DateOnly, decimal, string)> TimeEntries,
    HashSet<(long, string, DateOnly, long)> FeeEntries,
    Dictionary<long, (string Digest, string SearchWords)> Publications)
{
    private static readonly (string Digest, string SearchWords) NothingPublished = (StoredPublication.Of(PublishedDetail.None).Digest, string.Empty);

    public static async Task<ImportPartsState> Load(DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<long>? ids, CancellationToken cancellationToken)
    {
        var (condition, parameters) = ids is null
            ? ("procedure_id IN (SELECT id FROM procedures WHERE jurisdiction_code = @Jurisdiction)", (object)new { Jurisdiction = jurisdiction })
            : ("procedure_id IN @Ids", new { Ids = ids });
        var channels = (await connection.QueryAsync<ChannelRow>(new CommandDefinition(
                $"SELECT procedure_id, channel, description FROM procedure_channels WHERE {condition}", parameters, transaction, cancellationToken: cancellationToken)))
            .GroupBy(row => row.ProcedureId).ToDictionary(group => group.Key, group => group.OrderBy(row => ChannelQueries.Order(row.Channel)).ToList());
        var times = (await connection.QueryAsync<(long ProcedureId, string Channel, DateOnly EffectiveFrom, decimal Amount, string Unit)>(new CommandDefinition(
                $"SELECT procedure_id, channel, effective_from, amount, unit FROM channel_time_history WHERE {condition}", parameters, transaction, cancellationToken: cancellationToken)))
            .ToHashSet();
        var fees = (await connection.QueryAsync<(long ProcedureId, string Channel, DateOnly EffectiveFrom, long FeeVnd)>(new CommandDefinition(
                $"SELECT procedure_id, channel, effective_from, fee_vnd FROM channel_fee_history WHERE {condition}", parameters, transaction, cancellationToken: cancellationToken)))
            .ToHashSet();
        var published = ids is null
            ? await PublicationQueries.OfJurisdiction(connection, transaction, jurisdiction, cancellationToken)
            : await PublicationQueries.OfProcedures(connection, ids, cancellationToken, transaction);
        var level = await Jurisdictions.JurisdictionQueries.Find(connection, jurisdiction, cancellationToken, transaction);
        return new ImportPartsState(
            level?.Level == "central", await PublicationQueries.NationalKeys(connection, transaction, cancellationToken), channels, times, fees,
            published.ToDictionary(pair => pair.Key, pair => StoredPublication.Of(pair.Value) is var stored ? (stored.Digest, stored.SearchWords) : default));
    }

    public (string Digest, string SearchWords) PublicationOf(long? procedureId) =>
        procedureId is { } id && Publications.TryGetValue(id, out var stored) ? stored : NothingPublished;

    public IReadOnlyList<ChannelRow> ChannelsOf(long? procedureId) => procedureId is { } id && Channels.TryGetValue(id, out var rows) ? rows : [];

    public bool Holds(long procedureId, ChannelEntry entry) => entry.Time is { } time
        ? TimeEntries.Contains((procedureId, EnumText.Of(entry.Channel), time.EffectiveFrom!.Value, time.Amount!.Value, EnumText.Of(time.Unit!.Value)))
        : FeeEntries.Contains((procedureId, EnumText.Of(entry.Channel), entry.Fee!.EffectiveFrom!.Value, entry.Fee.FeeVnd!.Value));

    /// <summary>Notes the entry as held; false when it already was.</summary>
    public bool Add(long procedureId, ChannelEntry entry) => entry.Time is { } time
        ? TimeEntries.Add((procedureId, EnumText.Of(entry.Channel), time.EffectiveFrom!.Value, time.Amount!.Value, EnumText.Of(time.Unit!.Value)))
        : FeeEntries.Add((procedureId, EnumText.Of(entry.Channel), entry.Fee!.EffectiveFrom!.Value, entry.Fee.FeeVnd!.Value));
}

/// <summary>The decisions an import takes on a record's channels and published fields; the check pass takes the same ones without writing.</summary>
internal static class ImportParts
{
    /// <summary>
    /// The record's channels and published fields with their references resolved (agencies through <paramref name="agency"/>,
    /// which knows the import's rules for names; implements among the national procedures), or the row's errors: a channel with
    /// history left out, an entry for a channel the procedure is not offered through, an implements that is not national.
    /// </summary>
    public static async Task<ImportedParts> Resolve(ImportPartsState state, long? procedureId, CatalogueRecord record, Func<string, string, Task<long>> agency, Errors errors)
    {
        StoredPublication? published = null;
        if (record.Published is { } values)
        {
            long? implementsId = null;
            if (values.Implements is { } key)
            {
                errors.When(state.CentralJurisdiction, "implements", "A national procedure implements none; implements is for a local procedure that implements a national one.");
                errors.When(!state.CentralJurisdiction && !state.NationalKeys.ContainsKey(key), "implements",
                    $"'{CatalogueRecord.Quote(key)}' is not a national procedure: no procedure of a central catalogue (VN) has that key.");
                implementsId = state.NationalKeys.GetValueOrDefault(key);
            }

            long? deciding = values.DecidingAgency is { } name ? await agency("decidingAgency", name) : null;
            var receiving = new List<long>();
            foreach (var receiver in values.ReceivingAgencies)
            {
                receiving.Add(await agency("receivingAgencies", receiver));
            }

            var coordinating = new List<long>();
            foreach (var coordinator in values.CoordinatingAgencies)
            {
                coordinating.Add(await agency("coordinatingAgencies", coordinator));
            }

            published = new StoredPublication(values.ApplicantTypes, values.ResultName, values.ResultName is null ? null : values.ResultForm, values.Conditions, values.Steps,
                deciding, receiving, coordinating, implementsId);
        }

        var offered = record.Channels?.Offered;
        var stored = state.ChannelsOf(procedureId).Select(row => row.Channel).ToList();
        var kept = offered?.Select(channel => EnumText.Of(channel.Channel!.Value)).ToList() ?? stored;
        if (offered is not null && procedureId is { } id)
        {
            foreach (var channel in stored.Where(channel => !kept.Contains(channel) && HasHistory(state, id, channel)))
            {
                errors.Add("channels", $"The {channel} channel has time or fee history and is part of the record; it cannot be left out (remove its entries entered by mistake first).");
            }
        }

        var entries = record.Channels?.Entries ?? [];
        foreach (var channel in entries.Select(entry => entry.Channel).Distinct().Where(channel => !kept.Contains(EnumText.Of(channel))))
        {
            errors.Add("channels", $"The row gives the {EnumText.Of(channel)} channel's time or fee, but the procedure is not offered through it: list it in channels.");
        }

        return new ImportedParts(offered, published, entries);
    }

    private static bool HasHistory(ImportPartsState state, long procedureId, string channel) =>
        state.TimeEntries.Any(entry => entry.Item1 == procedureId && entry.Item2 == channel) || state.FeeEntries.Any(entry => entry.Item1 == procedureId && entry.Item2 == channel);

    public static bool WouldChange(ImportPartsState state, long procedureId, ImportedParts parts) =>
        (parts.Offered is { } offered && !SameChannels(state.ChannelsOf(procedureId), offered))
        || (parts.Published is { } published && published.Digest != state.PublicationOf(procedureId).Digest)
        || parts.Entries.Any(entry => !state.Holds(procedureId, entry));

    /// <summary>
    /// Makes the catalogue say what the record says of the procedure's channels and published fields, and keeps its search text
    /// in step (<paramref name="searchTextReset"/>: the code or name was just written, with a search text of those alone). True when anything changed.
    /// </summary>
    public static async Task<bool> Apply(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, ImportPartsState state, long procedureId, string code, string name, bool searchTextReset,
        ImportedParts parts, DateTime now, CancellationToken cancellationToken)
    {
        var changed = false;
        if (parts.Offered is { } offered && !SameChannels(state.ChannelsOf(procedureId), offered))
        {
            await ChannelQueries.Sync(connection, transaction, procedureId, state.ChannelsOf(procedureId), offered, cancellationToken);
            state.Channels[procedureId] = offered.Select(channel => new ChannelRow
            {
                ProcedureId = procedureId, Channel = EnumText.Of(channel.Channel!.Value), Description = ChannelQueries.Blank(channel.Description),
            }).ToList();
            changed = true;
        }

        var words = state.PublicationOf(procedureId).SearchWords;
        var rewrite = searchTextReset && words.Length > 0;
        if (parts.Published is { } published && published.Digest != state.PublicationOf(procedureId).Digest)
        {
            await PublicationQueries.Replace(connection, transaction, procedureId, published, cancellationToken);
            state.Publications[procedureId] = (published.Digest, published.SearchWords);
            changed = true;
            rewrite |= published.SearchWords != words;
            words = published.SearchWords;
        }

        // Written with the code and the name alone, the search text needs the published words again (when there are any).
        if (rewrite)
        {
            await PublicationQueries.SetSearchText(connection, transaction, procedureId, ProcedureParts.SearchTextOf(code, name, words), cancellationToken);
        }

        foreach (var entry in parts.Entries.Where(entry => state.Add(procedureId, entry)))
        {
            _ = entry.Time is { } time
                ? await ChannelQueries.AppendTime(connection, transaction, dialect, procedureId, entry.Channel, time, now, cancellationToken)
                : await ChannelQueries.AppendFee(connection, transaction, dialect, procedureId, entry.Channel, entry.Fee!, now, cancellationToken);
            changed = true;
        }

        return changed;
    }

    private static bool SameChannels(IReadOnlyList<ChannelRow> stored, IReadOnlyList<ChannelInput> offered) =>
        stored.Select(row => (row.Channel, row.Description))
            .SequenceEqual(offered.OrderBy(channel => channel.Channel).Select(channel => (EnumText.Of(channel.Channel!.Value), ChannelQueries.Blank(channel.Description))));
}
