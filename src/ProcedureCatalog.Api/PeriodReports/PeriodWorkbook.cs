using MiniExcelLibs;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>One sheet of a workbook: its name, and its rows as the report tables write them (<see cref="XlsxTable{TRow}.Sheet"/>).</summary>
internal interface IWorkbookSheet
{
    string Name { get; }

    IEnumerable<IDictionary<string, object?>> Rows();
}

internal sealed record WorkbookSheet<TRow>(string Name, IReadOnlyList<CsvColumn<TRow>> Columns, IReadOnlyList<TRow> Items) : IWorkbookSheet
{
    public IEnumerable<IDictionary<string, object?>> Rows() => XlsxTable<TRow>.Sheet(Columns, Items);
}

/// <summary>A line of the sheet that says what the report is: a label and its value.</summary>
internal sealed record ReportFact(string Label, object? Value);

/// <summary>An indicator of the report's scoreboard with its change since the previous report.</summary>
internal sealed record IndicatorLine(ScoreboardIndicator Indicator, IndicatorChange Change);

/// <summary>
/// The periodic report as an XLSX workbook for analysts: one sheet per part of the report (the task sheets as the task reports give them), each with Vietnamese
/// headers in its first row and a row per item, numbers as number cells and dates as date cells, so that it opens
/// right in an Excel of any regional settings. The same figures as the JSON, part by part.
/// </summary>
internal static class PeriodWorkbook
{
    public const string MediaType = XlsxTable<object>.MediaType;

    public static IReadOnlyList<IWorkbookSheet> Sheets(PeriodReport report) =>
    [
        new WorkbookSheet<ReportFact>("Thông tin", FactColumns, Facts(report)),
        new WorkbookSheet<IndicatorLine>("Chỉ tiêu", IndicatorColumns, Lines(report)),
        new WorkbookSheet<ProcedureCut>("Cắt giảm trong kỳ", CutColumns, report.Cuts),
        new WorkbookSheet<ProcedureAbolition>("Bãi bỏ trong kỳ", AbolitionColumns, report.Abolished),
        new WorkbookSheet<MoveLine>("Trực tuyến mới trong kỳ", MoveColumns, MoveLines.Online(report.Newly)),
        new WorkbookSheet<MoveLine>("Toàn trình mới trong kỳ", MoveColumns, MoveLines.FullOnline(report.Newly)),
        new WorkbookSheet<MoveLine>("Phi địa giới mới trong kỳ", MoveColumns, MoveLines.BoundaryFree(report.Newly)),
        new WorkbookSheet<MoveLine>("Giảm mức trong kỳ", MoveColumns, MoveLines.All(report.NoLonger)),
        new WorkbookSheet<Laggard>("Chưa đạt - thời gian", ReportMappings.LaggardColumns(report.Laggards.Time), report.Laggards.Time.Results.Items),
        new WorkbookSheet<Laggard>("Chưa đạt - chi phí", ReportMappings.LaggardColumns(report.Laggards.Cost), report.Laggards.Cost.Results.Items),
        TaskSheet("Nhiệm vụ hoàn thành", report.Tasks.Done),
        TaskSheet("Nhiệm vụ quá hạn", report.Tasks.Overdue),
        TaskSheet("Nhiệm vụ đến hạn", report.Tasks.Due),
        new WorkbookSheet<ReductionPoint>("Xu hướng", TrendColumns, report.Trend),
    ];

    /// <summary>A task report as its own endpoint gives it as a table (<see cref="TaskReports.Columns"/>).</summary>
    private static WorkbookSheet<TaskReportLine> TaskSheet(string name, TaskReport tasks) => new(name, TaskReports.Columns(tasks), TaskReports.Lines(tasks));

    public static byte[] Write(PeriodReport report)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in Sheets(report))
        {
            sheets[sheet.Name] = sheet.Rows();
        }

        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheets, printHeader: false, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    public static IReadOnlyList<ReportFact> Facts(PeriodReport report) =>
    [
        new("Đơn vị hành chính", report.Jurisdiction.Name),
        new("Mã đơn vị hành chính", report.Jurisdiction.Code),
        .. report.Plans.Select(plan => new ReportFact("Kế hoạch", PeriodDocument.PlanName(plan))),
        new("Kỳ báo cáo", report.Period.Label),
        new("Loại kỳ", PeriodNames.Kind(report.Period.Kind)),
        new("Từ ngày", report.Period.From),
        new("Đến ngày (ngày số liệu)", report.Period.To),
        new("Ngày báo cáo kỳ trước", report.Period.PreviousReportDate),
        new("Ngày báo cáo kỳ sau", report.Period.NextReportDate),
        new("Chương trình", report.Scoreboard.Basis.ProgramName),
        new("Ngày mốc", report.Scoreboard.Basis.BaselineDate),
        new("Năm chỉ tiêu", report.Scoreboard.Basis.TargetYear),
        new("Số chỉ tiêu đạt", report.Scoreboard.IndicatorsMet),
        new("Số chỉ tiêu được đánh giá", report.Scoreboard.IndicatorsJudged),
        new("Số thủ tục trực tuyến mới trong kỳ", report.Newly.Online.Count),
        new("Số thủ tục trực tuyến toàn trình mới trong kỳ", report.Newly.FullOnline.Count),
        new("Số thủ tục không phụ thuộc địa giới hành chính mới trong kỳ", report.Newly.BoundaryFree.Count),
        new("Số thủ tục giảm mức trong kỳ", PeriodDocument.SetbackProcedures(report)),
        new("Số nhiệm vụ hoàn thành trong kỳ", report.Tasks.Done.Count),
        new("Số nhiệm vụ quá hạn", report.Tasks.Overdue.Count),
        new("Số nhiệm vụ đến hạn trước kỳ sau", report.Tasks.Due.Count),
    ];

    public static IReadOnlyList<IndicatorLine> Lines(PeriodReport report) =>
        report.Scoreboard.Indicators.Zip(report.Changes, (indicator, change) => new IndicatorLine(indicator, change)).ToList();

    private static readonly IReadOnlyList<CsvColumn<ReportFact>> FactColumns =
    [
        new("Mục", fact => fact.Label),
        new("Giá trị", fact => fact.Value),
    ];

    private static readonly IReadOnlyList<CsvColumn<IndicatorLine>> IndicatorColumns =
    [
        new("Mã chỉ tiêu", line => line.Indicator.Indicator),
        new("Chỉ tiêu", line => IndicatorNames.Of(line.Indicator.Indicator)),
        new("Mục tiêu (%)", line => line.Indicator.TargetPct),
        new("Kết quả (%)", line => line.Indicator.ValuePct),
        new("Kỳ trước (%)", line => line.Change.PreviousValuePct),
        new("Thay đổi (điểm %)", line => line.Change.ChangePct),
        new("Đạt", line => line.Indicator.Met),
        new("Còn thiếu (điểm %)", line => line.Indicator.GapPct),
        new("Tử số", line => line.Indicator.Numerator),
        new("Mẫu số", line => line.Indicator.Denominator),
        new("Đơn vị", line => line.Indicator.Unit),
    ];

    private static readonly IReadOnlyList<CsvColumn<ProcedureCut>> CutColumns =
    [
        new("Mã thủ tục", cut => cut.Code),
        new("Tên thủ tục", cut => cut.Name),
        new("Cơ quan thực hiện", cut => cut.AgencyName),
        new("Nội dung cắt giảm", cut => PeriodNames.Measure(cut.Measure)),
        new("Đơn vị", cut => PeriodNames.Unit(cut.Measure)),
        new("Trước (kỳ trước)", cut => cut.Before),
        new("Sau (ngày số liệu)", cut => cut.After),
        new("Cắt giảm trong kỳ (%)", cut => cut.CutPct),
        new("Cắt giảm so với mốc (%)", cut => cut.ReductionPct),
        new("Ngày hiệu lực", cut => cut.EffectiveFrom),
        new("Quyết định công bố", cut => cut.DecisionRef),
    ];

    private static readonly IReadOnlyList<CsvColumn<ProcedureAbolition>> AbolitionColumns =
    [
        new("Mã thủ tục", row => row.Code),
        new("Tên thủ tục", row => row.Name),
        new("Cơ quan thực hiện", row => row.AgencyName),
        new("Ngày bãi bỏ", row => row.AbolishedOn),
    ];

    private static readonly IReadOnlyList<CsvColumn<MoveLine>> MoveColumns =
    [
        new("Nội dung", line => line.What),
        new("Mã thủ tục", line => line.Code),
        new("Tên thủ tục", line => line.Name),
        new("Cơ quan thực hiện", line => line.AgencyName),
        new("Kỳ trước", line => line.Before),
        new("Ngày số liệu", line => line.After),
        new("Ngày hiệu lực", line => line.EffectiveFrom),
        new("Quyết định công bố", line => line.DecisionRef),
    ];

    private static readonly IReadOnlyList<CsvColumn<ReductionPoint>> TrendColumns =
    [
        new("Ngày số liệu", point => point.AsOf),
        new("Năm chỉ tiêu", point => point.TargetYear),
        new("Thời gian: cắt giảm (%)", point => point.TimeReductionPct),
        new("Thời gian: mục tiêu (%)", point => point.TimeTargetPct),
        new("Chi phí: cắt giảm (%)", point => point.CostReductionPct),
        new("Chi phí: mục tiêu (%)", point => point.CostTargetPct),
    ];
}
