using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Api.Reports;
using static ProcedureCatalog.Api.PeriodReports.WordParts;
using V = ProcedureCatalog.Api.PeriodReports.VietnameseNumbers;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// The periodic report as a Word document in Vietnamese, laid out as an administrative report (Nghị định
/// 30/2020/NĐ-CP) for an official to edit, number and sign: the issuer and the national motto, the title and the
/// period, a summary paragraph with the figures, a table per part of the report, the chart of the trend and the
/// signature block. Every figure is the JSON's, written the Vietnamese way (<see cref="VietnameseNumbers"/>).
/// Nothing in it depends on the day it is made: the package's dates are the report date.
/// </summary>
internal static class PeriodDocument
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <param name="chart">The chart as PNG, or null when it cannot be drawn on this server (the document says so where it would be).</param>
    public static byte[] Write(PeriodReport report, byte[]? chart, string? chartProblem)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var title = Title(report);
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = "ProcedureCatalog";
            document.PackageProperties.Language = "vi-VN";
            var day = report.Period.To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            document.PackageProperties.Created = day;
            document.PackageProperties.Modified = day;

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = WordParts.Styles();
            var body = new Body();
            main.Document = new Document(body);
            foreach (var element in Content(report, main, chart, chartProblem))
            {
                body.Append(element);
            }

            body.Append(Page());
            main.Document.Save();
        }

        return buffer.ToArray();
    }

    /// <summary>BÁO CÁO kết quả … tháng 11 năm 2026: the title, also the package's.</summary>
    public static string Title(PeriodReport report) =>
        $"Kết quả thực hiện {report.Scoreboard.Basis.ProgramName} về cắt giảm, đơn giản hóa thủ tục hành chính {PeriodNames.Title(report.Period)}";

    /// <summary>Cần Thơ from "Thành phố Cần Thơ", Điện Biên from "Tỉnh Điện Biên": the place of the date line.</summary>
    public static string Place(string name)
    {
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    /// <summary>The jurisdiction's name inside a sentence: thành phố Cần Thơ, tỉnh Điện Biên.</summary>
    public static string InSentence(string name) =>
        Place(name) is var place && place.Length < name.Length ? name[..(name.Length - place.Length)].ToLowerInvariant() + place : name;

    /// <summary>Kế hoạch số 56/KH-UBND ngày 03/9/2025 của UBND thành phố Cần Thơ, or the plan's title when its copy has no number.</summary>
    public static string PlanName(Plan plan) => plan.Number is { } number && plan.IssuedOn is { } issued
        ? $"Kế hoạch số {number} ngày {issued.Day:D2}/{issued.Month}/{issued.Year} của {plan.Issuer}"
        : $"Kế hoạch của {plan.Issuer} ({plan.Title})";

    /// <summary>The summary paragraph: the reductions against the targets and the previous report, the indicators met, what moved in the period.</summary>
    public static string Summary(PeriodReport report)
    {
        var board = report.Scoreboard;
        var parts = new List<string>();
        foreach (var (id, what) in new[] { (EnumText.Of(Targets.Indicator.TimeReduction), "thời gian giải quyết"), (EnumText.Of(Targets.Indicator.CostReduction), "chi phí tuân thủ") })
        {
            var indicator = board.Indicators.FirstOrDefault(item => item.Indicator == id);
            if (indicator is null)
            {
                continue;
            }

            var change = report.Changes.FirstOrDefault(item => item.Indicator == id);
            var previous = change?.PreviousValuePct is { } before ? $"; kỳ trước: {V.Pct(before)}" : string.Empty;
            parts.Add(indicator.ValuePct is { } value
                ? $"{what} giảm {V.Pct(value)} so với năm {board.Basis.BaselineDate.Year} (mục tiêu năm {board.Basis.TargetYear}: {V.Pct(indicator.TargetPct)}{previous})"
                : $"{what} chưa có số liệu để tính (không thủ tục nào có số liệu năm {board.Basis.BaselineDate.Year})");
        }

        var figures = parts.Count > 0 ? string.Join(", ", parts) : "chưa có chỉ tiêu cắt giảm thời gian, chi phí cho năm này";
        var cutProcedures = report.Cuts.Select(cut => cut.ProcedureId).Distinct().Count();
        var setbacks = SetbackProcedures(report);
        var moved = $"{V.Count(report.Newly.Online.Count)} thủ tục được cung cấp trực tuyến mới, {V.Count(report.Newly.FullOnline.Count)} thủ tục được cung cấp trực tuyến toàn trình mới, "
            + $"{V.Count(report.Newly.BoundaryFree.Count)} thủ tục mới được thực hiện không phụ thuộc vào địa giới hành chính"
            + (setbacks > 0 ? $" ({V.Count(setbacks)} thủ tục giảm mức trực tuyến hoặc không còn thực hiện không phụ thuộc vào địa giới hành chính)" : string.Empty);
        return $"Tính đến {V.LongDate(report.Period.To)}, đối với các thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh trên địa bàn {report.Jurisdiction.Name}, "
            + $"{figures}. Đạt {board.IndicatorsMet}/{board.IndicatorsJudged} chỉ tiêu được đánh giá của năm {board.Basis.TargetYear}. "
            + $"Trong kỳ báo cáo (từ {V.Date(report.Period.From)} đến {V.Date(report.Period.To)}), {V.Count(cutProcedures)} thủ tục được cắt giảm thời gian giải quyết hoặc chi phí tuân thủ, "
            + $"{V.Count(report.Abolished.Count)} thủ tục được bãi bỏ, {moved}; {V.Count(report.Laggards.Time.Results.TotalCount)} thủ tục chưa đạt mục tiêu cắt giảm thời gian và "
            + $"{V.Count(report.Laggards.Cost.Results.TotalCount)} thủ tục chưa đạt mục tiêu cắt giảm chi phí. "
            + $"Về nhiệm vụ của kế hoạch: {V.Count(report.Tasks.Done.Count)} nhiệm vụ hoàn thành trong kỳ, {V.Count(report.Tasks.Overdue.Count)} nhiệm vụ quá hạn, "
            + $"{V.Count(report.Tasks.Due.Count)} nhiệm vụ đến hạn trước ngày {V.Date(report.Period.NextReportDate)}.";
    }

    /// <summary>How many procedures went the other way in the period (a procedure in two of the lists counts once).</summary>
    public static int SetbackProcedures(PeriodReport report) => MoveLines.All(report.NoLonger).Select(line => line.ProcedureId).Distinct().Count();

    private static IEnumerable<OpenXmlElement> Content(PeriodReport report, MainDocumentPart main, byte[]? chart, string? chartProblem)
    {
        yield return SideBySide(
            ["ỦY BAN NHÂN DÂN", "*" + report.Jurisdiction.Name.ToUpperInvariant(), "Số:        /BC-UBND"],
            ["*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "*Độc lập - Tự do - Hạnh phúc", "_" + $"{Place(report.Jurisdiction.Name)}, {V.LongDate(report.Period.To)}"]);
        yield return Text(string.Empty);
        yield return Text("BÁO CÁO", bold: true, align: JustificationValues.Center, size: 28);
        yield return Text(Title(report), bold: true, align: JustificationValues.Center);
        yield return Text($"(Kỳ báo cáo: từ ngày {V.Date(report.Period.From)} đến ngày {V.Date(report.Period.To)}; số liệu tính đến ngày {V.Date(report.Period.To)})",
            italic: true, align: JustificationValues.Center);

        yield return Text($"Thực hiện {string.Join("; ", report.Plans.Select(PlanName))}, Ủy ban nhân dân {InSentence(report.Jurisdiction.Name)} "
            + $"báo cáo kết quả thực hiện {PeriodNames.Title(report.Period)} như sau:");

        yield return Heading("I. TÓM TẮT KẾT QUẢ");
        yield return Text(Summary(report));

        yield return Heading("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
        yield return Table(
            [new("STT", 6, true), new("Chỉ tiêu", 40), new("Mục tiêu", 11, true), new("Kết quả", 11, true), new("Kỳ trước", 11, true), new("Thay đổi (điểm %)", 10, true), new("Đánh giá", 11)],
            PeriodWorkbook.Lines(report).Select((line, index) => (IReadOnlyList<string>)
            [
                V.Count(index + 1), IndicatorNames.Of(line.Indicator.Indicator), V.Pct(line.Indicator.TargetPct), V.Pct(line.Indicator.ValuePct),
                V.Pct(line.Change.PreviousValuePct), V.Points(line.Change.ChangePct), Judgement(line.Indicator.Met),
            ]));

        yield return Heading("III. THỦ TỤC HÀNH CHÍNH ĐƯỢC CẮT GIẢM, ĐƠN GIẢN HÓA TRONG KỲ");
        yield return Text("1. Thủ tục được cắt giảm thời gian giải quyết, chi phí tuân thủ", bold: true, keepNext: true);
        foreach (var element in ListOrNone(report.Cuts.Count, () => Table(
            [new("STT", 6, true), new("Mã TTHC", 12), new("Tên thủ tục", 22), new("Nội dung", 11), new("Trước", 13, true), new("Sau", 13, true), new("Giảm", 10, true), new("Quyết định, ngày hiệu lực", 13)],
            report.Cuts.Select((cut, index) => (IReadOnlyList<string>)
            [
                V.Count(index + 1), cut.Code, cut.Name, PeriodNames.Measure(cut.Measure), Value(cut.Measure, cut.Before), Value(cut.Measure, cut.After), V.Pct(cut.CutPct),
                $"{cut.DecisionRef}, {V.Date(cut.EffectiveFrom)}",
            ]))))
        {
            yield return element;
        }

        yield return Text("2. Thủ tục được bãi bỏ", bold: true, keepNext: true);
        foreach (var element in ListOrNone(report.Abolished.Count, () => Table(
            [new("STT", 6, true), new("Mã TTHC", 13), new("Tên thủ tục", 41), new("Cơ quan thực hiện", 26), new("Ngày bãi bỏ", 14)],
            report.Abolished.Select((row, index) => (IReadOnlyList<string>) [V.Count(index + 1), row.Code, row.Name, row.AgencyName, V.Date(row.AbolishedOn)]))))
        {
            yield return element;
        }

        foreach (var (title, lines, whatColumn) in new (string, IReadOnlyList<MoveLine>, bool)[]
        {
            ("3. Thủ tục được cung cấp trực tuyến mới", MoveLines.Online(report.Newly), false),
            ("4. Thủ tục được cung cấp trực tuyến toàn trình mới", MoveLines.FullOnline(report.Newly), false),
            ("5. Thủ tục mới được thực hiện không phụ thuộc vào địa giới hành chính", MoveLines.BoundaryFree(report.Newly), false),
            ("6. Thủ tục giảm mức trực tuyến hoặc không còn thực hiện không phụ thuộc vào địa giới hành chính", MoveLines.All(report.NoLonger), true),
        })
        {
            yield return Text(title, bold: true, keepNext: true);
            foreach (var element in ListOrNone(lines.Count, () => MoveTable(lines, whatColumn)))
            {
                yield return element;
            }
        }

        yield return Heading("IV. THỦ TỤC CHƯA ĐẠT MỤC TIÊU CẮT GIẢM");
        var number = 1;
        foreach (var laggards in new[] { report.Laggards.Time, report.Laggards.Cost })
        {
            var what = laggards.Measure == ReductionMeasure.Time ? "thời gian giải quyết" : "chi phí tuân thủ";
            yield return Text($"{number++}. Chưa đạt mục tiêu cắt giảm {what} ({V.Pct(laggards.TargetPct)})", bold: true, keepNext: true);
            var listed = laggards.Results.Items.Count;
            if (laggards.Results.TotalCount > listed)
            {
                yield return Text($"Có {V.Count(laggards.Results.TotalCount)} thủ tục; danh sách dưới đây gồm {V.Count(listed)} thủ tục có tỷ lệ cắt giảm thấp nhất.", italic: true, keepNext: true);
            }

            foreach (var element in ListOrNone(listed, () => Table(
                [new("STT", 6, true), new("Mã TTHC", 12), new("Tên thủ tục", 26), new("Cơ quan thực hiện", 18), new("Mốc", 14, true), new("Hiện tại", 14, true), new("Đã giảm", 10, true)],
                laggards.Results.Items.Select((row, index) => (IReadOnlyList<string>)
                [
                    V.Count(index + 1), row.Code, row.Name, row.AgencyName, Value(laggards.Measure, row.Baseline), Value(laggards.Measure, row.Current), V.Pct(row.ReductionPct),
                ]))))
            {
                yield return element;
            }
        }

        yield return Heading("V. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA KẾ HOẠCH");
        foreach (var (title, tasks, last, lastValue) in new (string, TaskReport, string, Func<TaskMilestoneItem, string>)[]
        {
            ("1. Nhiệm vụ hoàn thành trong kỳ", report.Tasks.Done, "Hoàn thành, văn bản", item => Evidence(item)),
            ("2. Nhiệm vụ quá hạn", report.Tasks.Overdue, "Quá hạn (ngày), trạng thái", item => $"{V.Count(item.DaysOverdue ?? 0)}, {TaskReports.StatusText(item.Status)}"),
            ($"3. Nhiệm vụ đến hạn trước ngày {V.Date(report.Period.NextReportDate)}", report.Tasks.Due, "Còn (ngày), trạng thái", item => $"{V.Count(item.DaysLeft ?? 0)}, {TaskReports.StatusText(item.Status)}"),
        })
        {
            yield return Text(title, bold: true, keepNext: true);
            foreach (var element in ListOrNone(tasks.Milestones.Count, () => Table(
                [new("STT", 6, true), new("Nhiệm vụ", 9), new("Nội dung", 34), new("Cơ quan chủ trì", 20), new("Thời hạn", 14), new(last, 17)],
                tasks.Milestones.Select((item, index) => (IReadOnlyList<string>)
                [
                    V.Count(index + 1), item.TaskNumber, item.Label is { } label ? $"{item.Content} ({label})" : item.Content,
                    string.Join("; ", item.LeadAgencies.Select(lead => lead.Name)), Deadline(item), lastValue(item),
                ])), "Không có nhiệm vụ nào."))
            {
                yield return element;
            }
        }

        yield return Heading($"VI. XU HƯỚNG CẮT GIẢM SO VỚI NĂM {report.Scoreboard.Basis.BaselineDate.Year}");
        if (chart is not null)
        {
            yield return Picture(main, "rIdChart", chart, TrendChart.Width, TrendChart.Height, "Biểu đồ xu hướng cắt giảm");
        }
        else
        {
            yield return Text($"(Không vẽ được biểu đồ trên máy chủ: {chartProblem})", italic: true);
        }

        foreach (var element in ListOrNone(report.Trend.Count, () => Table(
            [new("Ngày số liệu", 20), new("Thời gian: cắt giảm", 20, true), new("Thời gian: mục tiêu", 20, true), new("Chi phí: cắt giảm", 20, true), new("Chi phí: mục tiêu", 20, true)],
            report.Trend.Select(point => (IReadOnlyList<string>)
            [
                V.Date(point.AsOf), V.Pct(point.TimeReductionPct), V.Pct(point.TimeTargetPct), V.Pct(point.CostReductionPct), V.Pct(point.CostTargetPct),
            ])), "Chưa có ngày báo cáo nào từ ngày mốc."))
        {
            yield return element;
        }

        yield return Text(string.Empty);
        yield return SideBySide(
            ["_Nơi nhận:", "- Văn phòng Chính phủ;", "- Thường trực HĐND, UBND;", "- Lưu: VT."],
            ["*TM. ỦY BAN NHÂN DÂN", "*CHỦ TỊCH", string.Empty, string.Empty, "_(Ký, ghi rõ họ tên, đóng dấu)"], leftAlign: JustificationValues.Left);
    }

    private static Paragraph Heading(string text) => Text(text, bold: true, keepNext: true);

    /// <summary>A list of what became (or stopped being) online, fully online or boundary-free: before, after, and the decision in force with its date.</summary>
    private static Table MoveTable(IReadOnlyList<MoveLine> lines, bool whatColumn) => whatColumn
        ? Table(
            [new("STT", 6, true), new("Mã TTHC", 12), new("Tên thủ tục", 25), new("Nội dung", 15), new("Trước", 12), new("Sau", 12), new("Quyết định, ngày hiệu lực", 18)],
            lines.Select((line, index) => (IReadOnlyList<string>)
                [V.Count(index + 1), line.Code, line.Name, line.What, line.Before ?? "Chưa có", line.After, Decision(line)]))
        : Table(
            [new("STT", 6, true), new("Mã TTHC", 12), new("Tên thủ tục", 27), new("Cơ quan thực hiện", 19), new("Trước", 9), new("Sau", 9), new("Quyết định, ngày hiệu lực", 18)],
            lines.Select((line, index) => (IReadOnlyList<string>)
                [V.Count(index + 1), line.Code, line.Name, line.AgencyName, line.Before ?? "Chưa có", line.After, Decision(line)]));

    /// <summary>The decision of the entry in force and its effective date; the date alone for a value recorded without a decision.</summary>
    private static string Decision(MoveLine line) => line.DecisionRef is { } decision ? $"{decision}, {V.Date(line.EffectiveFrom)}" : V.Date(line.EffectiveFrom);

    /// <summary>A milestone's deadline as the plans write it: a date, within a year, or ongoing.</summary>
    private static string Deadline(TaskMilestoneItem item) => item.DeadlineKind switch
    {
        DeadlineKind.Date when item.DueBy is { } due => V.Date(due),
        DeadlineKind.Year when item.Year is { } year => $"Trong năm {year}",
        _ => "Thường xuyên",
    };

    /// <summary>When a milestone was done and by what: the date and the decision or link.</summary>
    private static string Evidence(TaskMilestoneItem item) =>
        string.Join(", ", new[] { item.StatusOn is { } on ? V.Date(on) : null, item.DecisionRef, item.Link }.Where(part => part is not null));

    private static string Judgement(bool? met) => met switch
    {
        true => "Đạt",
        false => "Chưa đạt",
        null => "Chưa đánh giá",
    };

    private static string Value(ReductionMeasure measure, decimal value) => measure == ReductionMeasure.Time ? V.WorkingDays(value) : V.Vnd(value);

    /// <summary>The table, or a line saying there is nothing in the period.</summary>
    private static IEnumerable<OpenXmlElement> ListOrNone(int count, Func<Table> table, string none = "Không có thủ tục nào trong kỳ.")
    {
        if (count == 0)
        {
            yield return Text(none, italic: true);
            yield break;
        }

        yield return table();
        yield return Text(string.Empty);
    }
}
