using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Channels;

internal static class ChannelExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    public static readonly TimeEntryInput TimeInput = new(new DateOnly(2025, 7, 1), 2m, TimeUnit.WorkingDays, "1085/QĐ-UBND");

    public static readonly TimeEntry Time = new(91, new DateOnly(2025, 7, 1), 2m, TimeUnit.WorkingDays, "1085/QĐ-UBND", Recorded);

    public static readonly IReadOnlyList<TimeEntry> TimeList =
    [
        new(90, new DateOnly(2024, 1, 1), 3m, TimeUnit.WorkingDays, "512/QĐ-UBND", Recorded),
        Time,
    ];

    public static readonly FeeEntryInput FeeInput = new(new DateOnly(2026, 1, 1), 0, "1085/QĐ-UBND");

    public static readonly FeeEntry Fee = new(61, new DateOnly(2026, 1, 1), 0, "1085/QĐ-UBND", Recorded);

    public static readonly IReadOnlyList<FeeEntry> FeeList =
    [
        new(60, new DateOnly(2024, 1, 1), 50_000, "512/QĐ-UBND", Recorded),
        Fee,
    ];

    public static readonly IReadOnlyList<ChannelInput> Inputs =
    [
        new(FilingChannel.InPerson, "Nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh"),
        new(FilingChannel.Online, "Nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia"),
        new(FilingChannel.Post, "Nộp hồ sơ qua dịch vụ bưu chính công ích"),
    ];

    public static readonly IReadOnlyList<ProcedureChannel> Channels =
    [
        new(FilingChannel.InPerson, Inputs[0].Description, TimeList[^1] with { Id = 89, Amount = 3m }, FeeList[0] with { Id = 59 }),
        new(FilingChannel.Online, Inputs[1].Description, Time, Fee),
        new(FilingChannel.Post, Inputs[2].Description, null, null),
    ];

    public static readonly PublishedInput Published = new(
        [ApplicantType.Citizens, ApplicantType.OverseasVietnamese],
        new ProcedureResult("Giấy chứng nhận đăng ký doanh nghiệp", null),
        ["Ngành, nghề đăng ký kinh doanh không bị cấm đầu tư kinh doanh", "Tên của doanh nghiệp được đặt theo đúng quy định"],
        ["Bước 1: Người thành lập doanh nghiệp nộp hồ sơ", "Bước 2: Phòng Đăng ký kinh doanh tiếp nhận và cấp giấy biên nhận",
         "Bước 3: Phòng Đăng ký kinh doanh xem xét và cấp Giấy chứng nhận đăng ký doanh nghiệp trong 3 ngày làm việc"],
        DecidingAgencyId: 1, ReceivingAgencyIds: [1], CoordinatingAgencyIds: [], Implements: "VN/1.001612");

    public static readonly PublishedDetail PublishedDetail = new(
        Published.ApplicantTypes!, Published.Result, Published.Conditions!, Published.Steps!,
        new NamedReference(1, "Sở Tài chính tỉnh Điện Biên"), [new NamedReference(1, "Sở Tài chính tỉnh Điện Biên")], [],
        new ImplementedProcedure(53, "VN/1.001612", "Đăng ký thành lập doanh nghiệp tư nhân"));
}
