using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>The November 2026 report of Cần Thơ, as the sample catalogue gives it in outline.</summary>
internal static class PeriodReportExamples
{
    private static readonly Scoreboard Now = TrendExamples.Trend.Points[1];

    private static readonly Scoreboard Before = TrendExamples.Trend.Points[0];

    private static readonly LaggardReport Time = new(Now.Basis, ReductionMeasure.Time, ReportScope.Target, 50m, Paging.Of<Laggard>(
    [
        new Laggard(42, "92", "1.009650", "Điều chỉnh dự án đầu tư trong trường hợp dự án đã được cấp Giấy chứng nhận đăng ký đầu tư", 21,
            "Sở Tài chính thành phố Cần Thơ", "Đầu tư", 14.2857m, 12m, 16.00m, 50m, 34.00m),
    ], page: 1, pageSize: PeriodReports.LaggardsListed, totalCount: 1));

    private static readonly LaggardReport Cost = new(Now.Basis, ReductionMeasure.Cost, ReportScope.Target, 50m,
        Paging.Of<Laggard>([], page: 1, pageSize: PeriodReports.LaggardsListed, totalCount: 0));

    private static readonly OnlineLevelMove Inspection = new(52, "2.002385", "Thủ tục phê duyệt kế hoạch thanh tra, kiểm tra hằng năm", "Sở Y tế thành phố Cần Thơ",
        OnlineLevel.None, OnlineLevel.Full, new DateOnly(2026, 11, 3), "1868/QĐ-UBND");

    private static readonly OnlineLevelMove Land = new(46, "2.000983",
        "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với tổ chức", "Sở Nông nghiệp và Môi trường thành phố Cần Thơ",
        OnlineLevel.Partial, OnlineLevel.Full, new DateOnly(2026, 11, 16), "1921/QĐ-UBND");

    public static readonly PeriodReport November = new(
        ReportCalendar.Period(PeriodKind.Month, 2026, 11, 22),
        new ReportJurisdiction("92", "Thành phố Cần Thơ"),
        [Plans.PlanExamples.CanTho],
        Now,
        Before,
        PeriodReportMappings.Changes(Now, Before),
        [
            new ProcedureCut(44, "1.004995", "Cấp giấy phép môi trường thuộc thẩm quyền của UBND cấp tỉnh", "Sở Nông nghiệp và Môi trường thành phố Cần Thơ",
                ReductionMeasure.Time, 14.2857m, 10.7143m, 25.00m, 50.00m, new DateOnly(2026, 11, 1), "2105/QĐ-UBND"),
        ],
        [new ProcedureAbolition(47, "2.000355", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Sở Y tế thành phố Cần Thơ", new DateOnly(2026, 11, 15))],
        new PeriodAttributeMoves([Inspection], [Land, Inspection],
            [new BoundaryFreeMove(48, "2.000355", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống", "Sở Y tế thành phố Cần Thơ",
                false, true, new DateOnly(2026, 11, 1), "1862/QĐ-UBND")]),
        new PeriodAttributeMoves([], [], []),
        new PeriodLaggards(Time, Cost),
        new PeriodTasks(Plans.PlanExamples.DoneReport, Plans.PlanExamples.OverdueReport, Plans.PlanExamples.DueReport),
        TrendExamples.Trend.Points.Select(ReductionPoint.Of).ToList());
}
