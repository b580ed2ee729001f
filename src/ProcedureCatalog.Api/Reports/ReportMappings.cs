using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// From the exact integers of the views to the units of the API: time units to working days (4 decimals),
/// hundredths of a đồng to đồng, hundredths of a per cent to per cent. Only unit changes happen here.
/// </summary>
internal static class ReportMappings
{
    public static decimal? WorkingDays(long? units) =>
        units is { } value ? decimal.Round(value / ReportQueries.UnitsPerWorkingDay, 4, MidpointRounding.AwayFromZero) : null;

    public static decimal? Vnd(long? centi) => centi is { } value ? value / 100m : null;

    public static decimal? Pct(long? hundredths) => hundredths is { } value ? value / 100m : null;

    public static bool? Flag(long? value) => value is { } flag ? flag == 1 : null;

    public static ProcedureReduction ToContract(ProcedureReductionRow row, ReportBasis basis) => new(
        row.ProcedureId, row.JurisdictionCode, row.Code, row.Name, basis,
        new MeasureReduction(
            WorkingDays(row.TimeBaselineUnits), WorkingDays(row.TimeCurrentUnits), Pct(row.TimeReductionHundredths), Pct(row.TimeTargetHundredths),
            Flag(row.TimeMeetsTarget), Pct(row.TimeGapHundredths), row.TimeAbolished == 1),
        new CostReduction(
            row.HourlyTariffVnd,
            new MeasureReduction(
                Vnd(row.CostBaselineCenti), Vnd(row.CostCurrentCenti), Pct(row.CostReductionHundredths), Pct(row.CostTargetHundredths),
                Flag(row.CostMeetsTarget), Pct(row.CostGapHundredths), row.CostAbolished == 1),
            row.BaselineAnnualFilings, row.CurrentAnnualFilings, Vnd(row.BaselineYearlyCenti), Vnd(row.CurrentYearlyCenti)));

    public static GroupReduction ToContract(GroupReductionRow row) => new(
        new GroupKey(row.GroupId, row.GroupCode, row.GroupJurisdiction, row.GroupName),
        row.Procedures,
        row.Abolished,
        new GroupMeasure(
            WorkingDays(row.TimeBaselineUnits), WorkingDays(row.TimeCurrentUnits), Pct(row.TimeReductionHundredths), Pct(row.TimeTargetHundredths),
            Flag(row.TimeMeetsTarget), Pct(row.TimeGapHundredths), row.TimeWithBaseline, row.TimeNoBaseline, row.TimeMeetingTarget),
        new GroupMeasure(
            Vnd(row.CostBaselineCenti), Vnd(row.CostCurrentCenti), Pct(row.CostReductionHundredths), Pct(row.CostTargetHundredths),
            Flag(row.CostMeetsTarget), Pct(row.CostGapHundredths), row.CostWithBaseline, row.CostNoBaseline, row.CostMeetingTarget),
        new YearlyBurden(row.WithAnnualFilings, Vnd(row.BaselineYearlyCenti), Vnd(row.CurrentYearlyCenti)));

    public static Laggard ToContract(LaggardRow row, ReductionMeasure measure)
    {
        Func<long?, decimal?> value = measure == ReductionMeasure.Time ? WorkingDays : Vnd;
        return new Laggard(
            row.ProcedureId, row.JurisdictionCode, row.Code, row.Name, row.AgencyId, row.AgencyName, row.FieldName,
            value(row.BaselineValue)!.Value, value(row.CurrentValue)!.Value, row.ReductionHundredths / 100m, row.TargetHundredths / 100m,
            row.GapHundredths / 100m);
    }

    /// <summary>A share of the scoreboard; with nothing in its denominator it names what is missing (its unit), not 0 %.</summary>
    public static ScoreboardIndicator ToContract(CoverageRow row)
    {
        var unit = row.Indicator switch { "documents-provided-once" => "documents", RegimeIndicator => "reporting-regimes", _ => "procedures" };
        return new(
            row.Indicator, row.TargetHundredths / 100m, row.JudgedOn, row.Scope, Pct(row.ValueHundredths), row.Numerator, row.Denominator,
            unit, Flag(row.Met), Pct(row.GapHundredths), Missing: row.Denominator == 0 ? unit : null);
    }

    /// <summary>The indicator counted over reporting regimes rather than procedures: without any, it is missing, not 0 %.</summary>
    private const string RegimeIndicator = "business-reporting-electronic";

    /// <summary>
    /// A reduction indicator of the scoreboard from the one-row group report of the same scope. Without a baseline in the
    /// sums it names the baseline as missing; without a tariff (cost) the tariff, and has no value at all.
    /// </summary>
    public static ScoreboardIndicator ToIndicator(TargetLevelRow target, GroupMeasure measure, string unit, bool tariffMissing = false) =>
        tariffMissing
            ? new(target.Indicator, target.TargetHundredths / 100m, target.JudgedOn, target.Scope, null, 0, 0, unit, null, null, Missing: "tariff")
            : new(target.Indicator, target.TargetHundredths / 100m, target.JudgedOn, target.Scope, measure.ReductionPct,
                (measure.SumBaseline ?? 0) - (measure.SumCurrent ?? 0), measure.SumBaseline ?? 0, unit, measure.MeetsTarget, measure.GapPct,
                Missing: measure.SumBaseline is null or 0 ? "baseline" : null);

    /// <summary>The columns of a measure (time or cost) of a group row, headed with the measure's Vietnamese name.</summary>
    private static IEnumerable<CsvColumn<T>> MeasureColumns<T>(string measure, string unit, Func<T, GroupMeasure> of) =>
    [
        new($"{measure}: tổng mốc ({unit})", row => of(row).SumBaseline),
        new($"{measure}: tổng hiện tại ({unit})", row => of(row).SumCurrent),
        new($"{measure}: tỷ lệ cắt giảm (%)", row => of(row).ReductionPct),
        new($"{measure}: chỉ tiêu (%)", row => of(row).TargetPct),
        new($"{measure}: đạt chỉ tiêu", row => of(row).MeetsTarget),
        new($"{measure}: còn thiếu (điểm %)", row => of(row).GapPct),
        new($"{measure}: số TTHC có mốc", row => of(row).WithBaseline),
        new($"{measure}: số TTHC không có mốc", row => of(row).NoBaseline),
        new($"{measure}: số TTHC đạt chỉ tiêu", row => of(row).MeetingTarget),
    ];

    public static IReadOnlyList<CsvColumn<GroupReduction>> GroupColumns(GroupReductionReport report) =>
    [
        new("Ngày số liệu", _ => report.Basis.AsOf),
        new("Ngày mốc", _ => report.Basis.BaselineDate),
        new("Nhóm theo", _ => EnumText.Of(report.GroupBy)),
        new("Mã nhóm", row => row.Group.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? row.Group.Code),
        new("Tên nhóm", row => row.Group.Name),
        new("Đơn vị hành chính", row => row.Group.Jurisdiction),
        new("Số TTHC", row => row.Procedures),
        new("Số TTHC đã bãi bỏ", row => row.Abolished),
        .. MeasureColumns<GroupReduction>("Thời gian", "ngày làm việc", row => row.Time),
        .. MeasureColumns<GroupReduction>("Chi phí tuân thủ", "đồng/hồ sơ", row => row.Cost),
        new("Số TTHC biết số hồ sơ/năm", row => row.YearlyBurden.WithAnnualFilings),
        new("Gánh nặng năm tại mốc (đồng)", row => row.YearlyBurden.BaselineYearlyBurdenVnd),
        new("Gánh nặng năm hiện tại (đồng)", row => row.YearlyBurden.CurrentYearlyBurdenVnd),
    ];

    private static IEnumerable<CsvColumn<T>> ReductionColumns<T>(string measure, string unit, Func<T, MeasureReduction> of) =>
    [
        new($"{measure}: mốc ({unit})", row => of(row).Baseline),
        new($"{measure}: hiện tại ({unit})", row => of(row).Current),
        new($"{measure}: tỷ lệ cắt giảm (%)", row => of(row).ReductionPct),
        new($"{measure}: chỉ tiêu (%)", row => of(row).TargetPct),
        new($"{measure}: đạt chỉ tiêu", row => of(row).MeetsTarget),
        new($"{measure}: còn thiếu (điểm %)", row => of(row).GapPct),
    ];

    public static IReadOnlyList<CsvColumn<ProcedureReduction>> ProcedureColumns { get; } =
    [
        new("Ngày số liệu", row => row.Basis.AsOf),
        new("Ngày mốc", row => row.Basis.BaselineDate),
        new("Đơn vị hành chính", row => row.Jurisdiction),
        new("Mã thủ tục", row => row.Code),
        new("Tên thủ tục", row => row.Name),
        new("Đã bãi bỏ", row => row.Time.Abolished),
        .. ReductionColumns<ProcedureReduction>("Thời gian", "ngày làm việc", row => row.Time),
        .. ReductionColumns<ProcedureReduction>("Chi phí tuân thủ", "đồng/hồ sơ", row => row.Cost.Reduction),
        new("Đơn giá giờ công (đồng/giờ)", row => row.Cost.HourlyTariffVnd),
        new("Số hồ sơ/năm tại mốc", row => row.Cost.BaselineAnnualFilings),
        new("Số hồ sơ/năm hiện tại", row => row.Cost.CurrentAnnualFilings),
        new("Gánh nặng năm tại mốc (đồng)", row => row.Cost.BaselineYearlyBurdenVnd),
        new("Gánh nặng năm hiện tại (đồng)", row => row.Cost.CurrentYearlyBurdenVnd),
    ];

    public static IReadOnlyList<CsvColumn<ScoreboardIndicator>> ScoreboardColumns(Scoreboard board) =>
    [
        new("Ngày số liệu", _ => board.Basis.AsOf),
        new("Năm chỉ tiêu", _ => board.Basis.TargetYear),
        new("Đơn vị hành chính", _ => board.Jurisdiction ?? "tất cả"),
        new("Chỉ tiêu", row => row.Indicator),
        new("Phạm vi", row => row.Scope),
        new("Mục tiêu (%)", row => row.TargetPct),
        new("Kết quả (%)", row => row.ValuePct),
        new("Tử số", row => row.Numerator),
        new("Mẫu số", row => row.Denominator),
        new("Đơn vị", row => row.Unit),
        new("Đạt", row => row.Met),
        new("Còn thiếu (điểm %)", row => row.GapPct),
        new("Thiếu dữ liệu", row => row.Missing),
        new("Hạn đánh giá", row => row.JudgedOn),
        new("Tạm tính", _ => board.Provisional),
    ];

    public static IReadOnlyList<CsvColumn<Laggard>> LaggardColumns(LaggardReport report) => LaggardColumns(report.Basis, report.Measure);

    public static IReadOnlyList<CsvColumn<Laggard>> LaggardColumns(ReportBasis basis, ReductionMeasure measure) =>
    [
        new("Ngày số liệu", _ => basis.AsOf),
        new("Năm chỉ tiêu", _ => basis.TargetYear),
        new("Đơn vị hành chính", row => row.Jurisdiction),
        new("Mã thủ tục", row => row.Code),
        new("Tên thủ tục", row => row.Name),
        new("Cơ quan thực hiện", row => row.AgencyName),
        new("Lĩnh vực", row => row.FieldName),
        new(measure == ReductionMeasure.Time ? "Thời gian mốc (ngày làm việc)" : "Chi phí mốc (đồng/hồ sơ)", row => row.Baseline),
        new(measure == ReductionMeasure.Time ? "Thời gian hiện tại (ngày làm việc)" : "Chi phí hiện tại (đồng/hồ sơ)", row => row.Current),
        new("Tỷ lệ cắt giảm (%)", row => row.ReductionPct),
        new("Chỉ tiêu (%)", row => row.TargetPct),
        new("Còn thiếu (điểm %)", row => row.GapPct),
    ];
}
