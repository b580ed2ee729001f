using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>An upload's media types each with its own schema: text, a binary workbook, or a JSON array of records.</summary>
internal sealed class UploadsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var uploads = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestContent>().ToList();
        if (uploads.Count == 0 || operation.RequestBody is not OpenApiRequestBody body)
        {
            return Task.CompletedTask;
        }

        body.Content = uploads.ToDictionary(upload => upload.MediaType, upload => new OpenApiMediaType
        {
            Schema = upload.Kind switch
            {
                RequestContentKind.Binary => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                RequestContentKind.ArrayOfObjects => new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true },
                },
                _ => new OpenApiSchema { Type = JsonSchemaType.String },
            },
            Example = upload.Example is null ? null : upload.Kind == RequestContentKind.ArrayOfObjects ? JsonNode.Parse(upload.Example) : JsonValue.Create(upload.Example),
        });
        return Task.CompletedTask;
    }
}
