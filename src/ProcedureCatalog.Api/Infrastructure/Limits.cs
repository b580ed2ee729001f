using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>What one client may ask of the service. Bound from the <c>Limits</c> section and validated on start.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Reads per minute from one client address.</summary>
    [Range(1, 1_000_000)]
    public int ReadsPerMinute { get; set; } = 1200;

    /// <summary>Writes per minute by one API key (or client address without a key).</summary>
    [Range(1, 1_000_000)]
    public int WritesPerMinute { get; set; } = 300;

    /// <summary>Largest JSON request body.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest bulk import file.</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxImportBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>A request still running after this long is cancelled and answered 503.</summary>
    [Range(1, 3600)]
    public int RequestTimeoutSeconds { get; set; } = 30;
}

/// <summary>Rate limiting (429 with Retry-After), body limits (413) and request timeouts (503), all answered as problems.</summary>
public static class Limits
{
    /// <summary>Marks an endpoint that takes large uploads (bulk import): it gets the import limit instead of the JSON one.</summary>
    public sealed record LargeBody;

    public static IServiceCollection AddCatalogLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejected;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        });
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitsOptions>>((timeouts, limits) => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(limits.Value.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The request took too long",
                detail: "It was cancelled after the service's time limit and changed nothing. Narrow the query (filters, a smaller page) or try again later.")
                .ExecuteAsync(context),
        });
        return services;
    }

    /// <summary>Body limits come first; rate limits after authentication, so that writes are counted per real key, not per claimed one.</summary>
    public static WebApplication UseCatalogBodyLimits(this WebApplication app)
    {
        app.Use(LimitBody);
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<LimitsOptions>>().CurrentValue;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var write = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        var key = context.User.FindFirst(Access.ApiKeyAuthentication.KeyIdClaim)?.Value;
        return write
            ? RateLimitPartition.GetFixedWindowLimiter($"write:{key ?? address}", _ => Window(limits.WritesPerMinute))
            : RateLimitPartition.GetFixedWindowLimiter($"read:{address}", _ => Window(limits.ReadsPerMinute));
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This client has used its share of requests for now; try again in {seconds} s (Retry-After).")
            .ExecuteAsync(rejected.HttpContext);
    }

    /// <summary>
    /// A declared body over the limit is refused at once (413) without reading it; Kestrel enforces the same
    /// limit on bodies sent without a length.
    /// </summary>
    private static async Task LimitBody(HttpContext context, RequestDelegate next)
    {
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<LimitsOptions>>().CurrentValue;
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<LargeBody>() is null ? limits.MaxJsonBodyBytes : limits.MaxImportBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            // The body is not read, so the connection cannot carry another request: say so, or a client that reuses it loses its next one.
            context.Response.Headers.Connection = "close";
            await TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request body is too large",
                detail: $"This operation takes at most {limit:N0} bytes; the request declares {context.Request.ContentLength:N0}.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
