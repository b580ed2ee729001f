using Microsoft.AspNetCore.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document, built from what endpoints declare (<see cref="EndpointMetadata"/>). The operation transformers run in
/// the order they are added: each file under OpenApi/ is one of them.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddCatalogOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddOperationTransformer<ExamplesTransformer>();
            options.AddOperationTransformer<EnumValuesTransformer>();
            options.AddOperationTransformer<ReportFormatsTransformer>();
            options.AddOperationTransformer<BinaryContentTransformer>();
            options.AddOperationTransformer<CamelCaseQueryNamesTransformer>();
            options.AddOperationTransformer<SecurityTransformer>();
            options.AddOperationTransformer<ConditionalHeadersTransformer>();
            options.AddOperationTransformer<UploadsTransformer>();
            // Last: it gives every parameter, the If-Match and If-None-Match headers added above too, its example.
            options.AddOperationTransformer<ParametersTransformer>();
            options.AddSchemaTransformer<ProblemSchemaTransformer>();
        });
}
