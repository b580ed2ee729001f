using ScottPlot;
using SkiaSharp;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>The chart formats: a PNG (for a Word document or a slide) or an SVG (for a web page).</summary>
public enum ChartFormat
{
    Png,
    Svg,
}

/// <summary>The chart cannot be drawn: no font with Vietnamese glyphs on this server.</summary>
public sealed class ChartFontMissingException(string message) : Exception(message);

/// <summary>
/// Where the chart's font comes from: a TrueType file with every Vietnamese letter, by the setting
/// <c>Charts:FontFile</c> or else the first of the Debian fonts (fonts-dejavu-core, fonts-noto-core) and the usual
/// places elsewhere that is there and has the glyphs. Looked up once; none found is a clear error naming what to
/// install, never a chart of empty boxes.
/// </summary>
public sealed class ChartFonts(IConfiguration configuration)
{
    public const string Setting = "Charts:FontFile";

    /// <summary>Every letter of Vietnamese that a Latin font may lack: the vowels with two marks, and đ.</summary>
    public const string VietnameseLetters = "ẤẦẨẪẬắằẳẵặẾỀỂỄỆếềểễệỐỒỔỖỘốồổỗộỚỜỞỠỢớờởỡợỨỪỬỮỰứừửữựỲỴỶỸỳỵỷỹĐđƠơƯư";

    /// <summary>Debian's paths first (fonts-dejavu-core, fonts-noto-core), then other systems'.</summary>
    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/noto/NotoSans-Regular.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    private readonly Lazy<(string? Family, string? Error)> font = new(() => Find(configuration[Setting]));

    /// <summary>The family name of the chart's font, registered with the plotting library; throws <see cref="ChartFontMissingException"/> when there is none.</summary>
    public string Family => font.Value.Family ?? throw new ChartFontMissingException(font.Value.Error!);

    /// <summary>Null when the chart can be drawn, else why not.</summary>
    public string? Problem => font.Value.Error;

    internal static (string? Family, string? Error) Find(string? configured)
    {
        var paths = configured is { Length: > 0 } ? [configured] : Candidates;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            using var typeface = SKTypeface.FromFile(path);
            if (typeface is null)
            {
                continue;
            }

            using var probe = new SKFont(typeface);
            if (!probe.ContainsGlyphs(VietnameseLetters))
            {
                continue;
            }

            // Registered under a name of its own, so that a system font of the same family name cannot stand in for it.
            var family = "ProcedureCatalog " + typeface.FamilyName;
            Fonts.AddFontFile(family, path);
            return (family, null);
        }

        return (null, configured is { Length: > 0 }
            ? $"The chart font '{configured}' ({Setting}) is not a readable TrueType file with every Vietnamese letter."
            : "No font with Vietnamese letters was found for the chart (looked for " + string.Join(", ", Candidates)
              + "). Install the Debian package fonts-dejavu-core or fonts-noto-core, or set " + Setting + " to a TrueType file that has them.");
    }
}

/// <summary>
/// The line chart of the time and cost reductions against the targets (30 % for 2025, 50 % for 2026: the target
/// of each point's year), drawn with ScottPlot in Vietnamese. The same points always give the same image.
/// </summary>
public sealed class TrendChart(ChartFonts fonts)
{
    public const int Width = 1000;
    public const int Height = 560;

    public const string PngMediaType = "image/png";
    public const string SvgMediaType = "image/svg+xml";

    private static readonly Color TimeColor = Color.FromHex("#1F5AA6");
    private static readonly Color CostColor = Color.FromHex("#C0392B");
    private static readonly Color TargetColor = Color.FromHex("#2E7D32");

    /// <summary>The chart of the points as PNG or SVG; throws <see cref="ChartFontMissingException"/> when no font has Vietnamese letters.</summary>
    public byte[] Draw(IReadOnlyList<ReductionPoint> points, string title, int baselineYear, ChartFormat format)
    {
        var family = fonts.Family;
        var plot = new Plot();
        try
        {
            plot.Font.Set(family);
            plot.Title(title, size: 17);
            plot.YLabel($"Tỷ lệ cắt giảm so với năm {baselineYear} (%)", size: 14);
            plot.Axes.DateTimeTicksBottom();

            Line(plot, points, point => point.TimeReductionPct, "Thời gian giải quyết", TimeColor, target: false);
            Line(plot, points, point => point.CostReductionPct, "Chi phí tuân thủ", CostColor, target: false);
            Line(plot, points, point => point.TimeTargetPct ?? point.CostTargetPct, "Mục tiêu của năm", TargetColor, target: true);

            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = value => VietnameseNumbers.Plain((decimal)value) };
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = date => date.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) };
            var values = points.SelectMany(point => new[] { point.TimeReductionPct, point.CostReductionPct, point.TimeTargetPct, point.CostTargetPct })
                .Where(value => value is not null).Select(value => (double)value!.Value).DefaultIfEmpty(0).ToList();
            plot.Axes.SetLimitsY(Math.Min(0, values.Min()) - 5, Math.Max(60, values.Max()) + 5);
            if (points.Count > 0)
            {
                var first = points[0].AsOf.ToDateTime(TimeOnly.MinValue).AddDays(-10).ToOADate();
                var last = points[^1].AsOf.ToDateTime(TimeOnly.MinValue).AddDays(10).ToOADate();
                plot.Axes.SetLimitsX(first, last);
            }

            plot.Legend.FontName = family;
            plot.Legend.FontSize = 13;
            plot.ShowLegend(Alignment.UpperLeft);
            return format == ChartFormat.Png
                ? plot.GetImageBytes(Width, Height, ImageFormat.Png)
                : System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height));
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>One series: a line through the known points (a date without a value leaves a gap of the line, not a zero).</summary>
    private static void Line(Plot plot, IReadOnlyList<ReductionPoint> points, Func<ReductionPoint, decimal?> value, string legend, Color color, bool target)
    {
        var known = points.Where(point => value(point) is not null).ToList();
        if (known.Count == 0)
        {
            return;
        }

        var xs = known.Select(point => point.AsOf.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var ys = known.Select(point => (double)value(point)!.Value).ToArray();
        var line = plot.Add.Scatter(xs, ys, color);
        line.LegendText = legend;
        line.LineWidth = target ? 2 : 3;
        line.MarkerSize = target ? 0 : 7;
        if (target)
        {
            // A target holds for its whole year: a step, dashed.
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LinePattern = LinePattern.Dashed;
        }
    }
}
