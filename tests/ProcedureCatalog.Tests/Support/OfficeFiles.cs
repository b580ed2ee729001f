using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProcedureCatalog.Tests.Support;

/// <summary>Reports asked for in a media type, and the Word and Excel files they answer, read with the Open XML SDK.</summary>
public static class OfficeFiles
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The body of a 200 answered in the media type asked for.</summary>
    public static async Task<byte[]> Download(this HttpClient client, string url, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>The answer to a request in the media type asked for, whatever its status.</summary>
    public static async Task<HttpResponseMessage> GetAs(this HttpClient client, string url, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Each paragraph of a Word document's body, table cells included, as text.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(paragraph => paragraph.InnerText).ToList();
    }

    /// <summary>The rows of a Word document's tables, each row as its cells' text.</summary>
    public static List<List<List<string>>> Tables(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(table => table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(row => row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(cell => cell.InnerText).ToList()).ToList())
            .ToList();
    }

    /// <summary>A workbook's sheets by name, each as its rows of cells: text as string, numbers as double (dates are numbers of a date style).</summary>
    public static Dictionary<string, List<List<object?>>> Sheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToList() ?? [];
        var sheets = new Dictionary<string, List<List<object?>>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            sheets[sheet.Name!.Value!] = part.Worksheet!.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => Value(cell, shared)).ToList()).ToList();
        }

        return sheets;
    }

    private static object? Value(Cell cell, List<string> shared)
    {
        var text = cell.CellValue?.Text ?? cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return shared[int.Parse(text!, System.Globalization.CultureInfo.InvariantCulture)];
        }

        if (cell.DataType is { } type && (type.Value == CellValues.String || type.Value == CellValues.InlineString))
        {
            return text;
        }

        return string.IsNullOrEmpty(text) ? null : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The parts of an Open XML package by name with their bytes, but the package's own bookkeeping (relationship ids, core properties' file name).</summary>
    public static SortedDictionary<string, string> Parts(byte[] package, params string[] names)
    {
        using var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var entry = archive.GetEntry(name) ?? throw new InvalidOperationException($"The package has no part {name}.");
            using var reader = entry.Open();
            using var copy = new MemoryStream();
            reader.CopyTo(copy);
            parts[name] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy.ToArray()));
        }

        return parts;
    }
}
