using System.Net;
using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Tests.Support;

/// <summary>Channels and what is published of a procedure, built through the public API.</summary>
public sealed class ChannelBuilder(HttpClient client)
{
    public static readonly IReadOnlyList<ChannelInput> ThreeChannels =
    [
        new(FilingChannel.InPerson, "Nộp trực tiếp tại Bộ phận Một cửa"),
        new(FilingChannel.Online, "Nộp trực tuyến trên Cổng Dịch vụ công quốc gia"),
        new(FilingChannel.Post, "Nộp qua dịch vụ bưu chính công ích"),
    ];

    public async Task<TimeEntry> Time(long procedureId, FilingChannel channel, string effectiveFrom, decimal amount, TimeUnit unit = TimeUnit.WorkingDays, string decision = "1/QĐ-UBND") =>
        await (await client.PostJson($"/api/v1/procedures/{procedureId}/channels/{Text(channel)}/time-history",
            new TimeEntryInput(Date(effectiveFrom), amount, unit, decision))).ReadAs<TimeEntry>(HttpStatusCode.Created);

    public async Task<FeeEntry> Fee(long procedureId, FilingChannel channel, string effectiveFrom, long feeVnd, string decision = "1/QĐ-UBND") =>
        await (await client.PostJson($"/api/v1/procedures/{procedureId}/channels/{Text(channel)}/fee-history",
            new FeeEntryInput(Date(effectiveFrom), feeVnd, decision))).ReadAs<FeeEntry>(HttpStatusCode.Created);

    /// <summary>A national procedure (of VN, level province: performed by the provinces) to implement.</summary>
    public async Task<ProcedureDetail> National(CatalogBuilder build, string code, string name = "Đăng ký thành lập doanh nghiệp tư nhân")
    {
        await build.Jurisdiction("VN", "Trung ương");
        var input = await build.NewProcedure("VN", code, name, agency: "Bộ Tài chính");
        return await (await client.PostJson("/api/v1/procedures", input)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
    }

    public static string Text(FilingChannel channel) => ProcedureCatalog.Api.Infrastructure.EnumText.Of(channel);

    public static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
