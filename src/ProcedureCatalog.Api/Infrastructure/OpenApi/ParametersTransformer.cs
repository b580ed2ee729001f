using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>
/// Every parameter gets its example; year is documented as the integer it is and asOf as a date. The service
/// still binds them as text and checks them itself, so that a bad value gets its own clear 400, not a generic one.
/// </summary>
internal sealed class ParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? string.Empty;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name == "year")
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
            }
            else if (parameter.Name is "asOf" or "from" or "to")
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
            }

            if (parameter.Name is { } name && ParameterExample(path, name) is { } example)
            {
                parameter.Example = parameter.Schema?.Type is { } type && type.HasFlag(JsonSchemaType.String) && example.GetValueKind() != JsonValueKind.String
                    ? JsonValue.Create(example.ToString())
                    : example;
            }
        }

        // Of its own resource and key, and of a parameter it has: one example for every operation named the wrong ones.
        var json = ProblemExamples.JsonOf(context.ApplicationServices);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            foreach (var media in response.Content?.Values ?? [])
            {
                if (media.Example is null && status is "400" or "404")
                {
                    media.Example = status == "404"
                        ? ProblemExamples.Serialize(ProblemExamples.NotFound(operation, context), 404, json)
                        : ProblemExamples.Serialize(ProblemExamples.BadRequest(operation, context), 400, json);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The example of a parameter, by name and where the name means different things by path (an id, a code). They
    /// fit the sample catalogue (procedure 1.009645 of Cần Thơ, agency 21, field 2), so that "Try it out" in Swagger UI,
    /// which fills them in, finds something.
    /// </summary>
    public static JsonNode? ParameterExample(string path, string name) => name switch
    {
        "id" when path.Contains("agencies/", StringComparison.Ordinal) => 21,
        "id" when path.Contains("fields/", StringComparison.Ordinal) => 2,
        "id" when path.Contains("imports/", StringComparison.Ordinal) => "0193a5c2e4b87c3f9a1d2e3f4a5b6c7d",
        "id" when path.Contains("reporting-regimes/", StringComparison.Ordinal) => 12,
        "id" when path.Contains("plans/", StringComparison.Ordinal) => 1,
        "id" or "procedureId" => 41,
        "code" when path.Contains("procedures/{code}", StringComparison.Ordinal) => "1.009645",
        "code" or "jurisdiction" => "92",
        "documentId" => 7,
        "entryId" => 118,
        "reviewId" => 57,
        "attribute" => "online-level",
        "program" => "resolution-66",
        "indicator" => "time-reduction",
        "year" => 2025,
        "asOf" => "2025-12-31",
        "groupBy" => "agency",
        "scope" => "target",
        "measure" => "time",
        "level" => "province",
        "kind" => "external",
        "businessRelated" or "fullOnlineEligible" or "boundaryFree" => "true",
        "technicalRegulation" => "false",
        "onlineLevel" => "partial",
        "fieldId" => "2",
        "agencyId" => "21",
        "status" => "active",
        "q" => "đầu tư",
        "sort" => "code",
        "page" => "1",
        "pageSize" => "20",
        "after" => "YzE6NDI",
        "limit" => "100",
        "dryRun" => true,
        "createMissing" => false,
        "history" => true,
        "format" => "xlsx",
        "frequency" => "half-yearly",
        "planId" => 1,
        "taskId" => 2,
        "milestoneId" => 2,
        "days" => "30",
        "from" => "2026-10-23",
        "to" => "2026-11-22",
        "channel" => "online",
        "step" => "month",
        "day" => "22",
        "month" => "2026-11",
        "quarter" => "2026-Q4",
        "If-Match" or "If-None-Match" => "\"4\"",
        _ => null,
    };
}
