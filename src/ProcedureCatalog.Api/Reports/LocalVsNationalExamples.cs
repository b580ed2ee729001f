using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Reports;

internal static class LocalVsNationalExamples
{
    private static readonly ProcedureReference Investment = new(86, "VN", "1.009645",
        "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư");

    public static readonly LocalVsNationalReport Report = new("92", new DateOnly(2025, 12, 31), 1, 1,
    [
        new LocalVsNationalRow(LocalFinding.Exceeds, Investment with { Id = 41, Jurisdiction = "92" }, Investment,
            new ComparedValue(10m, 15m, false), new ComparedValue(300_000m, 0m, true)),
        new LocalVsNationalRow(LocalFinding.NotImplemented, null, new ProcedureReference(85, "VN", "1.001612", "Đăng ký thành lập doanh nghiệp tư nhân"), null, null),
    ]);

    /// <summary>The report as a table: a row each, the measures side by side.</summary>
    public static IReadOnlyList<CsvColumn<LocalVsNationalRow>> Columns(LocalVsNationalReport report) =>
    [
        new("Ngày số liệu", _ => report.AsOf),
        new("Đơn vị hành chính", _ => report.Jurisdiction),
        new("Phát hiện", row => EnumText.Of(row.Finding)),
        new("Mã TTHC địa phương", row => row.Local?.Code),
        new("Tên TTHC địa phương", row => row.Local?.Name),
        new("Mã TTHC quốc gia", row => row.National.Code),
        new("Tên TTHC quốc gia", row => row.National.Name),
        new("Thời gian địa phương (ngày làm việc)", row => row.Time?.Local),
        new("Thời gian quốc gia (ngày làm việc)", row => row.Time?.National),
        new("Thời gian vượt", row => row.Time?.Exceeds),
        new("Lệ phí địa phương (đồng)", row => row.Fee?.Local),
        new("Lệ phí quốc gia (đồng)", row => row.Fee?.National),
        new("Lệ phí vượt", row => row.Fee?.Exceeds),
    ];
}
