using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>The request and response examples an endpoint declares (WithExamples), and an example of each of its problems.</summary>
internal sealed class ExamplesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var json = ProblemExamples.JsonOf(context.ApplicationServices);
        var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<EndpointExamples>().LastOrDefault();
        if (examples?.Request is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = JsonSerializer.SerializeToNode(request, request.GetType(), json);
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is null)
            {
                continue;
            }

            foreach (var (contentType, media) in response.Content)
            {
                if (status.StartsWith('2') && examples?.Response is { } body && contentType.Contains("json", StringComparison.Ordinal))
                {
                    media.Example = JsonSerializer.SerializeToNode(body, body.GetType(), json);
                }
                else if (!status.StartsWith('2') && int.TryParse(status, out var code))
                {
                    media.Example = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemExampleFor>().LastOrDefault(example => example.Status == code) is { } specific
                        ? ProblemExamples.Serialize(specific.Example, code, json)
                        // 400 and 404 name the operation's own parameters and resource: DescribeParameters writes them, once the parameters are final.
                        : code is 400 or 404 ? null : ProblemExamples.Generic(code, json);
                }
            }
        }

        return Task.CompletedTask;
    }
}
