using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

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

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

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

    public static IServiceCollection AddCatalogOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ProcedureCatalog API",
                    Version = "2.0.0",
                    Description =
                        "Vietnam's catalogue of administrative procedures (thủ tục hành chính) with their full history of processing time and cost, "
                        + "for provincial one-stop systems, analysts and anyone exploring it. Enum values are the glossary's words (e.g. internal-between-agencies); "
                        + "errors are RFC 9457 problem details that name each bad field.",
                    Contact = new OpenApiContact { Name = "ProcedureCatalog" },
                    License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
                };
                document.Servers = [new OpenApiServer { Url = "/", Description = "This service" }];
                document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = Access.ApiKeys.Header,
                    Description = "Every change needs an API key (pck_…), made by the service's keys command: an editor key writes the catalogue of its "
                        + "jurisdictions, an admin key everything. Reading needs no key.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(AddExamples);
            options.AddOperationTransformer(AddEnumValues);
            options.AddOperationTransformer(AddCsvAlternative);
            options.AddOperationTransformer(CamelCaseQueryNames);
            options.AddOperationTransformer(AddSecurity);
            options.AddOperationTransformer(AddConditionalHeaders);
            options.AddOperationTransformer(DescribeUploads);
            options.AddSchemaTransformer(OpenProblemSchemas);
        });

    private static Task AddExamples(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
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
                        ? Serialize(specific.Example, code, json)
                        : ProblemExample(code, json);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static JsonNode? ProblemExample(int status, JsonSerializerOptions json)
    {
        ProblemDetails problem = status switch
        {
            400 => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["code"] = ["code must be 1 to 40 letters, digits, '.', '_' or '-'."] })
            {
                Title = "The request is not valid",
                Detail = "See errors: each names the field and what is wrong with it.",
            },
            404 => new ProblemDetails { Title = "Procedure not found", Detail = "No procedure has the key '42'." },
            409 => new ProblemDetails { Title = "Conflict with the current catalogue", Detail = "Jurisdiction '11' already has a procedure with code '1.001612' (id 3)." },
            412 => new ProblemDetails { Title = "The resource has changed", Detail = "The procedure was changed by someone else (its version is now 5). Read it again and re-apply your change." },
            422 => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["agencyId"] = ["Agency 7 belongs to jurisdiction '92', not '11'."] })
            {
                Title = "The request refers to something that does not fit",
                Detail = "See errors: each names the field and why it cannot be accepted.",
            },
            401 => new ProblemDetails { Title = "An API key is needed", Detail = "Reading is open to all, but every change needs an API key in the X-Api-Key header." },
            403 => new ProblemDetails { Title = "This key may not do that", Detail = "The key 'Cần Thơ one-stop' may write the catalogue of 92, not of '11'." },
            413 => new ProblemDetails { Title = "The request body is too large", Detail = "This operation takes at most 1,048,576 bytes; the request declares 5,000,000." },
            428 => new ProblemDetails { Title = "If-Match is required", Detail = "Changing the procedure needs the ETag you read in an If-Match header (it is \"4\" now), so that nobody's change is overwritten unseen." },
            429 => new ProblemDetails { Title = "Too many requests", Detail = "This client has used its share of requests for now; try again in 12 s (Retry-After)." },
            503 => new ProblemDetails { Title = "The request took too long", Detail = "It was cancelled after the service's time limit and changed nothing." },
            _ => new ProblemDetails { Title = "An error occurred while processing your request." },
        };
        return Serialize(problem, status, json);
    }

    private static JsonNode? Serialize(ProblemDetails problem, int status, JsonSerializerOptions json)
    {
        problem.Status = status;
        problem.Type = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? 6 : 5)}.{(status >= 500 ? status - 499 : status - 399)}";
        return JsonSerializer.SerializeToNode(problem, problem.GetType(), json);
    }

    public const string ApiKeyScheme = "ApiKey";

    private static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Procedures"] = "The catalogue: thủ tục hành chính of each jurisdiction, searched, read, created, changed, abolished; synced by natural key.",
        ["Documents"] = "The required documents (thành phần hồ sơ) of a procedure.",
        ["History"] = "Effective-dated processing time and compliance cost of a procedure; entries are added, never overwritten.",
        ["Jurisdictions"] = "Whose catalogue: VN (central) and the provinces.",
        ["Agencies"] = "Performing agencies (cơ quan thực hiện) of each jurisdiction.",
        ["Fields"] = "Fields (lĩnh vực) procedures are classified under.",
        ["Reports"] = "Resolution 66/NQ-CP figures computed in SQL views: reductions per procedure and group, the scoreboard, the laggards; JSON or CSV.",
        ["Targets and tariffs"] = "The reduction programs with their yearly targets, and the hourly tariffs that price the applicant's time.",
        ["Changes"] = "The change feed for syncing clients, and the audit trail of each procedure.",
        ["Bulk import and export"] = "Whole catalogues in and out: CSV, XLSX, JSON and NDJSON; imports are checked and taken whole or not at all.",
    };

    /// <summary>
    /// Changes of existing resources take If-Match (required: 428 without it); single resources send their ETag and
    /// take If-None-Match on GET. Both are declared so that generated clients and validating proxies know them.
    /// </summary>
    private static Task AddConditionalHeaders(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
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
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>An upload's media types each with its own schema: text, a binary workbook, or a JSON array of records.</summary>
    private static Task DescribeUploads(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
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

    /// <summary>
    /// Problems carry a traceId and, for some, more members (the jurisdictions without a tariff): the problem
    /// schemas stay open, as RFC 9457 intends, even though request bodies refuse unknown members.
    /// </summary>
    private static Task OpenProblemSchemas(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = null;
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when asking for help." };
        }

        return Task.CompletedTask;
    }

    /// <summary>Operations behind a policy name the API key scheme, so that Swagger UI sends the key entered under Authorize.</summary>
    private static Task AddSecurity(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
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

    private static Task AddCsvAlternative(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
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

    /// <summary>Query parameters bound from a class arrive with the property's name; the API spells them in camelCase (binding ignores case).</summary>
    private static Task CamelCaseQueryNames(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name && char.IsUpper(name[0]))
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }

        return Task.CompletedTask;
    }

    private static Task AddEnumValues(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
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
