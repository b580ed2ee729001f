using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProcedureCatalog.Api.PeriodReports;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>The binary answers an operation gives by Accept (a chart as PNG or SVG, a report as DOCX or XLSX): each a binary string of its media type.</summary>
internal sealed class BinaryContentTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var binaries = context.Description.ActionDescriptor.EndpointMetadata.OfType<BinaryContent>().ToList();
        if (binaries.Count > 0 && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse { Content: { } content })
        {
            foreach (var binary in binaries)
            {
                content[binary.MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = binary.Description },
                    // A file has no sample that fits in the document: its example says what it is.
                    Example = JsonValue.Create($"({binary.Description})"),
                };
            }
        }

        return Task.CompletedTask;
    }
}
