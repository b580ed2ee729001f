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
                    // 3.0.0: year is documented as the integer it always had to be; a typed client that sent it as text
                    // must now send a number (the breaking-change check counts the narrowed type, rightly).
                    Version = "3.0.0",
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
            // Last: it gives every parameter, the If-Match and If-None-Match headers added above too, its example.
            options.AddOperationTransformer(DescribeParameters);
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
                        // 400 and 404 name the operation's own parameters and resource: DescribeParameters writes them, once the parameters are final.
                        : code is 400 or 404 ? null : ProblemExample(code, json);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static JsonNode? ProblemExample(int status, JsonSerializerOptions json)
    {
        ProblemDetails problem = status switch
        {
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

    /// <summary>
    /// The resource each operation's 404 names and the parameters that make its key, as the endpoint words it
    /// (Problems.NotFound). An operation not listed gets the resource of its last path parameter.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string What, string[] Key)> NotFoundSubjects = new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
    {
        ["GetJurisdiction"] = ("Jurisdiction", ["code"]),
        ["UpdateJurisdiction"] = ("Jurisdiction", ["code"]),
        ["GetAgency"] = ("Agency", ["id"]),
        ["UpdateAgency"] = ("Agency", ["id"]),
        ["GetField"] = ("Field", ["id"]),
        ["UpdateField"] = ("Field", ["id"]),
        ["GetGroupReductions"] = ("Reduction program", ["program"]),
        ["GetScoreboard"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetLaggards"] = ("Reduction program", ["program"]),
        ["GetProcedureReduction"] = ("Procedure", ["id"]),
        ["GetProcedureAudit"] = ("Procedure", ["id"]),
        ["ImportCatalogue"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetImport"] = ("Import", ["id"]),
        ["ExportCatalogue"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetProcedureByCode"] = ("Procedure", ["jurisdiction", "code"]),
        ["GetTarget"] = ("Target", ["program", "indicator", "year"]),
        ["PutTarget"] = ("Reduction program", ["program"]),
        ["GetTariff"] = ("Hourly tariff", ["jurisdiction", "year"]),
        ["PutTariff"] = ("Jurisdiction", ["jurisdiction"]),
        ["ChangeDocument"] = ("Document", ["procedureId", "documentId"]),
        ["RemoveDocument"] = ("Document", ["procedureId", "documentId"]),
        ["RemoveTimeEntry"] = ("Time entry", ["procedureId", "entryId"]),
        ["RemoveCostEntry"] = ("Cost entry", ["procedureId", "entryId"]),
    };

    private static ProblemDetails NotFoundExample(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var path = context.Description.RelativePath ?? string.Empty;
        var (what, key) = operation.OperationId is { } id && NotFoundSubjects.TryGetValue(id, out var subject) ? subject : SubjectOfPath(path);
        var value = string.Join("/", key.Select(name => ParameterExample(path, name)?.ToString() ?? name));
        return Problems.NotFound(what, value).ProblemDetails;
    }

    /// <summary>The resource of a path's last parameter: /procedures/{procedureId}/documents → Procedure, procedureId.</summary>
    private static (string What, string[] Key) SubjectOfPath(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = Array.FindLastIndex(segments, segment => segment.StartsWith('{'));
        if (last < 1)
        {
            return ("Resource", []);
        }

        var collection = segments[last - 1];
        var singular = collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y" : collection.TrimEnd('s');
        return (char.ToUpperInvariant(singular[0]) + singular[1..].Replace('-', ' '), [segments[last].Trim('{', '}').Split(':')[0]]);
    }

    /// <summary>What the service says of a bad value of each query or path parameter it checks (the wording of its own checks).</summary>
    private static readonly IReadOnlyDictionary<string, string> BadValueMessages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["asOf"] = "'yesterday' is not a date from 1945-01-01 to 2100-12-31 written YYYY-MM-DD.",
        ["year"] = "'next' is not a year from 1945 to 2100.",
        ["pageSize"] = "pageSize must be a whole number from 1 to 100.",
        ["page"] = "page must be a whole number from 1 to 1000000.",
        ["limit"] = "limit must be a whole number from 1 to 1000.",
        ["after"] = "after is not a cursor this feed gave out; use the nextCursor of a previous answer, or leave it out to start at the beginning.",
        ["jurisdiction"] = Jurisdictions.Jurisdiction.CodeRule,
        ["code"] = Jurisdictions.Jurisdiction.CodeRule,
        ["program"] = "program must be 1 to 40 lower-case letters, digits or '-', such as resolution-66.",
        ["sort"] = "'size' is not a sort key; use code, name, jurisdiction, updatedAt, each optionally with a leading '-'.",
        ["q"] = "q may have at most 200 characters.",
    };

    /// <summary>The query parameters a 400 example rather names, when an operation has them: the ones most often got wrong.</summary>
    private static readonly string[] LikelyMistakes = ["asOf", "year", "pageSize", "jurisdiction", "after", "limit", "groupBy", "measure", "format", "dryRun"];

    /// <summary>
    /// A 400 of the operation, naming what it really takes: a field of its body, else one of its query parameters,
    /// else a path parameter it checks. An operation that takes none of those refuses only unknown query parameters.
    /// </summary>
    private static ProblemDetails BadRequestExample(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var parameters = operation.Parameters?.OfType<OpenApiParameter>().ToList() ?? [];
        var query = parameters.Where(parameter => parameter.In == ParameterLocation.Query).ToList();
        var checkedPath = parameters.Where(parameter => parameter.In == ParameterLocation.Path && parameter.Name is { } name && BadValueMessages.ContainsKey(name)).ToList();
        (string Field, string Message)? error = null;
        if (metadata.OfType<RequestContent>().Any())
        {
            error = ("body", "The file is empty.");
        }
        else if (context.Description.ParameterDescriptions.FirstOrDefault(parameter => parameter.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)?.Type is { } body
            && body.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault() is { } first)
        {
            var field = JsonNamingPolicy.CamelCase.ConvertName(first.Name);
            error = (field, $"{field} is required.");
        }
        else if (query.OrderBy(parameter => Array.IndexOf(LikelyMistakes, parameter.Name) is var rank and >= 0 ? rank : LikelyMistakes.Length).FirstOrDefault() is { Name: { } name } parameter)
        {
            error = (name, BadValueMessages.TryGetValue(name, out var message) ? message
                : parameter.Schema?.Enum is { Count: > 0 } allowed ? $"'maybe' is not allowed; use one of: {string.Join(", ", allowed.Select(value => value.ToString()))}."
                : "'x' is not a valid value for this parameter.");
        }
        else if (checkedPath.OrderBy(parameter => parameter.Name == "year" ? 0 : 1).FirstOrDefault() is { Name: { } pathName })
        {
            // A year in the path is checked by the resource's own rule rather than the reports'.
            error = (pathName, pathName == "year" ? PlausibleDateAttribute.YearRule : BadValueMessages[pathName]);
        }

        return error is { } named
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [named.Field] = [named.Message] })
            {
                Title = "The request is not valid",
                Detail = "See errors: each names the field and what is wrong with it.",
            }
            : new HttpValidationProblemDetails
            {
                Title = "The request is not valid",
                Detail = "This operation takes no query parameters: any in the request is refused, each named in errors with what it is not.",
            };
    }

    /// <summary>
    /// The example of a parameter, by name and where the name means different things by path (an id, a code). They
    /// fit the sample catalogue (procedure 1.009645 of Cần Thơ, agency 21, field 2), so that "Try it out" in Swagger UI,
    /// which fills them in, finds something.
    /// </summary>
    private static JsonNode? ParameterExample(string path, string name) => name switch
    {
        "id" when path.Contains("agencies/", StringComparison.Ordinal) => 21,
        "id" when path.Contains("fields/", StringComparison.Ordinal) => 2,
        "id" when path.Contains("imports/", StringComparison.Ordinal) => "0193a5c2e4b87c3f9a1d2e3f4a5b6c7d",
        "id" or "procedureId" => 41,
        "code" when path.Contains("procedures/{code}", StringComparison.Ordinal) => "1.009645",
        "code" or "jurisdiction" => "92",
        "documentId" => 7,
        "entryId" => 118,
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
        "If-Match" or "If-None-Match" => "\"4\"",
        _ => null,
    };

    /// <summary>
    /// Every parameter gets its example; year is documented as the integer it is and asOf as a date. The service
    /// still binds them as text and checks them itself, so that a bad value gets its own clear 400, not a generic one.
    /// </summary>
    private static Task DescribeParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? string.Empty;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name == "year")
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
            }
            else if (parameter.Name == "asOf")
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
        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        foreach (var (status, response) in operation.Responses ?? [])
        {
            foreach (var media in response.Content?.Values ?? [])
            {
                if (media.Example is null && status is "400" or "404")
                {
                    media.Example = status == "404"
                        ? Serialize(NotFoundExample(operation, context), 404, json)
                        : Serialize(BadRequestExample(operation, context), 400, json);
                }
            }
        }

        return Task.CompletedTask;
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
