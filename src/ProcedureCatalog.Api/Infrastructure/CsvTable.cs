using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using CsvHelper;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>One column of a CSV answer: its Vietnamese header and how a row gives its value.</summary>
public sealed record CsvColumn<TRow>(string Header, Func<TRow, object?> Value);

/// <summary>
/// How a text cell of a CSV is kept from running as a formula when a spreadsheet opens the file, in a way an
/// import can undo exactly. The rule: a text that starts with = + - @ TAB or CR (what Excel, LibreOffice and
/// Google Sheets take for the start of a formula) or with an apostrophe gets one apostrophe in front, so that a
/// spreadsheet shows it as text instead of running it. The apostrophe case is there so that the rule can be undone: a
/// text that really starts with <c>'=</c> is written <c>''=</c> and comes back as <c>'=</c>. Numbers are never
/// text and never escaped, so a negative reduction stays a number.
/// </summary>
/// <remarks>
/// <see cref="Restore"/> is for whoever reads such a file back (the catalogue import): it removes exactly one
/// leading apostrophe when the next character is one that <see cref="Neutralise"/> escapes, so that
/// Restore(Neutralise(x)) == x for every text x. The one ambiguity: a value typed by hand as <c>'=x</c> in a file
/// this service did not write is read as <c>=x</c>.
/// </remarks>
public static class CsvFormula
{
    /// <summary>The character put in front of a text that a spreadsheet would run or that starts with it.</summary>
    public const char Mark = '\'';

    /// <summary>True when a text starting with <paramref name="first"/> gets the mark: = + - @ TAB CR, or the mark itself.</summary>
    public static bool IsEscaped(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r' or Mark;

    /// <summary>The text as a CSV cell writes it: with one apostrophe in front when it starts with = + - @ TAB CR or an apostrophe.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } && IsEscaped(text[0]) ? Mark + text : text;

    /// <summary>The text a neutralised cell stands for: one leading apostrophe removed when the next character is = + - @ TAB CR or an apostrophe.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Restore(string? text) =>
        text is { Length: > 1 } && text[0] == Mark && IsEscaped(text[1]) ? text[1..] : text;
}

/// <summary>How report tables write yes/no (CSV and XLSX alike) and numbers (CSV; XLSX has number cells).</summary>
internal static class TableText
{
    /// <summary>
    /// As many decimals as the number needs (111.5, 33.33, 0), with a decimal point and no thousands separator:
    /// a decimal keeps the scale it was computed with (111.5000), which reads like a precision it does not have.
    /// </summary>
    public const string NumberFormat = "0.############################";

    public static string YesNo(bool value) => value ? "có" : "không";
}

/// <summary>
/// A report as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads Vietnamese as
/// mojibake), comma-separated, dates as YYYY-MM-DD, numbers as the number needs with a decimal point
/// (<see cref="TableText.NumberFormat"/>), yes/no as có/không, text neutralised by <see cref="CsvFormula"/>.
/// Rows are written as they come, never gathered in memory, and read ahead (<see cref="ReadAhead"/>) while the ones before
/// them are written.
/// </summary>
public sealed class CsvTable<TRow>(string fileName, IReadOnlyList<CsvColumn<TRow>> columns, IAsyncEnumerable<TRow> rows)
    : IResult, IEndpointMetadataProvider
{
    public CsvTable(string fileName, IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows)
        : this(fileName, columns, rows.ToAsyncEnumerable())
    {
    }

    public const string MediaType = "text/csv";

    // Text is neutralised by CsvFormula, by a rule of ours that the import can undo, rather than by the writer's
    // own injection escape (which leaves a text that starts with an apostrophe as it is, so cannot be undone).
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.None };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = MediaType + "; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        await WriteAsync(httpContext.Response.Body, columns, rows, httpContext.RequestAborted);
    }

    /// <summary>The CSV as text (without the byte order mark), for the OpenAPI document's examples.</summary>
    public static string Render(IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        using var buffer = new MemoryStream();
        WriteAsync(buffer, columns, rows.ToAsyncEnumerable(), CancellationToken.None).GetAwaiter().GetResult();
        return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(buffer.ToArray()).TrimStart('\uFEFF');
    }

    private static async Task WriteAsync(Stream destination, IReadOnlyList<CsvColumn<TRow>> columns, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in ReadAhead.Of(rows, cancellationToken: cancellationToken))
        {
            foreach (var column in columns)
            {
                Write(csv, column.Value(row));
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField(string.Empty);
                break;
            case bool yes:
                csv.WriteField(TableText.YesNo(yes));
                break;
            case DateOnly date:
                csv.WriteField(date, "yyyy-MM-dd");
                break;
            case decimal number:
                csv.WriteField(number, TableText.NumberFormat);
                break;
            case string text:
                csv.WriteField(CsvFormula.Neutralise(text));
                break;
            default:
                csv.WriteField(value);
                break;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new CsvAlternative(null));
}

/// <summary>
/// A report as an XLSX workbook, for Excel set up with a decimal comma and <c>;</c> as list separator (as in
/// Vietnam), where a comma-separated file splits wrongly. One sheet: the CSV's Vietnamese headers in the first
/// row (also when there is no row), then a row per item; numbers are number cells, dates date cells, yes/no
/// có/không. Text needs no neutralising here: a text cell of a workbook is never read as a formula.
/// </summary>
/// <remarks>
/// The XLSX writer is synchronous and an ASP.NET Core response may not be written synchronously: the sheet is
/// written row by row into a temporary file, which is then streamed and deleted, so the workbook is never held
/// in memory (as the catalogue export does it).
/// </remarks>
public sealed class XlsxTable<TRow>(string fileName, IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows)
    : IResult, IEndpointMetadataProvider
{
    /// <summary>A workbook of rows read as they are written (the writer runs on a thread of its own, where it may wait for each).</summary>
    public XlsxTable(string fileName, IReadOnlyList<CsvColumn<TRow>> columns, IAsyncEnumerable<TRow> rows)
        : this(fileName, columns, ReadAhead.Of(rows).ToBlockingEnumerable())
    {
    }

    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string SheetName = "Báo cáo";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xlsx");
        try
        {
            await Task.Run(() => MiniExcel.SaveAs(path, Sheet(columns, rows), printHeader: false, sheetName: SheetName, excelType: ExcelType.XLSX), cancellationToken);
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = MediaType;
            httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            httpContext.Response.ContentLength = file.Length;
            await file.CopyToAsync(httpContext.Response.Body, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The header row, then a row per item, keyed by column position: the headers are written as the first row
    /// rather than taken from the keys, so that a report without rows still has them.
    /// </summary>
    /// <remarks>A workbook of several sheets (the periodic reports) writes each of them so.</remarks>
    internal static IEnumerable<IDictionary<string, object?>> Sheet(IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        yield return Cells(columns, column => column.Header);
        foreach (var row in rows)
        {
            yield return Cells(columns, column => Cell(column.Value(row)));
        }
    }

    private static Dictionary<string, object?> Cells(IReadOnlyList<CsvColumn<TRow>> columns, Func<CsvColumn<TRow>, object?> value)
    {
        var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        for (var index = 0; index < columns.Count; index++)
        {
            cells[$"c{index}"] = value(columns[index]);
        }

        return cells;
    }

    /// <summary>Numbers and dates stay typed (the writer makes number and date cells of them); yes/no is có/không.</summary>
    private static object? Cell(object? value) => value switch
    {
        bool yes => TableText.YesNo(yes),
        _ => value,
    };

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new XlsxAlternative(null));
}

/// <summary>The three answers of a report: JSON (the default), CSV or XLSX.</summary>
public enum TableFormat
{
    Json,
    Csv,
    Xlsx,
}

/// <summary>Chooses among the media types an endpoint offers by the request's Accept header (quality, then order).</summary>
public static class MediaNegotiation
{
    /// <summary>
    /// The offered type the client ranks highest; the first offered when Accept is absent, unreadable or names none
    /// of them (the answer is then the endpoint's default rather than a 406).
    /// </summary>
    public static string Preferred(HttpRequest request, params string[] offered)
    {
        if (MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            var ranked = accepted
                .Select((type, index) => (Type: type, Quality: type.Quality ?? 1.0, Index: index))
                .Where(entry => entry.Quality > 0)
                .OrderByDescending(entry => entry.Quality)
                .ThenBy(entry => entry.Index);
            foreach (var entry in ranked)
            {
                if (offered.FirstOrDefault(type => new MediaTypeHeaderValue(type).IsSubsetOf(entry.Type)) is { } chosen)
                {
                    return chosen;
                }
            }
        }

        return offered[0];
    }

    /// <summary>Which of a report's answers the client prefers: JSON (also when Accept names none of them), CSV or XLSX.</summary>
    public static TableFormat Table(HttpRequest request) =>
        Preferred(request, "application/json", CsvTable<object>.MediaType, XlsxTable<object>.MediaType) switch
        {
            CsvTable<object>.MediaType => TableFormat.Csv,
            XlsxTable<object>.MediaType => TableFormat.Xlsx,
            _ => TableFormat.Json,
        };
}
