using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcedureCatalog.Api.Infrastructure.OpenApi;

/// <summary>The document's title, version, servers, tags and the API key scheme.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    private static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Procedures"] = "The catalogue: thủ tục hành chính of each jurisdiction, searched, read, created, changed, abolished; synced by natural key.",
        ["Documents"] = "The required documents (thành phần hồ sơ) of a procedure.",
        ["History"] = "Effective-dated histories of a procedure: processing time and compliance cost, its dated attributes, its documents' provided-once marks and its reviews; entries are added, never overwritten.",
        ["Channels"] = "The ways a procedure is filed (in person, online, by post), each with its own effective-dated processing time and fee.",
        ["Jurisdictions"] = "Whose catalogue: VN (central) and the provinces.",
        ["Agencies"] = "Performing agencies (cơ quan thực hiện) of each jurisdiction.",
        ["Fields"] = "Fields (lĩnh vực) procedures are classified under.",
        ["Reports"] = "Resolution 66/NQ-CP figures computed in SQL views: reductions per procedure and group, the scoreboard, the laggards; the plans' tasks overdue, due and done; JSON, CSV or XLSX.",
        ["Targets and tariffs"] = "The reduction programs with their yearly targets, and the hourly tariffs that price the applicant's time.",
        ["Changes"] = "The change feed for syncing clients, and the audit trail of each procedure.",
        ["Bulk import and export"] = "Whole catalogues in and out: CSV, XLSX, JSON and NDJSON; imports are checked and taken whole or not at all.",
        ["Reporting regimes"] = "Business reporting regimes (chế độ báo cáo của doanh nghiệp) of each jurisdiction with their effective-dated electronic history: "
            + "the denominator of business-reporting-electronic; imported and exported whole.",
        ["Plans"] = "The local plans (kế hoạch) that implement a program: their tasks with lead and coordinating agencies, a milestone per deadline with its "
            + "dated progress, and the import of a plan's annex of tasks (CSV, XLSX).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ProcedureCatalog API",
            // 3.0.0: year is documented as the integer it always had to be; a typed client that sent it as text
            // must now send a number (the breaking-change check counts the narrowed type, rightly).
            // 4.0.0: the indicators gain technical-regulation-reviewed (a client with a closed enum must learn it), and the
            // scoreboard answers a missing tariff or a year without targets by naming them (missing) instead of 422 and 404.
            Version = "4.0.0",
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
        document.Components.SecuritySchemes[OpenApiSetup.ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Access.ApiKeys.Header,
            Description = "Every change needs an API key (pck_…), made by the service's keys command: an editor key writes the catalogue of its "
                + "jurisdictions, an admin key everything. Reading needs no key.",
        };
        return Task.CompletedTask;
    }
}
