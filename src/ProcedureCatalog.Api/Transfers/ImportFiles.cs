using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ProcedureCatalog.Api.Transfers;

public enum ImportFormat
{
    Csv,
    Xlsx,
    Json,
    Ndjson,
}

/// <summary>
/// A record of an uploaded file: its number as an official sees it (the Excel row, header = 1; the item of a JSON
/// array or the line of an NDJSON file), its scalar values by column, and, from JSON, the structured columns
/// (documents as objects, legal basis, histories) as JSON.
/// </summary>
internal sealed record ImportLine(int Row, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, JsonElement>? Structured = null);

/// <summary>The columns of a kind of record: every name a file may use (matched ignoring case and spaces), and those JSON carries as arrays of objects.</summary>
internal sealed class ImportColumns(IReadOnlyList<string> names, IReadOnlySet<string> structured)
{
    public static readonly ImportColumns Catalogue = new(CatalogueRecord.Columns, CatalogueRecord.StructuredColumns);

    private readonly Dictionary<string, string> byFoldedName =
        names.Concat(structured).ToDictionary(column => column.ToLowerInvariant(), column => column, StringComparer.Ordinal);

    public IReadOnlyList<string> Names => names;

    public IReadOnlySet<string> Structured => structured;

    /// <summary>The column a header names, or null for a header that is not one of them.</summary>
    public string? Canonical(string header) => byFoldedName.GetValueOrDefault(header.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant());

    public IReadOnlyList<string> Unknown(IEnumerable<string> headers) =>
        headers.Where(header => Canonical(header) is null && !string.IsNullOrWhiteSpace(header)).ToList();
}

/// <summary>A file that cannot be read (malformed, or beyond what any catalogue needs), said in words an official can act on.</summary>
internal sealed class ImportFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads an uploaded catalogue file record by record, never whole. What one record may hold is bounded, so
/// that memory is bounded by construction whatever the file: a record (a CSV or NDJSON line, a JSON item) of at
/// most <see cref="MaxRecordBytes"/>, at most <see cref="MaxColumns"/> columns, and for XLSX a workbook whose
/// parts unpack to at most <see cref="MaxUnpackedXlsxBytes"/> (a zip bomb is refused before it is read).
/// </summary>
internal static class ImportFiles
{
    public const int MaxRecordBytes = 1024 * 1024;
    public const int MaxColumns = 100;
    public const long MaxUnpackedXlsxBytes = 1024L * 1024 * 1024;
    public const long MaxSharedStringsBytes = 64L * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, ImportFormat> MediaTypes = new Dictionary<string, ImportFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["text/csv"] = ImportFormat.Csv,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ImportFormat.Xlsx,
        ["application/json"] = ImportFormat.Json,
        ["application/x-ndjson"] = ImportFormat.Ndjson,
    };

    /// <summary>Row 0 carries the headers; then one line per record. Throws <see cref="ImportFileException"/> for a file that cannot be read.</summary>
    public static IEnumerable<ImportLine> Read(string path, ImportFormat format) => Read(path, format, ImportColumns.Catalogue);

    /// <summary>The same for a file of another kind of record, in its own columns (reporting regimes).</summary>
    public static IEnumerable<ImportLine> Read(string path, ImportFormat format, ImportColumns columns) => format switch
    {
        ImportFormat.Csv => ReadCsv(path, columns.Canonical),
        ImportFormat.Xlsx => ReadXlsx(path, columns.Canonical),
        ImportFormat.Ndjson => ReadObjects(ReadNdjson(path), columns),
        _ => ReadObjects(ReadJsonArray(path), columns),
    };

    /// <summary>
    /// A table of another shape (a plan's annex), CSV or XLSX, read by the same bounded readers: <paramref name="canonical"/>
    /// names the column a header stands for, or null for a header that stands for none (left out of each line's values).
    /// </summary>
    public static IEnumerable<ImportLine> ReadTable(string path, ImportFormat format, Func<string, string?> canonical) => format switch
    {
        ImportFormat.Csv => ReadCsv(path, canonical),
        ImportFormat.Xlsx => ReadXlsx(path, canonical),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A table is read from CSV or XLSX."),
    };

    public static IReadOnlyList<string> UnknownColumns(IEnumerable<string> headers) => ImportColumns.Catalogue.Unknown(headers);

    public static string? Canonical(string header) => ImportColumns.Catalogue.Canonical(header);

    private static IEnumerable<ImportLine> ReadCsv(string path, Func<string, string?> canonical)
    {
        CsvReader csv;
        try
        {
            csv = CsvReader.FromFile(path, new CsvReaderOptions { MaxRecordSize = MaxRecordBytes, IncludeValuesInExceptions = false }, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is CsvFormatException or CsvValidationException or FormatException or InvalidDataException)
        {
            throw new ImportFileException($"The header row cannot be read as CSV: it is malformed or longer than {MaxRecordBytes / 1024} KiB.", exception);
        }

        using (csv)
        {
            string[] headers;
            try
            {
                headers = csv.Headers.ToArray();
            }
            catch (Exception exception) when (exception is CsvFormatException or CsvValidationException or FormatException or InvalidDataException)
            {
                throw new ImportFileException($"The header row cannot be read as CSV: it is malformed or longer than {MaxRecordBytes / 1024} KiB.", exception);
            }

            CheckColumnCount(headers.Length);
            var columns = headers.Select(canonical).ToArray();
            yield return Header(headers);
            while (true)
            {
                try
                {
                    if (!csv.Read())
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is CsvFormatException or CsvValidationException or FormatException or InvalidDataException)
                {
                    // The row after the last one read is the one at fault (row 1 is the header).
                    throw new ImportFileException($"Row {csv.RowNumber + 2} cannot be read as CSV: it is malformed (an unclosed quote?) or longer than {MaxRecordBytes / 1024} KiB.", exception);
                }

                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var index = 0; index < columns.Length && index < csv.FieldCount; index++)
                {
                    if (columns[index] is { } column)
                    {
                        values[column] = Infrastructure.CsvFormula.Restore(csv.GetStringOrNull(index));
                    }
                }

                // As Excel numbers it: the header is row 1, so the first record is row 2, whatever line breaks its cells hold.
                yield return new ImportLine((int)csv.RowNumber + 1, values);
            }
        }
    }

    private static void CheckColumnCount(int count)
    {
        if (count > MaxColumns)
        {
            throw new ImportFileException($"The file has {count:N0} columns; a catalogue has at most {MaxColumns}.");
        }
    }

    /// <summary>Refuses a workbook whose parts would unpack to more than any catalogue needs, before anything of it is parsed.</summary>
    private static void CheckWorkbook(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase) && entry.Length > MaxSharedStringsBytes)
                {
                    throw new ImportFileException($"The workbook's shared strings unpack to {entry.Length:N0} bytes; at most {MaxSharedStringsBytes:N0} are read.");
                }
            }

            if (unpacked > MaxUnpackedXlsxBytes)
            {
                throw new ImportFileException($"The workbook unpacks to {unpacked:N0} bytes; at most {MaxUnpackedXlsxBytes:N0} are read. Split the catalogue or send it as CSV.");
            }

            foreach (var entry in zip.Entries.Where(entry => entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                         || entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase)))
            {
                CheckCells(entry);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new ImportFileException("The file is not an XLSX workbook (it is not a valid zip package).", exception);
        }
    }

    /// <summary>Excel's own limit of a cell, which a catalogue never needs to pass.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>
    /// Streams a part of the workbook once, in chunks, before the reader materialises anything of it: a cell (or shared string)
    /// longer than Excel's own limit, or a row of more than <see cref="MaxColumns"/> cells, refuses the file while it costs nothing.
    /// </summary>
    private static void CheckCells(ZipArchiveEntry entry)
    {
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = System.Xml.XmlReader.Create(entry.Open(), settings);
        var chunk = new char[4096];
        var row = 0;
        var cells = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "row")
                {
                    row++;
                    cells = 0;
                }
                else if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "c" && ++cells > MaxColumns)
                {
                    throw new ImportFileException($"Row {row} of the workbook has more than {MaxColumns} cells; a catalogue has at most {MaxColumns} columns.");
                }
                else if (reader.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA or System.Xml.XmlNodeType.SignificantWhitespace)
                {
                    long length = 0;
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        length += read;
                        if (length > MaxCellCharacters)
                        {
                            throw new ImportFileException(row > 0
                                ? $"A cell of row {row} of the workbook holds more than {MaxCellCharacters:N0} characters, Excel's own limit."
                                : $"A text of the workbook's shared strings holds more than {MaxCellCharacters:N0} characters, Excel's own limit.");
                        }
                    }
                }
            }
        }
        catch (System.Xml.XmlException exception)
        {
            throw new ImportFileException($"The workbook cannot be read at row {row + 1}: its XML is malformed or declares a DTD.", exception);
        }
    }

    private static IEnumerable<ImportLine> ReadXlsx(string path, Func<string, string?> canonical)
    {
        CheckWorkbook(path);
        var configuration = new OpenXmlConfiguration { EnableSharedStringCache = true, SharedStringCacheSize = 4 * 1024 * 1024 };
        using var rows = Guard(() => MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX, configuration: configuration), 1).GetEnumerator();
        var row = 1;
        var announced = false;
        while (Guard(rows.MoveNext, row + 1))
        {
            var cells = (IDictionary<string, object?>)rows.Current;
            if (!announced)
            {
                announced = true;
                CheckColumnCount(cells.Count);
                yield return Header(cells.Keys.ToArray());
            }

            row++;
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (header, value) in cells)
            {
                if (canonical(header) is { } column)
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

            yield return new ImportLine(row, values);
        }
    }

    /// <summary>Any failure of the XLSX reader (malformed XML, a DTD, a broken part) becomes a reason naming the row reached.</summary>
    private static T Guard<T>(Func<T> read, int row)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not ImportFileException and not OutOfMemoryException and not OperationCanceledException)
        {
            var what = exception is System.Xml.XmlException ? "its XML is malformed or declares a DTD" : "a part of it is broken or not a worksheet";
            throw new ImportFileException($"The workbook cannot be read at row {row}: {what}.", exception);
        }
    }

    /// <summary>Lines of an NDJSON file, each read into a buffer of at most <see cref="MaxRecordBytes"/>.</summary>
    private static IEnumerable<(int Row, JsonElement Element)> ReadNdjson(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var line = new StringBuilder();
        var number = 0;
        while (true)
        {
            line.Clear();
            int next;
            while ((next = reader.Read()) is not (-1 or '\n'))
            {
                if (line.Length >= MaxRecordBytes)
                {
                    throw new ImportFileException($"Line {number + 1} is longer than {MaxRecordBytes / 1024} KiB; a procedure's record is far shorter.");
                }

                line.Append((char)next);
            }

            if (next == -1 && line.Length == 0)
            {
                yield break;
            }

            number++;
            var text = line.ToString().Trim();
            if (text.Length > 0)
            {
                yield return (number, ParseElement(text, $"Line {number}"));
            }

            if (next == -1)
            {
                yield break;
            }
        }
    }

    private static JsonElement ParseElement(string text, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new ImportFileException($"{where} is not valid JSON (at byte {exception.BytePositionInLine + 1}).", exception);
        }
    }

    /// <summary>
    /// The items of a JSON array, each cut out of the file by a streaming reader and parsed on its own, so that an item
    /// larger than <see cref="MaxRecordBytes"/> is refused before it is held.
    /// </summary>
    private static IEnumerable<(int Row, JsonElement Element)> ReadJsonArray(string path)
    {
        using var stream = File.OpenRead(path);
        var scan = new JsonArrayScan();
        var buffer = new byte[64 * 1024];
        var length = stream.Read(buffer, 0, buffer.Length);
        if (buffer.AsSpan(0, length).StartsWith("\uFEFF"u8))
        {
            // A byte order mark, as Windows tools write it, is not JSON.
            Buffer.BlockCopy(buffer, 3, buffer, 0, length - 3);
            length -= 3;
        }

        while (true)
        {
            var final = stream.Position == stream.Length;
            var consumed = scan.Segment(buffer.AsSpan(0, length), final);
            foreach (var item in scan.TakeCompleted())
            {
                yield return item;
            }

            if (final)
            {
                scan.End();
                yield break;
            }

            var rest = length - consumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, rest);
            if (rest == buffer.Length)
            {
                // One token longer than the buffer (a very long string): grow, but never past the bound of a record.
                if (buffer.Length >= MaxRecordBytes)
                {
                    throw new ImportFileException($"Item {scan.Items + 1} is longer than {MaxRecordBytes / 1024} KiB; a procedure's record is far shorter.");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            length = rest + stream.Read(buffer, rest, buffer.Length - rest);
        }
    }

    /// <summary>The state of reading a JSON array in segments: depth, the bytes of the item not yet complete, the items completed.</summary>
    private sealed class JsonArrayScan
    {
        private readonly MemoryStream item = new();
        private readonly List<(int Row, JsonElement Element)> completed = [];
        private JsonReaderState state = new(new JsonReaderOptions { MaxDepth = 8 });
        private long before;
        private int depth;
        private bool started;

        public int Items { get; private set; }

        /// <summary>Reads what the segment holds; returns the bytes consumed (the rest starts a token that continues in the next segment).</summary>
        public int Segment(ReadOnlySpan<byte> segment, bool final)
        {
            var reader = new Utf8JsonReader(segment, final, state);
            var itemStart = depth >= 2 ? 0 : -1;
            try
            {
                while (reader.Read())
                {
                    if (!started)
                    {
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw new ImportFileException("A JSON catalogue is an array of procedures: [ {...}, {...} ]; send one object a line as application/x-ndjson otherwise.");
                        }

                        started = true;
                        depth = 1;
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (depth == 1)
                        {
                            itemStart = (int)reader.TokenStartIndex;
                        }

                        depth++;
                    }
                    else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        depth--;
                        if (depth == 1)
                        {
                            item.Write(segment[itemStart..(int)reader.BytesConsumed]);
                            Complete(item.GetBuffer().AsSpan(0, (int)item.Length));
                            item.SetLength(0);
                            itemStart = -1;
                        }
                    }
                    else if (depth == 1)
                    {
                        Complete(segment[(int)reader.TokenStartIndex..(int)reader.BytesConsumed]);
                    }
                }
            }
            catch (JsonException exception)
            {
                throw new ImportFileException(final && depth > 0
                    ? $"The JSON ends inside item {Items + 1}: the file is cut off or malformed there."
                    : $"The file is not valid JSON near item {Items + 1} ({before + reader.BytesConsumed:N0} bytes in).", exception);
            }

            if (itemStart >= 0)
            {
                item.Write(segment[itemStart..(int)reader.BytesConsumed]);
                if (item.Length > MaxRecordBytes)
                {
                    throw new ImportFileException($"Item {Items + 1} is longer than {MaxRecordBytes / 1024} KiB; a procedure's record is far shorter.");
                }
            }

            state = reader.CurrentState;
            before += reader.BytesConsumed;
            return (int)reader.BytesConsumed;
        }

        private void Complete(ReadOnlySpan<byte> json)
        {
            Items++;
            completed.Add((Items, ParseElement(Encoding.UTF8.GetString(json), $"Item {Items}")));
        }

        public List<(int Row, JsonElement Element)> TakeCompleted()
        {
            var taken = completed.ToList();
            completed.Clear();
            return taken;
        }

        public void End()
        {
            if (!started || depth != 0)
            {
                throw new ImportFileException(started ? "The JSON array is not closed: the file is cut off." : "The file is empty or not JSON.");
            }
        }
    }

    private static IEnumerable<ImportLine> ReadObjects(IEnumerable<(int Row, JsonElement Element)> elements, ImportColumns known)
    {
        var first = true;
        foreach (var (row, element) in elements)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var structured = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var headers = new List<string>();
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    headers.Add(property.Name);
                    if (known.Canonical(property.Name) is not { } column)
                    {
                        continue;
                    }

                    if (known.Structured.Contains(column)
                        || (column == "documents" && property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(entry => entry.ValueKind == JsonValueKind.Object)))
                    {
                        structured[column] = property.Value;
                        continue;
                    }

                    values[column] = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Array => string.Join("\n", property.Value.EnumerateArray().Select(entry => entry.ToString())),
                        _ => property.Value.GetRawText(),
                    };
                }
            }

            if (first)
            {
                first = false;
                CheckColumnCount(headers.Count);
                yield return Header(headers);
            }

            yield return new ImportLine(row, values, structured.Count == 0 ? null : structured);
        }
    }

    /// <summary>Row 0 carries the headers, so that the processor can report unknown and missing columns.</summary>
    private static ImportLine Header(IReadOnlyList<string> headers) =>
        new(0, headers.Distinct(StringComparer.Ordinal).ToDictionary(header => header, header => (string?)header, StringComparer.Ordinal));
}
