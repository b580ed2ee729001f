using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

// A procedure's channels and what is published of it, carried by the bodies that describe a procedure. Left out (null), a
// create makes none and a replace keeps what is stored; an empty list removes them all.

public sealed partial record ProcedureCreate : IProcedureParts
{
    /// <summary>The channels it is offered through (in-person, online, post), each at most once; their time and fee have histories of their own.</summary>
    [MaxLength(ChannelRules.MaxChannels), DistinctItems]
    public IReadOnlyList<ChannelInput>? Channels { get; init; }

    /// <summary>What the national database publishes of it: who may file, the result, the conditions, the steps, the agencies, the national procedure it implements.</summary>
    public PublishedInput? Published { get; init; }
}

public sealed partial record ProcedureUpdate : IProcedureParts
{
    /// <summary>The channels it is offered through, each at most once; left out, they stay as they are. A channel with history cannot be removed (409).</summary>
    [MaxLength(ChannelRules.MaxChannels), DistinctItems]
    public IReadOnlyList<ChannelInput>? Channels { get; init; }

    /// <summary>What the national database publishes of it, replaced whole; left out, it stays as it is.</summary>
    public PublishedInput? Published { get; init; }
}

public sealed partial record ProcedureUpsert : IProcedureParts
{
    /// <summary>The channels it is offered through, each at most once; left out, they stay as they are. A channel with history cannot be removed (409).</summary>
    [MaxLength(ChannelRules.MaxChannels), DistinctItems]
    public IReadOnlyList<ChannelInput>? Channels { get; init; }

    /// <summary>What the national database publishes of it, replaced whole; left out, it stays as it is.</summary>
    public PublishedInput? Published { get; init; }
}

public sealed partial record ProcedureDetail
{
    /// <summary>The channels it is offered through, in the order in-person, online, post, with each one's time and fee in force on asOf.</summary>
    [Required]
    public IReadOnlyList<ProcedureChannel> Channels { get; init; } = [];

    /// <summary>What the national database publishes of it.</summary>
    [Required]
    public PublishedDetail Published { get; init; } = PublishedDetail.None;
}

/// <summary>What is published of a procedure as it is stored: texts trimmed, references as ids, applicant types in the list's order.</summary>
internal sealed record StoredPublication(
    IReadOnlyList<ApplicantType> ApplicantTypes,
    string? ResultName,
    string? ResultForm,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Steps,
    long? DecidingAgencyId,
    IReadOnlyList<long> ReceivingAgencyIds,
    IReadOnlyList<long> CoordinatingAgencyIds,
    long? ImplementsId)
{
    public static StoredPublication Of(PublishedInput input, long? implementsId) => new(
        (input.ApplicantTypes ?? []).Distinct().Order().ToList(),
        Text(input.Result?.Name),
        input.Result?.Name is null ? null : Text(input.Result.Form),
        (input.Conditions ?? []).Select(text => TextRules.Normalize(text.Trim())!).ToList(),
        (input.Steps ?? []).Select(text => TextRules.Normalize(text.Trim())!).ToList(),
        input.DecidingAgencyId,
        input.ReceivingAgencyIds ?? [],
        input.CoordinatingAgencyIds ?? [],
        implementsId);

    public static StoredPublication Of(PublishedDetail detail) => new(
        detail.ApplicantTypes, detail.Result?.Name, detail.Result?.Form, detail.Conditions, detail.Steps, detail.DecidingAgency?.Id,
        detail.ReceivingAgencies.Select(agency => agency.Id).ToList(), detail.CoordinatingAgencies.Select(agency => agency.Id).ToList(), detail.Implements?.Id);

    /// <summary>Equal for two publications that say the same.</summary>
    public string Digest => string.Join("\u001f",
        string.Join(",", ApplicantTypes), ResultName, ResultForm, string.Join("\u001e", Conditions), string.Join("\u001e", Steps), DecidingAgencyId,
        string.Join(",", ReceivingAgencyIds), string.Join(",", CoordinatingAgencyIds), ImplementsId);

    /// <summary>What search looks in besides the code and the name: the result and the conditions.</summary>
    public string SearchWords => string.Join(" ", new[] { ResultName, ResultForm }.Concat(Conditions).Where(text => !string.IsNullOrEmpty(text)));

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : TextRules.Normalize(text.Trim());
}

/// <summary>A body's channels and published fields, checked and resolved to what would be stored; null leaves what is stored.</summary>
internal sealed record PartsPlan(IReadOnlyList<ChannelInput>? Channels, StoredPublication? Published);

/// <summary>The rules every write of a procedure's channels and published fields obeys, wherever it comes from (API, import, sample).</summary>
internal static class ProcedureParts
{
    /// <summary>What the search index holds of a procedure: the code, the name, the result and the conditions, folded.</summary>
    public static string SearchTextOf(string code, string name, StoredPublication? published) => SearchTextOf(code, name, published?.SearchWords ?? string.Empty);

    public static string SearchTextOf(string code, string name, string publishedWords) =>
        publishedWords.Length == 0 ? ProcedureQueries.SearchTextOf(code, name) : SearchText.Fold(code + " " + name + " " + publishedWords);

    /// <summary>
    /// What a body's channels and published fields come to for a procedure of <paramref name="jurisdiction"/>, with what the
    /// published fields refer to checked: agencies of that jurisdiction, and a national procedure (one of a central catalogue)
    /// for implements. Each problem is added to <paramref name="errors"/> (a 422 naming the field).
    /// </summary>
    public static async Task<PartsPlan> Plan(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, IProcedureParts parts, Errors errors, CancellationToken cancellationToken)
    {
        var published = parts.Published;
        if (published is null)
        {
            return new PartsPlan(parts.Channels, null);
        }

        async Task Agency(long id, string field)
        {
            var agency = await AgencyQueries.Find(connection, id, cancellationToken, transaction);
            errors.When(agency is null, field, $"Agency {id} does not exist.");
            errors.When(agency is not null && agency.JurisdictionCode != jurisdiction, field,
                $"Agency {id} belongs to jurisdiction '{agency?.JurisdictionCode}', not '{jurisdiction}'.");
        }

        if (published.DecidingAgencyId is { } deciding)
        {
            await Agency(deciding, "published.decidingAgencyId");
        }

        foreach (var id in published.ReceivingAgencyIds ?? [])
        {
            await Agency(id, "published.receivingAgencyIds");
        }

        foreach (var id in published.CoordinatingAgencyIds ?? [])
        {
            await Agency(id, "published.coordinatingAgencyIds");
        }

        long? implementsId = null;
        if (published.Implements is { } key)
        {
            var (nationalJurisdiction, code) = PublicationRules.Split(key);
            var national = await PublicationQueries.FindNational(connection, transaction, nationalJurisdiction, code, cancellationToken);
            var own = await Jurisdictions.JurisdictionQueries.Find(connection, jurisdiction, cancellationToken, transaction);
            if (national is null)
            {
                errors.Add("published.implements", $"No procedure has the key '{key}'.");
            }
            else if (national.Value.Level != "central")
            {
                errors.Add("published.implements", $"'{key}' is a procedure of a provincial catalogue, not a national one; implements names a procedure of VN.");
            }
            else if (own?.Level == "central")
            {
                errors.Add("published.implements", "A national procedure implements none; implements is for a local procedure that implements a national one.");
            }
            else
            {
                implementsId = national.Value.Id;
            }
        }

        return new PartsPlan(parts.Channels, StoredPublication.Of(published, implementsId));
    }

    /// <summary>Why the channels of the body cannot replace the stored ones (a channel with history would go), or null.</summary>
    public static async Task<string?> Conflict(DbConnection connection, DbTransaction transaction, long procedureId, PartsPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Channels is not { } channels)
        {
            return null;
        }

        var kept = channels.Select(channel => EnumText.Of(channel.Channel!.Value)).ToHashSet(StringComparer.Ordinal);
        var dropped = (await ChannelQueries.WithHistory(connection, transaction, procedureId, cancellationToken)).Where(channel => !kept.Contains(channel)).Order().ToList();
        return dropped.Count == 0
            ? null
            : $"channels: the {string.Join(" and ", dropped)} channel of procedure {procedureId} has time or fee history and is part of the record; it cannot be left out "
              + "(remove its entries entered by mistake first).";
    }

    /// <summary>
    /// Writes the channels and published fields a body gives (null: leave as stored) and keeps the search text in step with the
    /// code, the name and what is published. True when the channels or the published fields changed.
    /// </summary>
    public static async Task<bool> Write(
        DbConnection connection, DbTransaction transaction, long procedureId, string code, string name, PartsPlan plan, CancellationToken cancellationToken)
    {
        var (channels, published) = plan;
        var changed = false;
        if (channels is not null)
        {
            changed |= await ChannelQueries.Sync(connection, transaction, procedureId, await ChannelQueries.OfProcedures(connection, [procedureId], cancellationToken, transaction),
                channels, cancellationToken);
        }

        var stored = StoredPublication.Of((await PublicationQueries.OfProcedures(connection, [procedureId], cancellationToken, transaction))[procedureId]);
        if (published is not null && published.Digest != stored.Digest)
        {
            await PublicationQueries.Replace(connection, transaction, procedureId, published, cancellationToken);
            changed = true;
        }

        await PublicationQueries.SetSearchText(connection, transaction, procedureId, SearchTextOf(code, name.Trim(), published ?? stored), cancellationToken);
        return changed;
    }

    /// <summary>True when the channels and published fields of a body (null: nothing said) are what is stored.</summary>
    public static async Task<bool> AreStored(DbConnection connection, DbTransaction transaction, long procedureId, PartsPlan plan, CancellationToken cancellationToken)
    {
        var (channels, published) = plan;
        if (channels is not null)
        {
            var stored = (await ChannelQueries.OfProcedures(connection, [procedureId], cancellationToken, transaction)).Select(row => (row.Channel, row.Description));
            var sent = channels.Select(channel => (Channel: EnumText.Of(channel.Channel!.Value), Description: ChannelQueries.Blank(channel.Description)))
                .OrderBy(channel => ChannelQueries.Order(channel.Channel));
            if (!stored.SequenceEqual(sent))
            {
                return false;
            }
        }

        return published is null
            || published.Digest == StoredPublication.Of((await PublicationQueries.OfProcedures(connection, [procedureId], cancellationToken, transaction))[procedureId]).Digest;
    }

    /// <summary>The detail with its channels (their time and fee in force on its asOf) and what is published of it.</summary>
    public static async Task<ProcedureDetail> Read(DbConnection connection, MapsterMapper.IMapper mapper, ProcedureDetail detail, CancellationToken cancellationToken)
    {
        IReadOnlyList<long> ids = [detail.Id];
        var times = (await ChannelQueries.TimeInForce(connection, ids, detail.AsOf, cancellationToken)).ToDictionary(row => row.Channel, StringComparer.Ordinal);
        var fees = (await ChannelQueries.FeeInForce(connection, ids, detail.AsOf, cancellationToken)).ToDictionary(row => row.Channel, StringComparer.Ordinal);
        var channels = (await ChannelQueries.OfProcedures(connection, ids, cancellationToken)).Select(row => new ProcedureChannel(
            EnumText<FilingChannel>.Parse(row.Channel), row.Description,
            times.TryGetValue(row.Channel, out var time) ? mapper.Map<History.TimeEntry>(time) : null,
            fees.TryGetValue(row.Channel, out var fee) ? mapper.Map<FeeEntry>(fee) : null)).ToList();
        return detail with { Channels = channels, Published = (await PublicationQueries.OfProcedures(connection, ids, cancellationToken))[detail.Id] };
    }
}
