using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>The Vietnamese names of the indicators (the resolution's own words, domain brief sections 1 and 6).</summary>
public static class IndicatorNames
{
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["time-reduction"] = "Cắt giảm thời gian giải quyết TTHC liên quan đến hoạt động sản xuất, kinh doanh",
        ["cost-reduction"] = "Cắt giảm chi phí tuân thủ TTHC liên quan đến hoạt động sản xuất, kinh doanh",
        ["business-online"] = "TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến",
        ["boundary-free"] = "TTHC được thực hiện không phụ thuộc vào địa giới hành chính",
        ["internal-reviewed"] = "TTHC nội bộ được rà soát, cắt giảm, đơn giản hóa",
        ["documents-provided-once"] = "Thông tin, giấy tờ, tài liệu chỉ phải cung cấp một lần",
        ["full-online-of-eligible"] = "TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
        ["internal-electronic"] = "TTHC nội bộ được thực hiện trên môi trường điện tử",
        ["technical-regulation-reviewed"] = "Thủ tục tại quy chuẩn kỹ thuật, tiêu chuẩn bắt buộc được công bố, rà soát, cắt giảm",
        ["business-reporting-electronic"] = "Chế độ báo cáo của doanh nghiệp được thực hiện điện tử",
    };

    /// <summary>The indicator's Vietnamese name; an indicator without one is shown by its id.</summary>
    public static string Of(string indicator) => Names.TryGetValue(indicator, out var name) ? name : indicator;
}

/// <summary>The Vietnamese words of the periodic reports: the kinds of period and the measures.</summary>
public static class PeriodNames
{
    public static string Kind(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "tháng",
        PeriodKind.Quarter => "quý",
        _ => "năm",
    };

    /// <summary>The period as a title names it: tháng 11 năm 2026, quý IV năm 2026, năm 2026.</summary>
    public static string Title(ReportPeriod period) => period.Kind switch
    {
        PeriodKind.Month => $"tháng {period.To.Month} năm {period.To.Year}",
        PeriodKind.Quarter => $"quý {new[] { "I", "II", "III", "IV" }[(period.To.Month / 3) - 1]} năm {period.To.Year}",
        _ => $"năm {period.To.Year}",
    };

    public static string Measure(ReductionMeasure measure) => measure == ReductionMeasure.Time ? "Thời gian giải quyết" : "Chi phí tuân thủ";

    public static string Unit(ReductionMeasure measure) => measure == ReductionMeasure.Time ? "ngày làm việc" : "đồng/hồ sơ";

    /// <summary>mức độ cung cấp dịch vụ công trực tuyến: toàn trình, một phần, or not online; null when nothing is in force.</summary>
    public static string? OnlineLevel(OnlineLevel? level) => level switch
    {
        Procedures.OnlineLevel.Full => "Toàn trình",
        Procedures.OnlineLevel.Partial => "Một phần",
        Procedures.OnlineLevel.None => "Không trực tuyến",
        _ => null,
    };
}
