using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.SampleData;

namespace ProcedureCatalog.Api.Generator;

/// <summary>A generated procedure's channels (with their own time and fee) and what is published of it.</summary>
internal sealed record SyntheticProcedureParts(
    IReadOnlyList<ChannelInput> Channels,
    IReadOnlyList<(FilingChannel Channel, TimeEntryInput Entry)> Times,
    IReadOnlyList<(FilingChannel Channel, FeeEntryInput Entry)> Fees,
    StoredPublication Published);

/// <summary>
/// Channels and published fields for the synthetic catalogue, drawn from a random sequence of their own (seeded from the
/// catalogue's seed), so that the procedures, their histories and every report figure are those the same seed gave before
/// channels existed. Every procedure is offered in person; online when its online level is not none (its own history: the
/// procedure's times cut further and often a lower fee); by post now and then. A provincial procedure implements a national
/// one now and then.
/// </summary>
internal sealed class SyntheticParts(int seed)
{
    private static readonly string[] Descriptions =
    [
        "Nộp trực tiếp tại Bộ phận Một cửa", "Nộp trực tuyến trên Cổng Dịch vụ công quốc gia", "Nộp qua dịch vụ bưu chính công ích",
    ];

    private static readonly string[] Results = ["Giấy chứng nhận", "Giấy phép", "Quyết định phê duyệt", "Văn bản chấp thuận", "Thông báo kết quả"];

    // No word of these folds to a word of the search benchmark's query (dang ky kinh doanh), so that its matches stay what they were.
    private static readonly string[] Conditions =
    [
        "Hồ sơ hợp lệ theo quy định", "Nộp phí, lệ phí theo quy định", "Có địa điểm phù hợp quy hoạch", "Người nộp hồ sơ đủ 18 tuổi trở lên",
        "Cơ sở bảo đảm an toàn phòng cháy, chữa cháy", "Không thuộc trường hợp bị cấm hoạt động",
    ];

    private static readonly string[] Steps =
    [
        "Bước 1: Tổ chức, cá nhân nộp hồ sơ", "Bước 2: Cơ quan tiếp nhận kiểm tra hồ sơ", "Bước 3: Cơ quan có thẩm quyền giải quyết và trả kết quả",
    ];

    private static readonly decimal[] OnlineTimeFactors = [0.5m, 0.6m, 0.8m, 1m, 1m];

    private readonly Random random = new(unchecked(seed * 7919 + 16));

    public SyntheticProcedureParts Draw(SampleCatalogue.SampleProcedure procedure, long agencyId, IReadOnlyList<long> nationalIds)
    {
        var channels = new List<ChannelInput> { new(FilingChannel.InPerson, Descriptions[0]) };
        var times = new List<(FilingChannel, TimeEntryInput)>();
        var fees = new List<(FilingChannel, FeeEntryInput)>();
        var lastFee = procedure.CostHistory.LastOrDefault();
        if (lastFee is not null)
        {
            fees.Add((FilingChannel.InPerson, new FeeEntryInput(lastFee.EffectiveFrom, lastFee.FeeVnd, lastFee.DecisionRef)));
        }

        if (procedure.OnlineLevel != OnlineLevel.None)
        {
            channels.Add(new ChannelInput(FilingChannel.Online, Descriptions[1]));
            var factor = OnlineTimeFactors[random.Next(OnlineTimeFactors.Length)];
            times.AddRange(procedure.TimeHistory.Select(entry => (FilingChannel.Online, entry with
            {
                Amount = Math.Max(0.5m, Math.Round(entry.Amount!.Value * factor * 2, MidpointRounding.AwayFromZero) / 2),
            })));
            var share = random.Next(3) switch { 0 => 0m, 1 => 0.5m, _ => 1m };
            fees.AddRange(procedure.CostHistory.Select(entry => (FilingChannel.Online,
                new FeeEntryInput(entry.EffectiveFrom, (long)Math.Round(entry.FeeVnd!.Value * share / 1_000, MidpointRounding.AwayFromZero) * 1_000, entry.DecisionRef))));
        }

        if (random.NextDouble() < 0.4)
        {
            channels.Add(new ChannelInput(FilingChannel.Post, Descriptions[2]));
            if (lastFee is not null)
            {
                fees.Add((FilingChannel.Post, new FeeEntryInput(lastFee.EffectiveFrom, lastFee.FeeVnd, lastFee.DecisionRef)));
            }
        }

        var types = procedure.BusinessRelated
            ? new[] { ApplicantType.Businesses, ApplicantType.ForeignInvestedBusinesses, ApplicantType.Cooperatives }
            : new[] { ApplicantType.Citizens, ApplicantType.OverseasVietnamese, ApplicantType.Foreigners };
        var published = new StoredPublication(
            types.Take(1 + random.Next(types.Length)).Order().ToList(),
            Results[random.Next(Results.Length)], null,
            Enumerable.Range(0, random.Next(3)).Select(_ => Conditions[random.Next(Conditions.Length)]).Distinct().ToList(),
            Steps.Take(2 + random.Next(2)).ToList(),
            agencyId, [agencyId], [],
            procedure.Level != ProcedureLevel.Central && nationalIds.Count > 0 && random.NextDouble() < 0.3 ? nationalIds[random.Next(nationalIds.Count)] : null);
        return new SyntheticProcedureParts(channels, times, fees, published);
    }
}
