using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>The CSV and XLSX answers of a report (WithCsvExample), and the samples of other media types it answers (WithContentExample).</summary>
internal sealed class ReportFormatsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var csv = context.Description.ActionDescriptor.EndpointMetadata.OfType<CsvAlternative>().ToList();
        if (csv.Count > 0 && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse { Content: { } content })
        {
            content[CsvTable<object>.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 CSV with a byte order mark and Vietnamese headers, for Excel." },
                Example = csv.LastOrDefault(alternative => alternative.Example is not null)?.Example is { } example ? JsonValue.Create(example) : null,
            };
        }

        var xlsx = context.Description.ActionDescriptor.EndpointMetadata.OfType<XlsxAlternative>().ToList();
        if (xlsx.Count > 0 && operation.Responses?.TryGetValue("200", out var answered) == true && answered is OpenApiResponse { Content: { } workbook })
        {
            workbook[XlsxTable<object>.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "binary",
                    Description = "An XLSX workbook for Excel with any regional settings (decimal comma, ';' lists): the CSV's Vietnamese headers and rows, numbers as numbers.",
                },
                Example = xlsx.LastOrDefault(alternative => alternative.Example is not null)?.Example is { } description ? JsonValue.Create(description) : null,
            };
        }

        foreach (var sample in context.Description.ActionDescriptor.EndpointMetadata.OfType<ContentExample>())
        {
            if (operation.Responses?.TryGetValue("200", out var answer) == true && answer is OpenApiResponse { Content: { } media } && media.TryGetValue(sample.MediaType, out var type))
            {
                type.Example = JsonValue.Create(sample.Example);
            }
        }

        return Task.CompletedTask;
    }
}
