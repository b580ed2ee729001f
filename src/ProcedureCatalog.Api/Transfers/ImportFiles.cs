using System.Globalization;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;

namespace ProcedureCatalog.Api.Transfers;

public enum ImportFormat
{
    Csv,
    Xlsx,
    Json,
    Ndjson,
}

/// <summary>A row of an uploaded file: where it is (line of a CSV, row of a sheet, item of a JSON array) and its values by column.</summary>
internal sealed record ImportLine(int Line, IReadOnlyDictionary<string, string?> Values);

/// <summary>Reads an uploaded catalogue file row by row, without loading it whole.</summary>
internal static class ImportFiles
{
    public static readonly IReadOnlyDictionary<string, ImportFormat> MediaTypes = new Dictionary<string, ImportFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["text/csv"] = ImportFormat.Csv,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ImportFormat.Xlsx,
        ["application/json"] = ImportFormat.Json,
        ["application/x-ndjson"] = ImportFormat.Ndjson,
    };

    /// <summary>Column names are matched ignoring case and spaces; unknown columns are reported, not silently dropped.</summary>
    public static IEnumerable<ImportLine> Read(string path, ImportFormat format) => format switch
    {
        ImportFormat.Csv => ReadCsv(path),
        ImportFormat.Xlsx => ReadXlsx(path),
        ImportFormat.Ndjson => ReadObjects(File.ReadLines(path).Select((text, index) => (index + 1, text)).Where(line => line.text.Trim().Length > 0)
            .Select(line => (line.Item1, JsonDocument.Parse(line.text).RootElement))),
        _ => ReadJson(path),
    };

    public static IReadOnlyList<string> UnknownColumns(IEnumerable<string> headers) =>
        headers.Where(header => Canonical(header) is null && !string.IsNullOrWhiteSpace(header)).ToList();

    private static readonly Dictionary<string, string> ByFoldedName =
        CatalogueRecord.Columns.ToDictionary(column => column.ToLowerInvariant(), column => column, StringComparer.Ordinal);

    public static string? Canonical(string header) => ByFoldedName.GetValueOrDefault(header.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant());

    private static IEnumerable<ImportLine> ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true }, FileOptions.SequentialScan);
        var headers = csv.Headers.ToArray();
        var columns = headers.Select(Canonical).ToArray();
        yield return Header(headers);
        while (csv.Read())
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var index = 0; index < columns.Length && index < csv.FieldCount; index++)
            {
                if (columns[index] is { } column)
                {
                    values[column] = csv.GetStringOrNull(index);
                }
            }

            yield return new ImportLine((int)csv.LineNumber, values);
        }
    }

    private static IEnumerable<ImportLine> ReadXlsx(string path)
    {
        var line = 1;
        var announced = false;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            if (!announced)
            {
                announced = true;
                yield return Header(row.Keys.ToArray());
            }

            line++;
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (header, value) in row)
            {
                if (Canonical(header) is { } column)
                {
                    values[column] = value switch
                    {
                        null => null,
                        DateTime moment => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                        _ => value.ToString(),
                    };
                }
            }

            yield return new ImportLine(line, values);
        }
    }

    private static IEnumerable<ImportLine> ReadJson(string path)
    {
        using var stream = File.OpenRead(path);
        // A JSON array is read element by element; element numbers stand for lines.
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream).ToBlockingEnumerable().Select((element, index) => (index + 1, element));
        foreach (var line in ReadObjects(elements))
        {
            yield return line;
        }
    }

    private static IEnumerable<ImportLine> ReadObjects(IEnumerable<(int Line, JsonElement Element)> elements)
    {
        var first = true;
        foreach (var (line, element) in elements)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var headers = new List<string>();
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    headers.Add(property.Name);
                    if (Canonical(property.Name) is { } column)
                    {
                        values[column] = property.Value.ValueKind switch
                        {
                            JsonValueKind.Null => null,
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Array => string.Join("\n", property.Value.EnumerateArray().Select(entry => entry.ToString())),
                            _ => property.Value.GetRawText(),
                        };
                    }
                }
            }

            if (first)
            {
                first = false;
                yield return Header(headers);
            }

            yield return new ImportLine(line, values);
        }
    }

    /// <summary>Line 0 carries the headers, so that the processor can report unknown and missing columns.</summary>
    private static ImportLine Header(IReadOnlyList<string> headers) =>
        new(0, headers.Distinct(StringComparer.Ordinal).ToDictionary(header => header, header => (string?)header, StringComparer.Ordinal));
}
