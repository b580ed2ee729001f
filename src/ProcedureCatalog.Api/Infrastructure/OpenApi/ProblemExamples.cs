using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>The problem examples of the document, worded as the service words its problems, for the operation they are shown on.</summary>
internal static class ProblemExamples
{
    public static JsonSerializerOptions JsonOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>The example of a problem status that names no parameter of the operation.</summary>
    public static JsonNode? Generic(int status, JsonSerializerOptions json)
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

    public static JsonNode? Serialize(ProblemDetails problem, int status, JsonSerializerOptions json)
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
        ["GetTrend"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetMonthlyReport"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetQuarterlyReport"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetYearlyReport"] = ("Jurisdiction", ["jurisdiction"]),
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
        ["RemoveElectronicEntry"] = ("Electronic entry", ["id", "entryId"]),
        ["GetPlan"] = ("Plan", ["id"]),
        ["UpdatePlan"] = ("Plan", ["id"]),
        ["DeletePlan"] = ("Plan", ["id"]),
        ["GetPlanAudit"] = ("Plan", ["id"]),
        ["ListPlanTasks"] = ("Plan", ["planId"]),
        ["AddPlanTask"] = ("Plan", ["planId"]),
        ["ImportPlanAnnex"] = ("Plan", ["planId"]),
        ["GetPlanTask"] = ("Plan task", ["planId", "taskId"]),
        ["ChangePlanTask"] = ("Plan task", ["planId", "taskId"]),
        ["RemovePlanTask"] = ("Plan task", ["planId", "taskId"]),
        ["ListMilestoneProgress"] = ("Milestone", ["planId", "taskId", "milestoneId"]),
        ["RecordMilestoneProgress"] = ("Milestone", ["planId", "taskId", "milestoneId"]),
        ["RemoveMilestoneProgress"] = ("Progress entry", ["planId", "taskId", "milestoneId", "entryId"]),
        ["GetOverdueTasks"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetTasksDue"] = ("Jurisdiction", ["jurisdiction"]),
        ["GetTasksDone"] = ("Jurisdiction", ["jurisdiction"]),
        ["ListChannelTimeHistory"] = ("Channel", ["procedureId", "channel"]),
        ["AppendChannelTimeEntry"] = ("Channel", ["procedureId", "channel"]),
        ["ListChannelFeeHistory"] = ("Channel", ["procedureId", "channel"]),
        ["AppendChannelFeeEntry"] = ("Channel", ["procedureId", "channel"]),
        ["RemoveChannelTimeEntry"] = ("Channel time entry", ["procedureId", "entryId"]),
        ["RemoveChannelFeeEntry"] = ("Channel fee entry", ["procedureId", "entryId"]),
        ["GetLocalVsNational"] = ("Jurisdiction", ["jurisdiction"]),
    };

    public static ProblemDetails NotFound(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var path = context.Description.RelativePath ?? string.Empty;
        var (what, key) = operation.OperationId is { } id && NotFoundSubjects.TryGetValue(id, out var subject) ? subject : SubjectOfPath(path);
        var value = string.Join("/", key.Select(name => ParametersTransformer.ParameterExample(path, name)?.ToString() ?? name));
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
        ["channel"] = "'fax' is not a channel; use one of: in-person, online, post.",
    };

    /// <summary>The query parameters a 400 example rather names, when an operation has them: the ones most often got wrong.</summary>
    private static readonly string[] LikelyMistakes = ["asOf", "year", "pageSize", "jurisdiction", "after", "limit", "groupBy", "measure", "format", "dryRun"];

    /// <summary>
    /// A 400 of the operation, naming what it really takes: a field of its body, else one of its query parameters,
    /// else a path parameter it checks. An operation that takes none of those refuses only unknown query parameters.
    /// </summary>
    public static ProblemDetails BadRequest(OpenApiOperation operation, OpenApiOperationTransformerContext context)
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
}
