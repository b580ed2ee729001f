using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ProcedureCatalog.Api.Infrastructure;
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
        return $"Tính đến {V.LongDate(report.Period.To)}, đối với các thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh trên địa bàn {report.Jurisdiction.Name}, "
            + $"{figures}. Đạt {board.IndicatorsMet}/{board.IndicatorsJudged} chỉ tiêu được đánh giá của năm {board.Basis.TargetYear}. "
            + $"Trong kỳ báo cáo (từ {V.Date(report.Period.From)} đến {V.Date(report.Period.To)}), {V.Count(cutProcedures)} thủ tục được cắt giảm thời gian giải quyết hoặc chi phí tuân thủ, "
            + $"{V.Count(report.Abolished.Count)} thủ tục được bãi bỏ; {V.Count(report.Laggards.Time.Results.TotalCount)} thủ tục chưa đạt mục tiêu cắt giảm thời gian và "
            + $"{V.Count(report.Laggards.Cost.Results.TotalCount)} thủ tục chưa đạt mục tiêu cắt giảm chi phí.";
    }

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

        yield return Heading($"V. XU HƯỚNG CẮT GIẢM SO VỚI NĂM {report.Scoreboard.Basis.BaselineDate.Year}");
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
