using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

internal static class ProcedureExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    private static readonly LegalBasisEntry EnterpriseLaw = new("59/2020/QH14", "Luật Doanh nghiệp", new DateOnly(2020, 6, 17), "Quốc hội");

    public static readonly ProcedureCreate Create = new(
        "11", "1.001612", "Đăng ký thành lập doanh nghiệp tư nhân", ProcedureLevel.Province, ProcedureKind.External,
        BusinessRelated: true, OnlineLevel.Full, FullOnlineEligible: true, BoundaryFree: true, FieldId: 1, AgencyId: 1,
        LastReviewedOn: new DateOnly(2025, 6, 15), [EnterpriseLaw], [DocumentExamples.Input])
    {
        Channels = Channels.ChannelExamples.Inputs, Published = Channels.ChannelExamples.Published,
    };

    public static readonly ProcedureUpdate Update = new(
        "1.001612", "Đăng ký thành lập doanh nghiệp tư nhân", ProcedureLevel.Province, ProcedureKind.External,
        BusinessRelated: true, OnlineLevel.Full, FullOnlineEligible: true, BoundaryFree: true, FieldId: 1, AgencyId: 1,
        LastReviewedOn: new DateOnly(2025, 6, 15), [EnterpriseLaw])
    {
        Channels = Channels.ChannelExamples.Inputs, Published = Channels.ChannelExamples.Published,
    };

    public static readonly ProcedureUpsert Upsert = new(
        "Đăng ký thành lập doanh nghiệp tư nhân", ProcedureLevel.Province, ProcedureKind.External,
        BusinessRelated: true, OnlineLevel.Full, FullOnlineEligible: true, BoundaryFree: true, FieldId: 1, AgencyId: 1,
        LastReviewedOn: new DateOnly(2025, 6, 15), [EnterpriseLaw], [DocumentExamples.Input])
    {
        Channels = Channels.ChannelExamples.Inputs, Published = Channels.ChannelExamples.Published,
    };

    public static readonly ProcedureStatusChange Abolish = new(ProcedureStatus.Abolished, new DateOnly(2025, 7, 1));

    public static readonly ProcedureDetail Detail = new(
        3, "11", "1.001612", "Đăng ký thành lập doanh nghiệp tư nhân", ProcedureLevel.Province, ProcedureKind.External,
        BusinessRelated: true, OnlineLevel.Full, FullOnlineEligible: true, BoundaryFree: true, TechnicalRegulation: false,
        new NamedReference(1, "Đăng ký kinh doanh"), new NamedReference(1, "Sở Tài chính tỉnh Điện Biên"),
        ProcedureStatus.Active, AbolishedOn: null, LastReviewedOn: new DateOnly(2025, 6, 15),
        [EnterpriseLaw], DocumentExamples.List, AsOf: new DateOnly(2026, 11, 22),
        HistoryExamples.TimeList[^1], HistoryExamples.Cost, Recorded, Recorded, 4)
    {
        Channels = Channels.ChannelExamples.Channels, Published = Channels.ChannelExamples.PublishedDetail,
    };

    public static readonly PageOf<ProcedureSummary> List = Paging.Of<ProcedureSummary>(
    [
        new(3, "11", "1.001612", "Đăng ký thành lập doanh nghiệp tư nhân", ProcedureLevel.Province, ProcedureKind.External,
            true, OnlineLevel.Full, true, true, false, 1, "Đăng ký kinh doanh", 1, "Sở Tài chính tỉnh Điện Biên",
            ProcedureStatus.Active, null, new DateOnly(2025, 6, 15), Recorded, 4),
    ], page: 1, pageSize: 20, totalCount: 1);
}
