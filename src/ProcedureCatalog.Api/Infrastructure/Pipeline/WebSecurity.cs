namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

/// <summary>Which browser origins may call the API. Bound from the <c>Cors</c> section; empty (the default) lets none.</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    /// <summary>Exact origins such as https://motcua.cantho.gov.vn.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>Secure response headers on every answer, and CORS closed unless configured.</summary>
public static class WebSecurity
{
    private const string Policy = "configured-origins";

    public static IServiceCollection AddCatalogWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(CorsSettings.Section).Get<CorsSettings>() ?? new CorsSettings();
        services.AddOptions<CorsSettings>().BindConfiguration(CorsSettings.Section)
            .Validate(cors => cors.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"),
                "Cors:AllowedOrigins must be absolute origins such as https://example.gov.vn (scheme, host, optional port, nothing else).")
            .ValidateOnStart();
        services.AddCors(options => options.AddPolicy(Policy, policy => policy
            .WithOrigins(settings.AllowedOrigins)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Content-Type", "Accept", "If-Match", "If-None-Match", Access.ApiKeys.Header)
            .WithExposedHeaders("ETag", "Location", "Retry-After", "Content-Disposition")));
        return services;
    }

    public static WebApplication UseCatalogWebSecurity(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Swagger UI is a page with its own scripts; everything else is data that must never render or be framed.
            if (!context.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                headers.XFrameOptions = "DENY";
            }
            else
            {
                headers.XFrameOptions = "SAMEORIGIN";
            }

            await next(context);
        });
        app.UseCors(Policy);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
