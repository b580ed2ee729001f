using Microsoft.AspNetCore.Mvc;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>Example request and response bodies of an endpoint, shown in Swagger UI and checked against the schema by linters.</summary>
public sealed record EndpointExamples(object? Request, object? Response);

/// <summary>The example of one problem status of one endpoint, where the generic example of that status would mislead.</summary>
public sealed record ProblemExampleFor(int Status, ProblemDetails Example);

/// <summary>How one media type of a request body is documented when it is not the JSON of a contract type (uploads).</summary>
public sealed record RequestContent(string MediaType, RequestContentKind Kind, string? Example);

public enum RequestContentKind
{
    Text,
    Binary,
    ArrayOfObjects,
}

/// <summary>A GET of one resource that sends its ETag: it answers 304 to If-None-Match with that ETag.</summary>
public sealed record SetsETag;

/// <summary>A sample of a non-JSON answer (an export's CSV, NDJSON or workbook) for the OpenAPI document.</summary>
public sealed record ContentExample(string MediaType, string Example);

/// <summary>The endpoint also answers Accept: text/csv; <see cref="Example"/> is a sample of that CSV.</summary>
public sealed record CsvAlternative(string? Example);

/// <summary>The endpoint also answers Accept: the XLSX media type; <see cref="Example"/> describes that workbook.</summary>
public sealed record XlsxAlternative(string? Example);

/// <summary>The allowed glossary values of a query parameter that arrives as text.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EnumValuesAttribute : Attribute
{
    public EnumValuesAttribute(Type enumType) => Values = EnumText.AllowedValues(enumType);

    public EnumValuesAttribute(params string[] values) => Values = values;

    public IReadOnlyList<string> Values { get; }
}

/// <summary>What an endpoint declares for its OpenAPI description (read by the transformers in Infrastructure.OpenApi).</summary>
public static class EndpointMetadata
{
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, object? request = null, object? response = null) =>
        builder.WithMetadata(new EndpointExamples(request, response));

    public static RouteHandlerBuilder WithProblemExample(this RouteHandlerBuilder builder, int status, ProblemDetails example) =>
        builder.WithMetadata(new ProblemExampleFor(status, example));

    public static RouteHandlerBuilder WithRequestContent(this RouteHandlerBuilder builder, string mediaType, RequestContentKind kind, string? example) =>
        builder.WithMetadata(new RequestContent(mediaType, kind, example));

    public static RouteHandlerBuilder WithContentExample(this RouteHandlerBuilder builder, string mediaType, string example) =>
        builder.WithMetadata(new ContentExample(mediaType, example));

    /// <summary>Marks a GET of one resource: it sends an ETag, and 304 when If-None-Match names it.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) => builder.WithMetadata(new SetsETag());

    /// <summary>
    /// Documents the CSV answer of a report with a sample made by the same writer from example rows, and its XLSX
    /// answer with a description of the workbook naming the same columns (a workbook is binary: no sample fits).
    /// </summary>
    public static RouteHandlerBuilder WithCsvExample<TRow>(this RouteHandlerBuilder builder, IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows) =>
        builder.WithMetadata(
            new CsvAlternative(CsvTable<TRow>.Render(columns, rows)),
            new XlsxAlternative($"(an XLSX workbook, one sheet '{XlsxTable<TRow>.SheetName}': the headers {string.Join(" | ", columns.Select(column => column.Header))} "
                + "in its first row, then a row each as in the CSV; numbers are number cells, dates date cells, yes/no có/không)"));
}
