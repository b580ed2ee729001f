using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>
/// The export's columns of channels and of what is published (<see cref="PublishedColumns"/>): lists as lines, agencies by
/// name, implements as jurisdiction/code, and per channel its description and the time and fee in force on @AsOf, each
/// read through channel_in_force (views/0700_channels.sql) with one seek.
/// </summary>
internal static partial class ExportQueries
{
    private static readonly (FilingChannel Channel, string Column)[] ChannelColumns =
        [.. Enum.GetValues<FilingChannel>().Select(channel => (channel, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(channel.ToString())))];

    private static string ApplicantTypeOrder =>
        "CASE y.applicant_type " + string.Concat(Enum.GetValues<ApplicantType>().Select(type => $"WHEN '{EnumText.Of(type)}' THEN {(int)type} ")) + "END";

    private static string PartColumns(SqlDialect dialect) =>
        string.Join(",\n", new[]
        {
            $"{dialect.LinesOf("''", "y.applicant_type", "procedure_applicant_types y WHERE y.procedure_id = p.id", ApplicantTypeOrder)} AS applicant_types",
            "pub.result_name, pub.result_form",
            $"{dialect.LinesOf("''", "pt.text", "procedure_texts pt WHERE pt.procedure_id = p.id AND pt.list = 'condition'", "pt.position")} AS conditions",
            $"{dialect.LinesOf("''", "pt.text", "procedure_texts pt WHERE pt.procedure_id = p.id AND pt.list = 'step'", "pt.position")} AS steps",
            "da.name AS deciding_agency",
            $"{dialect.LinesOf("''", "ra.name", "procedure_agency_roles r INNER JOIN agencies ra ON ra.id = r.agency_id WHERE r.procedure_id = p.id AND r.role = 'receiving'", "r.position")} AS receiving_agencies",
            $"{dialect.LinesOf("''", "ra.name", "procedure_agency_roles r INNER JOIN agencies ra ON ra.id = r.agency_id WHERE r.procedure_id = p.id AND r.role = 'coordinating'", "r.position")} AS coordinating_agencies",
            "CASE WHEN np.id IS NULL THEN NULL ELSE CONCAT(np.jurisdiction_code, '/', np.code) END AS implements_key",
            $"{dialect.LinesOf("''", "ch.channel", "procedure_channels ch WHERE ch.procedure_id = p.id", "ch.channel")} AS channel_list",
        }.Concat(ChannelColumns.Select((channel, index) =>
            $"ch{index}.description AS {channel.Column}_description, ct{index}.effective_from AS {channel.Column}_time_effective_from, "
            + $"ct{index}.amount AS {channel.Column}_time_amount, ct{index}.unit AS {channel.Column}_time_unit, ct{index}.decision_ref AS {channel.Column}_time_decision_ref, "
            + $"cf{index}.effective_from AS {channel.Column}_fee_effective_from, cf{index}.fee_vnd AS {channel.Column}_fee_vnd, cf{index}.decision_ref AS {channel.Column}_fee_decision_ref")));

    private static string PartJoins =>
        """
        LEFT JOIN procedure_publications pub ON pub.procedure_id = p.id
        LEFT JOIN agencies da ON da.id = pub.deciding_agency_id
        LEFT JOIN procedures np ON np.id = pub.implements_id

        """
        + string.Concat(ChannelColumns.Select((channel, index) =>
            $"""
            LEFT JOIN procedure_channels ch{index} ON ch{index}.procedure_id = p.id AND ch{index}.channel = '{EnumText.Of(channel.Channel)}'
            LEFT JOIN channel_in_force ctw{index} ON ctw{index}.procedure_id = p.id AND ctw{index}.channel = '{EnumText.Of(channel.Channel)}' AND ctw{index}.measure = 'time'
                AND ctw{index}.valid_from <= @AsOf AND (ctw{index}.valid_to IS NULL OR ctw{index}.valid_to > @AsOf)
            LEFT JOIN channel_time_history ct{index} ON ct{index}.id = ctw{index}.entry_id
            LEFT JOIN channel_in_force cfw{index} ON cfw{index}.procedure_id = p.id AND cfw{index}.channel = '{EnumText.Of(channel.Channel)}' AND cfw{index}.measure = 'fee'
                AND cfw{index}.valid_from <= @AsOf AND (cfw{index}.valid_to IS NULL OR cfw{index}.valid_to > @AsOf)
            LEFT JOIN channel_fee_history cf{index} ON cf{index}.id = cfw{index}.entry_id

            """));

    /// <summary>The channels of a record with every entry of their histories (the ndjson export with history=true).</summary>
    private static ChannelColumnValues? WithHistories(
        ChannelColumnValues? channels, long procedureId, ILookup<long, ChannelTimeEntryRow>? times, ILookup<long, ChannelFeeEntryRow>? fees)
    {
        if (times is null || fees is null || (channels is null && !times[procedureId].Any() && !fees[procedureId].Any()))
        {
            return channels;
        }

        return (channels ?? new ChannelColumnValues(null, [])) with
        {
            TimeHistory = times[procedureId].Select(row => new ChannelTimeRecord(
                EnumText<FilingChannel>.Parse(row.Channel), row.EffectiveFrom, row.Amount, EnumText<TimeUnit>.Parse(row.Unit), row.DecisionRef)).ToList(),
            FeeHistory = fees[procedureId].Select(row => new ChannelFeeRecord(EnumText<FilingChannel>.Parse(row.Channel), row.EffectiveFrom, row.FeeVnd, row.DecisionRef)).ToList(),
        };
    }

    private sealed partial record ExportRow
    {
        public string? ApplicantTypes { get; init; }
        public string? ResultName { get; init; }
        public string? ResultForm { get; init; }
        public string? Conditions { get; init; }
        public string? Steps { get; init; }
        public string? DecidingAgency { get; init; }
        public string? ReceivingAgencies { get; init; }
        public string? CoordinatingAgencies { get; init; }
        public string? ImplementsKey { get; init; }
        public string? ChannelList { get; init; }
        public string? InPersonDescription { get; init; }
        public DateOnly? InPersonTimeEffectiveFrom { get; init; }
        public decimal? InPersonTimeAmount { get; init; }
        public string? InPersonTimeUnit { get; init; }
        public string? InPersonTimeDecisionRef { get; init; }
        public DateOnly? InPersonFeeEffectiveFrom { get; init; }
        public long? InPersonFeeVnd { get; init; }
        public string? InPersonFeeDecisionRef { get; init; }
        public string? OnlineDescription { get; init; }
        public DateOnly? OnlineTimeEffectiveFrom { get; init; }
        public decimal? OnlineTimeAmount { get; init; }
        public string? OnlineTimeUnit { get; init; }
        public string? OnlineTimeDecisionRef { get; init; }
        public DateOnly? OnlineFeeEffectiveFrom { get; init; }
        public long? OnlineFeeVnd { get; init; }
        public string? OnlineFeeDecisionRef { get; init; }
        public string? PostDescription { get; init; }
        public DateOnly? PostTimeEffectiveFrom { get; init; }
        public decimal? PostTimeAmount { get; init; }
        public string? PostTimeUnit { get; init; }
        public string? PostTimeDecisionRef { get; init; }
        public DateOnly? PostFeeEffectiveFrom { get; init; }
        public long? PostFeeVnd { get; init; }
        public string? PostFeeDecisionRef { get; init; }

        private static IReadOnlyList<string> Lines(string? text) => (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        private (string? Description, TimeEntryInput? Time, FeeEntryInput? Fee) Of(FilingChannel channel) => channel switch
        {
            FilingChannel.InPerson => (InPersonDescription, Time(InPersonTimeEffectiveFrom, InPersonTimeAmount, InPersonTimeUnit, InPersonTimeDecisionRef),
                Fee(InPersonFeeEffectiveFrom, InPersonFeeVnd, InPersonFeeDecisionRef)),
            FilingChannel.Online => (OnlineDescription, Time(OnlineTimeEffectiveFrom, OnlineTimeAmount, OnlineTimeUnit, OnlineTimeDecisionRef),
                Fee(OnlineFeeEffectiveFrom, OnlineFeeVnd, OnlineFeeDecisionRef)),
            _ => (PostDescription, Time(PostTimeEffectiveFrom, PostTimeAmount, PostTimeUnit, PostTimeDecisionRef), Fee(PostFeeEffectiveFrom, PostFeeVnd, PostFeeDecisionRef)),
        };

        private static TimeEntryInput? Time(DateOnly? from, decimal? amount, string? unit, string? decision) =>
            from is null ? null : new TimeEntryInput(from, amount, EnumText<TimeUnit>.Parse(unit!), decision!);

        private static FeeEntryInput? Fee(DateOnly? from, long? fee, string? decision) => from is null ? null : new FeeEntryInput(from, fee, decision!);

        private CatalogueRecord WithParts(CatalogueRecord record)
        {
            var published = ApplicantTypes is null && ResultName is null && Conditions is null && Steps is null && DecidingAgency is null
                && ReceivingAgencies is null && CoordinatingAgencies is null && ImplementsKey is null
                ? null
                : new PublishedColumnValues(
                    Lines(ApplicantTypes).Select(EnumText<ApplicantType>.Parse).ToList(), ResultName, ResultForm, Lines(Conditions), Lines(Steps), DecidingAgency,
                    Lines(ReceivingAgencies), Lines(CoordinatingAgencies), ImplementsKey);
            var offered = Lines(ChannelList).Select(EnumText<FilingChannel>.Parse).Select(channel => (channel, Values: Of(channel))).ToList();
            var channels = offered.Count == 0
                ? null
                : new ChannelColumnValues(
                    offered.Select(channel => new ChannelInput(channel.channel, channel.Values.Description)).ToList(),
                    offered.SelectMany(channel => new[]
                    {
                        channel.Values.Time is { } time ? new ChannelEntry(channel.channel, time, null) : null,
                        channel.Values.Fee is { } fee ? new ChannelEntry(channel.channel, null, fee) : null,
                    }).OfType<ChannelEntry>().ToList());
            return record with { Published = published, Channels = channels };
        }
    }
}
