using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>Operations behind a policy name the API key scheme, so that Swagger UI sends the key entered under Authorize.</summary>
internal sealed class SecurityTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.ApiKeyScheme, context.Document)] = [] }];
        }
        else
        {
            // Reading is open: said explicitly, so that clients and linters need not guess.
            operation.Security = [];
        }

        if (HttpMethods.IsGet(context.Description.HttpMethod ?? string.Empty) && context.Description.ActionDescriptor.EndpointMetadata.OfType<SetsETag>().Any())
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses["304"] = new OpenApiResponse { Description = "Not Modified: If-None-Match names the current ETag; keep your copy." };
        }

        return Task.CompletedTask;
    }
}
