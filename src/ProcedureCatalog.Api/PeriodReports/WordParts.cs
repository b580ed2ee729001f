using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// The pieces of a Word document that an administrative report is made of, built with the Open XML SDK's typed
/// elements (never XML text): the page and fonts of Nghị định 30/2020/NĐ-CP (A4, Times New Roman 13 pt, margins
/// 20/15/20/30 mm), paragraphs, tables with a repeated header row, and an inline picture.
/// </summary>
internal static class WordParts
{
    public const string Font = "Times New Roman";

    /// <summary>Half-points: 13 pt body, 12 pt in the heading blocks, 10 pt in tables.</summary>
    public const int BodySize = 26;

    public const int BlockSize = 24;

    public const int TableSize = 20;

    /// <summary>The text width of an A4 page with 30 mm and 15 mm side margins, in twentieths of a point.</summary>
    public const int TextWidthTwips = 11906 - 1701 - 850;

    private const long EmuPerTwip = 635;

    /// <summary>The document's styles: Times New Roman 13 pt, Vietnamese, and a table grid with single borders.</summary>
    public static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });

    /// <summary>A4 portrait, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.</summary>
    public static SectionProperties Page() => new(
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 1134, Right = 850U, Bottom = 1134, Left = 1701U, Header = 567U, Footer = 567U, Gutter = 0U });

    /// <summary>A paragraph of one run.</summary>
    public static Paragraph Text(string text, bool bold = false, bool italic = false, JustificationValues? align = null, int? size = null, bool keepNext = false) =>
        Paragraph([Run(text, bold, italic, size)], align, keepNext);

    /// <summary>A paragraph of runs (a bold lead-in and plain text, say).</summary>
    public static Paragraph Paragraph(IEnumerable<Run> runs, JustificationValues? align = null, bool keepNext = false, int? after = null)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        if (after is { } spacing)
        {
            properties.Append(new SpacingBetweenLines { After = spacing.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        properties.Append(new Justification { Val = align ?? JustificationValues.Both });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>A run of text; line breaks in the text become breaks of the line.</summary>
    public static Run Run(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (size is { } halfPoints)
        {
            var value = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
            properties.Append(new FontSize { Val = value }, new FontSizeComplexScript { Val = value });
        }

        var run = new Run(properties);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (index > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[index]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>One column of a table: its header, its share of the text width (in per cent) and whether its cells are numbers (right-aligned).</summary>
    public sealed record Column(string Header, int WidthPct, bool Number = false);

    /// <summary>A table with a header row repeated on every page and a row per item, in 10 pt.</summary>
    public static Table Table(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = columns.Select(column => TextWidthTwips * column.WidthPct / 100).ToList();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = TextWidthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(width => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(columns.Select(column => column.Header).ToList(), columns, widths, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, columns, widths, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<Column> columns, IReadOnlyList<int> widths, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }
        else
        {
            row.Append(new TableRowProperties(new CantSplit()));
        }

        for (var index = 0; index < columns.Count; index++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = widths[index].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7EEF7" });
            }

            var align = header ? JustificationValues.Center : columns[index].Number ? JustificationValues.Right : JustificationValues.Left;
            var paragraph = new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = align }),
                Run(index < cells.Count ? cells[index] : string.Empty, bold: header, size: TableSize));
            row.Append(new TableCell(properties, paragraph));
        }

        return row;
    }

    /// <summary>
    /// Two blocks side by side without borders (the issuer and the national motto at the top, the recipients and the
    /// signature at the bottom), each of centred lines; a line starting with '*' is bold, with '_' italic.
    /// </summary>
    public static Table SideBySide(IReadOnlyList<string> left, IReadOnlyList<string> right, int leftPct = 38, JustificationValues? leftAlign = null)
    {
        var leftWidth = TextWidthTwips * leftPct / 100;
        var rightWidth = TextWidthTwips - leftWidth;
        TableCell Cell(IReadOnlyList<string> lines, int width, JustificationValues align)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            foreach (var line in lines)
            {
                var bold = line.StartsWith('*');
                var italic = line.StartsWith('_');
                cell.Append(new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = align }),
                    Run(bold || italic ? line[1..] : line, bold, italic, BlockSize)));
            }

            return cell;
        }

        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(new TableWidth { Width = TextWidthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, none,
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = leftWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new GridColumn { Width = rightWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new TableRow(Cell(left, leftWidth, leftAlign ?? JustificationValues.Center), Cell(right, rightWidth, JustificationValues.Center)));
    }

    /// <summary>A PNG as an inline picture the width of the text, its height in the picture's proportion.</summary>
    public static Paragraph Picture(MainDocumentPart main, string relationshipId, byte[] png, int pixelWidth, int pixelHeight, string name)
    {
        var part = main.AddImagePart(ImagePartType.Png, relationshipId);
        using (var data = new MemoryStream(png))
        {
            part.FeedData(data);
        }

        long cx = TextWidthTwips * EmuPerTwip;
        long cy = cx * pixelHeight / pixelWidth;
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing));
    }
}
