using System.Text.Json.Serialization;
using ProcedureCatalog.Api.Channels;

namespace ProcedureCatalog.Api.Reports;

public sealed partial record ReportBasis
{
    /// <summary>The channel whose own processing time and fee were measured (channel=…); absent when the figures are the procedure's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FilingChannel? Channel { get; init; }
}

/// <summary>What a report asked for one channel states of its measures: the channel, and a cost that is that channel's fee alone.</summary>
internal static class ChannelReports
{
    public static ReportBasis Basis(ReportBasis basis, FilingChannel? channel) => channel is null
        ? basis
        : basis with
        {
            Channel = channel,
            Normalisation = basis.Normalisation with { CostFormula = "feeVnd of the channel (its fee alone: no other costs, no applicant hours, no tariff)" },
        };
}
