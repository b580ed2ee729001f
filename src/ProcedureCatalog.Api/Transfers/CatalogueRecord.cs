using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>
/// One procedure of a jurisdiction's catalogue as a flat row, the shape of the national database's export:
/// the same columns in CSV, XLSX and JSON, for import and for export, so that an export imports back unchanged.
/// Time and cost are the values in force (on export) or an entry to add to the history (on import); the dated attributes
/// and documents' marks are those in force on the export's asOf, and on import, where they differ from those in force on
/// effectiveFrom (default the day of the import), entries from that day (a new procedure's hold from the beginning).
/// Documents are one per line; a line starting with "* " is a document provided only once.
/// </summary>
public sealed record CatalogueRecord(
    string Code,
    string Name,
    ProcedureLevel Level,
    ProcedureKind Kind,
    bool BusinessRelated,
    OnlineLevel OnlineLevel,
    bool FullOnlineEligible,
    bool BoundaryFree,
    string Field,
    string Agency,
    DateOnly? LastReviewedOn,
    ProcedureStatus Status,
    DateOnly? AbolishedOn,
    DateOnly? TimeEffectiveFrom,
    decimal? TimeAmount,
    TimeUnit? TimeUnit,
    string? TimeDecisionRef,
    DateOnly? CostEffectiveFrom,
    long? FeeVnd,
    long? OtherCostVnd,
    decimal? ApplicantHours,
    long? AnnualFilings,
    string? CostDecisionRef,
    IReadOnlyList<DocumentValues> Documents)
{
    /// <summary>Set by technical regulations and mandatory standards; null (an empty cell) leaves it as it is, false for a new procedure.</summary>
    public bool? TechnicalRegulation { get; init; }

    /// <summary>The day the record's dated values take effect where they differ from those in force then (default the day of the import).</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>The decision that published the record's changes of dated values.</summary>
    public string? DecisionRef { get; init; }

    /// <summary>The legal basis, when the record carries it (JSON and NDJSON only); null leaves the stored one as it is.</summary>
    public IReadOnlyList<LegalBasisEntry>? LegalBasis { get; init; }

    /// <summary>Whole histories (JSON and NDJSON only, exported with history=true): every entry not yet in the history is added.</summary>
    public IReadOnlyList<TimeEntryInput>? TimeHistory { get; init; }

    public IReadOnlyList<CostEntryInput>? CostHistory { get; init; }

    /// <summary>What is published of the procedure; null leaves the stored one as it is (see <see cref="PublishedColumns"/>).</summary>
    public PublishedColumnValues? Published { get; init; }

    /// <summary>The channels and entries of their histories; null leaves the stored ones as they are.</summary>
    public ChannelColumnValues? Channels { get; init; }

    /// <summary>Columns that only JSON carries, as arrays of objects.</summary>
    public static readonly IReadOnlySet<string> StructuredColumns =
        new HashSet<string>(["legalBasis", "timeHistory", "costHistory", .. PublishedColumns.StructuredColumns], StringComparer.Ordinal);

    /// <summary>How much of a cell a message quotes: enough to find it, never the whole of a hostile cell.</summary>
    public const int QuotedCharacters = 60;

    public static string Quote(string text) =>
        text.Length <= QuotedCharacters ? text : string.Concat(text.AsSpan(0, QuotedCharacters), "…");

    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "name", "level", "kind", "businessRelated", "onlineLevel", "fullOnlineEligible", "boundaryFree", "field", "agency", "lastReviewedOn",
        "status", "abolishedOn", "timeEffectiveFrom", "timeAmount", "timeUnit", "timeDecisionRef", "costEffectiveFrom", "feeVnd", "otherCostVnd",
        "applicantHours", "annualFilings", "costDecisionRef", "documents", "technicalRegulation", "effectiveFrom", "decisionRef", .. PublishedColumns.Columns,
    ];

    public const string ProvidedOnceMark = "* ";

    /// <summary>The documents cell: one document a line, provided-once ones marked.</summary>
    public string DocumentsText => string.Join("\n", Documents.Select(document => (document.ProvidedOnce ? ProvidedOnceMark : string.Empty) + document.Name));

    /// <summary>The values of a row in <see cref="Columns"/> order, as text for CSV and XLSX.</summary>
    public IReadOnlyList<object?> Values() =>
    [
        Code, Name, EnumText.Of(Level), EnumText.Of(Kind), BusinessRelated, EnumText.Of(OnlineLevel), FullOnlineEligible, BoundaryFree, Field, Agency,
        LastReviewedOn, EnumText.Of(Status), AbolishedOn, TimeEffectiveFrom, TimeAmount, EnumText.Of(TimeUnit), TimeDecisionRef, CostEffectiveFrom,
        FeeVnd, OtherCostVnd, ApplicantHours, AnnualFilings, CostDecisionRef, DocumentsText, TechnicalRegulation, EffectiveFrom, DecisionRef, .. PublishedColumns.Values(this),
    ];

    /// <summary>Reads a row of text values by column name; every problem of the row is added to <paramref name="errors"/>.</summary>
    public static CatalogueRecord? Parse(IReadOnlyDictionary<string, string?> values, Errors errors, IReadOnlyDictionary<string, JsonElement>? structured = null)
    {
        // The rules of every cell (RecordCells): TextRules, yes/no, dates, amounts. A documents cell holds a document a line.
        var cells = new RecordCells(values, errors, column => column == "documents" || PublishedColumns.MultiLine.Contains(column));
        string? Text(string column) => cells.Text(column);
        string Required(string column, int maxLength) => cells.Required(column, maxLength);
        TEnum Enum<TEnum>(string column, TEnum? fallback = null) where TEnum : struct, System.Enum => cells.Enum(column, fallback);
        bool Flag(string column) => cells.Flag(column);
        DateOnly? Date(string column) => cells.Date(column);
        decimal? Amount(string column, decimal max) => cells.Amount(column, max);
        long? Whole(string column, long max) => cells.Whole(column, max);

        var code = Required("code", 40);
        errors.When(code.Length > 0 && !Regex.IsMatch(code, ProcedureRules.CodePattern), "code", ProcedureRules.CodeRule);
        var record = new CatalogueRecord(
            code,
            Required("name", 1000),
            Enum<ProcedureLevel>("level"),
            Enum<ProcedureKind>("kind"),
            Flag("businessRelated"),
            Enum<OnlineLevel>("onlineLevel"),
            Flag("fullOnlineEligible"),
            Flag("boundaryFree"),
            Required("field", 200),
            Required("agency", 300),
            Date("lastReviewedOn"),
            Enum("status", (ProcedureStatus?)ProcedureStatus.Active),
            Date("abolishedOn"),
            Date("timeEffectiveFrom"),
            Amount("timeAmount", 100_000),
            Text("timeUnit") is null ? null : Enum<TimeUnit>("timeUnit"),
            Text("timeDecisionRef"),
            Date("costEffectiveFrom"),
            Whole("feeVnd", 1_000_000_000_000),
            Whole("otherCostVnd", 1_000_000_000_000),
            Amount("applicantHours", 100_000),
            Whole("annualFilings", 1_000_000_000),
            Text("costDecisionRef"),
            structured?.TryGetValue("documents", out var documents) == true ? StructuredDocuments(documents, errors) : ParseDocuments(Text("documents"), errors))
        {
            TechnicalRegulation = Text("technicalRegulation") is null ? null : Flag("technicalRegulation"),
            EffectiveFrom = Date("effectiveFrom"),
            DecisionRef = Text("decisionRef"),
            LegalBasis = Structured<LegalBasisEntry>(structured, "legalBasis", ProcedureRules.MaxLegalBasis, errors),
            TimeHistory = Structured<TimeEntryInput>(structured, "timeHistory", MaxHistoryEntries, errors),
            CostHistory = Structured<CostEntryInput>(structured, "costHistory", MaxHistoryEntries, errors),
        };
        var publishedCells = new PublishedColumns.Cells(Text, Date, Amount, Whole,
            (column, max) => Structured<ChannelTimeRecord>(structured, column, max, errors), (column, max) => Structured<ChannelFeeRecord>(structured, column, max, errors));
        record = record with { Published = PublishedColumns.ReadPublished(publishedCells, errors), Channels = PublishedColumns.ReadChannels(publishedCells, errors) };

        errors.When(record.Status == ProcedureStatus.Abolished && record.AbolishedOn is null, "abolishedOn", "An abolished procedure needs abolishedOn.");
        errors.When(record.Status == ProcedureStatus.Active && record.AbolishedOn is not null, "abolishedOn", "An active procedure has no abolishedOn.");
        var time = new object?[] { record.TimeEffectiveFrom, record.TimeAmount, record.TimeUnit, record.TimeDecisionRef };
        errors.When(time.Any(value => value is not null) && time.Any(value => value is null), "timeEffectiveFrom",
            "A processing time needs all of timeEffectiveFrom, timeAmount, timeUnit and timeDecisionRef, or none.");
        var cost = new object?[] { record.CostEffectiveFrom, record.FeeVnd, record.OtherCostVnd, record.ApplicantHours, record.CostDecisionRef };
        errors.When(cost.Any(value => value is not null) && cost.Any(value => value is null), "costEffectiveFrom",
            "A compliance cost needs all of costEffectiveFrom, feeVnd, otherCostVnd, applicantHours and costDecisionRef, or none (annualFilings is optional).");
        errors.When(record.TimeDecisionRef is { Length: > 100 } || record.CostDecisionRef is { Length: > 100 } || record.DecisionRef is { Length: > 100 }, "decisionRef",
            "A decision reference may have at most 100 characters.");
        return errors.Any ? null : record;
    }

    public const int MaxHistoryEntries = 1000;

    private static JsonSerializerOptions StructuredJson => ImportJson.Options;

    /// <summary>An array of objects in the shape the API takes, each checked by the same rules as the API's; problems named by item.</summary>
    private static IReadOnlyList<T>? Structured<T>(IReadOnlyDictionary<string, JsonElement>? structured, string column, int max, Errors errors)
    {
        if (structured is null || !structured.TryGetValue(column, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(column, $"{column} is an array of objects.");
            return null;
        }

        var items = new List<T>();
        var index = 0;
        foreach (var entry in element.EnumerateArray())
        {
            index++;
            if (index > max)
            {
                errors.Add(column, $"{column} has at most {max} items.");
                break;
            }

            T? item;
            try
            {
                item = entry.Deserialize<T>(StructuredJson);
            }
            catch (TextRules.TextRuleException exception)
            {
                errors.Add(column, $"Item {index} of {column}: {exception.Message}");
                continue;
            }
            catch (JsonException exception)
            {
                var member = exception.Path is { Length: > 2 } path ? path[2..] : null;
                errors.Add(column, member is null ? $"Item {index} of {column} is not an object of the expected shape." : $"Item {index} of {column}: '{member}' is missing, unknown or of the wrong type.");
                continue;
            }

            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            if (item is null || !System.ComponentModel.DataAnnotations.Validator.TryValidateObject(item, new System.ComponentModel.DataAnnotations.ValidationContext(item), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    errors.Add(column, $"Item {index} of {column}: {result.ErrorMessage}");
                }

                if (item is null)
                {
                    errors.Add(column, $"Item {index} of {column} is empty.");
                }

                continue;
            }

            items.Add(item);
        }

        return items;
    }

    private static IReadOnlyList<DocumentValues> StructuredDocuments(JsonElement element, Errors errors)
    {
        var documents = Structured<Documents.DocumentInput>(new Dictionary<string, JsonElement> { ["documents"] = element }, "documents", ProcedureRules.MaxDocuments, errors) ?? [];
        return documents.Select(document => new DocumentValues(
            document.Name.Trim(), document.ProvidedOnce!.Value, document.TemplateName?.Trim(), document.Originals, document.Copies, document.CaseNote?.Trim(),
            document.DataSource?.Trim(), Complete: true)).ToList();
    }

    private static IReadOnlyList<DocumentValues> ParseDocuments(string? text, Errors errors)
    {
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        errors.When(lines.Length > ProcedureRules.MaxDocuments, "documents", $"A procedure has at most {ProcedureRules.MaxDocuments} documents.");
        errors.When(lines.Any(line => line.Length > 1000), "documents", "A document name may have at most 1000 characters.");
        return lines
            .Select(line => line.StartsWith('*') ? new DocumentValues(line.TrimStart('*').Trim(), true) : new DocumentValues(line, false))
            .Where(document => document.Name.Length > 0)
            .ToList();
    }

    public TimeEntryInput? TimeEntry => TimeEffectiveFrom is { } from ? new TimeEntryInput(from, TimeAmount, TimeUnit, TimeDecisionRef!) : null;

    public CostEntryInput? CostEntry => CostEffectiveFrom is { } from
        ? new CostEntryInput(from, FeeVnd, OtherCostVnd, ApplicantHours, AnnualFilings, CostDecisionRef!)
        : null;
}
