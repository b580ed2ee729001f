using System.Globalization;
using System.Reflection;
using CsvHelper;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>One column of a CSV answer: its Vietnamese header and how a row gives its value.</summary>
public sealed record CsvColumn<TRow>(string Header, Func<TRow, object?> Value);

/// <summary>
/// A report as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads Vietnamese as
/// mojibake), comma-separated, dates as YYYY-MM-DD, numbers with a decimal point, yes/no as có/không.
/// Rows are written as they come, never gathered in memory.
/// </summary>
public sealed class CsvTable<TRow>(string fileName, IReadOnlyList<CsvColumn<TRow>> columns, IAsyncEnumerable<TRow> rows)
    : IResult, IEndpointMetadataProvider
{
    public CsvTable(string fileName, IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows)
        : this(fileName, columns, rows.ToAsyncEnumerable())
    {
    }

    public const string MediaType = "text/csv";

    // A text that starts like a formula is escaped so that Excel shows it instead of running it; numbers
    // (negative reductions) are not text and stay numbers.
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

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
        await foreach (var row in rows.WithCancellation(cancellationToken))
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
                csv.WriteField(yes ? "có" : "không");
                break;
            case DateOnly date:
                csv.WriteField(date, "yyyy-MM-dd");
                break;
            default:
                csv.WriteField(value);
                break;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new CsvAlternative(null));
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

    /// <summary>True when the client prefers CSV to JSON (a report's two answers).</summary>
    public static bool WantsCsv(HttpRequest request) =>
        Preferred(request, "application/json", CsvTable<object>.MediaType) == CsvTable<object>.MediaType;
}
