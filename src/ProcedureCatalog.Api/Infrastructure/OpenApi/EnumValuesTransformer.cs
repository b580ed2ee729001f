using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>A query parameter that arrives as text documents the glossary values it takes ([EnumValues]).</summary>
internal sealed class EnumValuesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var allowed = description.ParameterDescriptor switch
            {
                IParameterInfoParameterDescriptor { ParameterInfo: var info } => info.GetCustomAttribute<EnumValuesAttribute>()?.Values,
                _ => null,
            };
            var parameter = operation.Parameters?.FirstOrDefault(p => string.Equals(p.Name, description.Name, StringComparison.OrdinalIgnoreCase));
            if (allowed is null || parameter?.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            schema.Enum = allowed.Select(value => (JsonNode)JsonValue.Create(value)).ToList();
        }

        return Task.CompletedTask;
    }
}
