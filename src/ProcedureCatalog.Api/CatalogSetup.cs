using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Mapster;
using MapsterMapper;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Caching;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Health;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.PeriodReports;
using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Api.SampleData;
using ProcedureCatalog.Api.Tariffs;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Infrastructure.OpenApi;
using ProcedureCatalog.Api.Infrastructure.Pipeline;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Api.Targets;

namespace ProcedureCatalog.Api;

/// <summary>The service's wiring, kept out of Program.cs.</summary>
public static class CatalogSetup
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString("Catalog"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemShape.Apply);
        // Binding failures are thrown in every environment so that BadRequestExceptionHandler can name the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseExceptionHandler>();
        services.AddValidation();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogClock>();
        services.AddSingleton<CatalogDatabase>();
        services.AddSingleton<CatalogMigrator>();
        services.AddSingleton<SampleCatalogue>();
        services.AddSingleton(CatalogMappings.Create());
        services.AddSingleton<IMapper>(provider => new Mapper(provider.GetRequiredService<TypeAdapterConfig>()));

        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(WriteAccess.AddPolicies);

        services.AddCatalogLimits(builder.Configuration);
        services.AddCatalogWebSecurity(builder.Configuration);
        services.AddOptions<Transfers.ImportOptions>().BindConfiguration(Transfers.ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Transfers.ImportProgress>();
        services.AddSingleton<Transfers.ImportWorker>();
        if (!IsGeneratingDocument)
        {
            services.AddHostedService(provider => provider.GetRequiredService<Transfers.ImportWorker>());
        }
        services.AddCatalogOpenApi();
        services.AddCatalogHealth();
        services.AddConditionalReads();
        services.AddPeriodReports();
        return builder;
    }

    /// <summary>The JSON the API speaks: camelCase, enums as the glossary's words, no unknown fields.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A number is a JSON number: "12" for an id is refused rather than guessed at, and the document types numbers as numbers.
        options.NumberHandling = JsonNumberHandling.Strict;
        // {"amount":1,"amount":99999} and "AMOUNT" are refused, not resolved to the last or to some casing: a client
        // (or a proxy that rewrote the body) meant something the service cannot know.
        options.AllowDuplicateProperties = false;
        options.PropertyNameCaseInsensitive = false;
        // Every text of a body in NFC, without control or invisible characters (TextRules).
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(TextRules.ApplyToStrings);
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        app.UseCatalogForwardedHeaders();
        app.UseCatalogWebSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint($"/openapi/{OpenApiSetup.DocumentName}.json", "ProcedureCatalog v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "ProcedureCatalog API";
            options.DisplayOperationId();
            options.EnableTryItOutByDefault();
        });
        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
        app.MapCatalogHealth();

        app.UseCatalogBodyLimits();
        // Before authentication, so that a request with two keys is refused rather than authenticated as the first.
        app.UseRequestHeaderRules();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        app.UseConditionalReads();
        app.UseCatalogRequestLimits();

        // Any operation can be limited, fail unexpectedly or time out; the answer is still a problem document.
        var api = app.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.AddEndpointFilterFactory(KnownQueryParameters.Refuse);
        api.AddEndpointFilter(Concurrency.NotModifiedFilter);
        ((IEndpointConventionBuilder)api).Finally(KnownQueryParameters.Document);
        ((IEndpointConventionBuilder)api).Finally(WriteConventions.Apply);
        ((IEndpointConventionBuilder)api).Finally(HeavyRequestConvention);
        ((IEndpointConventionBuilder)api).Finally(ConditionalReads.Convention);
        api.MapJurisdictions();
        api.MapAgencies();
        api.MapFields();
        api.MapReports();
        api.MapTargets();
        api.MapTariffs();
        api.MapChanges();
        api.MapTransfers();
        api.MapProcedures();
        api.MapDocuments();
        api.MapHistory();
        ReportingRegimes.RegimeEndpoints.MapReportingRegimes(api);
        Attributes.AttributeEndpoints.MapAttributes(api);
        api.MapPlans();
        api.MapPlanTasks();
        api.MapPlanAnnex();
        api.MapTaskReports();
        api.MapChannels();
        api.MapPeriodReports();
        return app;
    }

    /// <summary>Every report and every export computes over the catalogue: they take turns (see <see cref="HeavyRequests"/>).</summary>
    private static void HeavyRequestConvention(EndpointBuilder builder)
    {
        if (builder is RouteEndpointBuilder { RoutePattern.RawText: { } route }
            && (route.StartsWith("/api/v1/reports/", StringComparison.Ordinal) || route.EndsWith("/export", StringComparison.Ordinal)))
        {
            builder.Metadata.Add(new Limits.HeavyRequest());
        }
    }

    /// <summary>The build runs the entry point to write openapi/; that run must not touch any database.</summary>
    private static bool IsGeneratingDocument =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Migrates the database and, when it is empty, fills it with the sample catalogue, as configured.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (IsGeneratingDocument)
        {
            return;
        }

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart)
        {
            app.Services.GetRequiredService<CatalogMigrator>().Migrate();
        }

        if (options.SeedSampleCatalogue)
        {
            await app.Services.GetRequiredService<SampleCatalogue>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
