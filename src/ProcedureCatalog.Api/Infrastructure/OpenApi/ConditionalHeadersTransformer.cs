using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>
/// Changes of existing resources take If-Match (required: 428 without it); single resources send their ETag and
/// take If-None-Match on GET. Both are declared so that generated clients and validating proxies know them.
/// </summary>
internal sealed class ConditionalHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var responses = operation.Responses ?? new OpenApiResponses();
        var method = context.Description.HttpMethod ?? string.Empty;
        var conditional = responses.ContainsKey("412");
        var readsOne = HttpMethods.IsGet(method) && context.Description.ActionDescriptor.EndpointMetadata.OfType<SetsETag>().Any();
        if (conditional)
        {
            AddHeaderParameter(operation, "If-Match", "The ETag you read. Required to change or delete an existing resource (428 without it, 412 when someone changed it since).");
        }

        if (readsOne)
        {
            AddHeaderParameter(operation, "If-None-Match", "The ETag you hold; 304 when it is still current.");
        }

        foreach (var (status, response) in responses)
        {
            if (status is "201" or "202" && response is OpenApiResponse created)
            {
                created.Headers ??= new Dictionary<string, IOpenApiHeader>();
                created.Headers["Location"] = new OpenApiHeader { Description = "The address of what was created (or of the accepted import).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }

        if (conditional || readsOne || HttpMethods.IsPost(method))
        {
            foreach (var (status, response) in responses)
            {
                if (status.StartsWith('2') && response is OpenApiResponse { Content.Count: > 0 } answer && (conditional || readsOne || status == "201"))
                {
                    answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    answer.Headers["ETag"] = new OpenApiHeader { Description = "The resource's version, for If-Match and If-None-Match.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    FollowsFeed(context, answer);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A list or report: its ETag names the catalogue's place in the change feed and the request (Caching.ConditionalReads).</summary>
    private static void FollowsFeed(OpenApiOperationTransformerContext context, OpenApiResponse answer)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Caching.FeedRead>().FirstOrDefault() is not { Kind: not Caching.FeedReadKind.Procedure })
        {
            return;
        }

        answer.Headers!["ETag"] = new OpenApiHeader
        {
            Description = "Names this answer: the catalogue's place in the change feed and the request (every query parameter, Accept, the date when asOf "
                + "is not given). Send it as If-None-Match: 304 while nothing in the catalogue changed, without computing the answer again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        answer.Headers["Cache-Control"] = new OpenApiHeader
        {
            Description = "no-cache: keep the answer and ask again with If-None-Match each time (reports: max-age=N when Caching:ReportMaxAgeSeconds is set).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }

    private static void AddHeaderParameter(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.All(parameter => parameter.Name != name))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = false,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
