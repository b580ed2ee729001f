using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

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

    /// <summary>
    /// Reports and exports computed at once; the rest wait in a queue. 0 means the processor count: each keeps a core busy,
    /// and beyond that they would only take turns while cheap reads and health checks wait behind them.
    /// </summary>
    [Range(0, 1000)]
    public int HeavyConcurrency { get; set; }

    /// <summary>Reports and exports that may wait for a turn; beyond it they are answered 503 with Retry-After.</summary>
    [Range(0, 10_000)]
    public int HeavyQueue { get; set; } = 32;

    public int EffectiveHeavyConcurrency => HeavyConcurrency > 0 ? HeavyConcurrency : Environment.ProcessorCount;
}

/// <summary>
/// Reverse proxies whose X-Forwarded-For is believed, bound from <c>ForwardedHeaders</c>. Behind a proxy every client has the
/// proxy's address and would share one rate-limit bucket; with its address here, each client is counted by its own.
/// Empty (the default): the headers are ignored, so that no client can claim another's address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. 10.0.0.5 or ::1.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, e.g. 10.0.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>Rate limiting (429 with Retry-After), body limits (413) and request timeouts (503), all answered as problems.</summary>
public static class Limits
{
    /// <summary>Marks an endpoint that takes large uploads (bulk import): it gets the import limit instead of the JSON one.</summary>
    public sealed record LargeBody;

    /// <summary>Marks an endpoint that computes over the catalogue (a report, an export): it takes a turn among the heavy requests.</summary>
    public sealed record HeavyRequest;

    public static IServiceCollection AddCatalogLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HeavyRequests>();
        services.AddSingleton<Database.WriterTurns>();
        AddForwardedHeaders(services, configuration);
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
            WriteTimeoutResponse = context =>
            {
                // The request's token is the one the time limit cancelled: the answer is written without it, or it fails as a 500.
                context.RequestAborted = CancellationToken.None;
                return TimedOut().ExecuteAsync(context);
            },
        });
        return services;
    }

    /// <summary>The answer to a request that the service's time limit cancelled.</summary>
    public static ProblemHttpResult TimedOut() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The request took too long",
        detail: "It was cancelled after the service's time limit and changed nothing. Narrow the query (filters, a smaller page) or try again later.");

    private static void AddForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(proxies => proxies.KnownProxies.All(address => System.Net.IPAddress.TryParse(address, out _))
                && proxies.KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _)),
                "ForwardedHeaders:KnownProxies must be IP addresses and ForwardedHeaders:KnownNetworks CIDR networks such as 10.0.0.0/24.")
            .ValidateOnStart();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in settings.KnownProxies)
            {
                if (System.Net.IPAddress.TryParse(address, out var parsed))
                {
                    options.KnownProxies.Add(parsed);
                }
            }

            foreach (var network in settings.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    options.KnownIPNetworks.Add(parsed);
                }
            }
        });
    }

    /// <summary>Forwarded headers first (only from the configured proxies), so that every later step sees the client's own address.</summary>
    public static WebApplication UseCatalogForwardedHeaders(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (settings.KnownProxies.Length + settings.KnownNetworks.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>
    /// After the time limit: heavy requests take turns, and once an answer has started the limit no longer applies, so that
    /// a streamed answer (a CSV report, an export) is never cut off in its middle; the limit bounds the wait for an answer.
    /// </summary>
    public static WebApplication UseCatalogRequestLimits(this WebApplication app)
    {
        app.Use(static async (context, next) =>
        {
            if (context.Features.Get<IHttpRequestTimeoutFeature>() is { } timeout)
            {
                context.Response.OnStarting(() =>
                {
                    timeout.DisableTimeout();
                    return Task.CompletedTask;
                });
            }

            try
            {
                var endpoint = context.GetEndpoint();
                if (endpoint?.Metadata.GetMetadata<HeavyRequest>() is not null)
                {
                    await context.RequestServices.GetRequiredService<HeavyRequests>().Run(context, next);
                    return;
                }

                // A write takes its turn among the writers (on SQLite); an upload does not hold a turn while its body arrives.
                if (endpoint is not null && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                    && endpoint.Metadata.GetMetadata<LargeBody>() is null)
                {
                    using var turn = await context.RequestServices.GetRequiredService<Database.WriterTurns>().Take(context.RequestAborted);
                    await next(context);
                    return;
                }

                await next(context);
            }
            catch (Exception exception) when (context.RequestAborted.IsCancellationRequested && exception is not OperationCanceledException)
            {
                // A database driver reports a cancelled command its own way (SQLite: "interrupted"); said as the cancellation
                // it is, the time limit answers 503 (or, when the client left, nobody is answered).
                throw new OperationCanceledException("The request was cancelled.", exception, context.RequestAborted);
            }
        });
        return app;
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

/// <summary>
/// Reports and exports share <see cref="LimitsOptions.EffectiveHeavyConcurrency"/> turns, with a queue that waits without holding a
/// thread; beyond the queue, 503 with Retry-After. Cheap reads and health never wait for a turn, so that fifty report requests
/// of one client cannot make a by-code read or a health check slow.
/// </summary>
public sealed class HeavyRequests(IOptions<LimitsOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.EffectiveHeavyConcurrency,
        QueueLimit = options.Value.HeavyQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task Run(HttpContext context, RequestDelegate next)
    {
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, context.RequestAborted);
        }
        catch (OperationCanceledException) when (!context.Response.HasStarted)
        {
            // The time limit (or the client) gave up while it waited: the timeout middleware answers it.
            throw;
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                context.Response.Headers.RetryAfter = "5";
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The service is busy with reports",
                    detail: "As many reports and exports as the service computes at once are running, and as many again are waiting. Try again in a few seconds (Retry-After).")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        }
    }

    public void Dispose() => limiter.Dispose();
}
