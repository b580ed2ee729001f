using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Caching;

/// <summary>What a read that follows the change feed is: a list (or the feed), a report, or a single procedure.</summary>
internal enum FeedReadKind
{
    /// <summary>ETag from the feed position and the request; 304 without reading; read from the read-only copy when there is one.</summary>
    List,

    /// <summary>As a list, and the answer is kept in the response cache.</summary>
    Report,

    /// <summary>A procedure: its own ETag (version and digest, see Concurrency) and its answer kept; read from the catalogue itself.</summary>
    Procedure,
}

/// <summary>Endpoint metadata: this GET follows the change feed (see <see cref="ConditionalReads"/>).</summary>
internal sealed record FeedRead(FeedReadKind Kind);

/// <summary>
/// Reads that cost nothing while the catalogue does not change. Every change through the service records its place in the
/// change feed in its own transaction, so a list or a report is a function of the feed position, the request and the build:
/// <list type="bullet">
/// <item>The ETag of a list or report is derived from the position (read from the database on every request, by every
/// instance) and the request: the path, every query parameter, the Accept header (the representation), the date when asOf
/// is not given (the effective date moves with today in Vietnam), the caller's key and the build. If-None-Match with it is
/// answered 304 before the endpoint runs: no report is computed and no turn among the heavy requests is taken.</item>
/// <item>Reports and single procedures are kept in a <see cref="ResponseCache"/> by request and position: asked again at
/// the same position, the kept answer is sent.</item>
/// </list>
/// A change made behind the service's back (SQL by hand, the generate command) records no change and is not seen.
/// </summary>
public static class ConditionalReads
{
    private static readonly FrozenDictionary<string, FeedReadKind> Operations = new Dictionary<string, FeedReadKind>(StringComparer.Ordinal)
    {
        ["ListJurisdictions"] = FeedReadKind.List,
        ["ListAgencies"] = FeedReadKind.List,
        ["ListFields"] = FeedReadKind.List,
        ["ListProcedures"] = FeedReadKind.List,
        ["ListDocuments"] = FeedReadKind.List,
        ["ListTimeHistory"] = FeedReadKind.List,
        ["ListCostHistory"] = FeedReadKind.List,
        ["ListAttributeHistory"] = FeedReadKind.List,
        ["ListProvidedOnceHistory"] = FeedReadKind.List,
        ["ListReviews"] = FeedReadKind.List,
        ["ListPrograms"] = FeedReadKind.List,
        ["ListTariffs"] = FeedReadKind.List,
        ["ListChanges"] = FeedReadKind.List,
        ["GetProcedureAudit"] = FeedReadKind.List,
        ["ExportCatalogue"] = FeedReadKind.List,
        ["ListChannelTimeHistory"] = FeedReadKind.List,
        ["ListChannelFeeHistory"] = FeedReadKind.List,
        ["ListReportingRegimes"] = FeedReadKind.List,
        ["ListElectronicHistory"] = FeedReadKind.List,
        ["ExportReportingRegimes"] = FeedReadKind.List,
        ["ListPlans"] = FeedReadKind.List,
        ["ListPlanTasks"] = FeedReadKind.List,
        ["ListMilestoneProgress"] = FeedReadKind.List,
        ["GetGroupReductions"] = FeedReadKind.Report,
        ["GetScoreboard"] = FeedReadKind.Report,
        ["GetLaggards"] = FeedReadKind.Report,
        ["GetProcedureReduction"] = FeedReadKind.Report,
        ["GetTrend"] = FeedReadKind.Report,
        ["GetMonthlyReport"] = FeedReadKind.Report,
        ["GetQuarterlyReport"] = FeedReadKind.Report,
        ["GetYearlyReport"] = FeedReadKind.Report,
        ["GetLocalVsNational"] = FeedReadKind.Report,
        ["GetOverdueTasks"] = FeedReadKind.Report,
        ["GetTasksDue"] = FeedReadKind.Report,
        ["GetTasksDone"] = FeedReadKind.Report,
        ["GetProcedure"] = FeedReadKind.Procedure,
        ["GetProcedureByCode"] = FeedReadKind.Procedure,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The representation also depends on these request headers.</summary>
    public const string Vary = "Accept, " + Access.ApiKeys.Header;

    // A new build may compute other figures from the same catalogue: its ETags are its own.
    private static readonly string Build = typeof(ConditionalReads).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static IServiceCollection AddConditionalReads(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ResponseCache>();
        return services;
    }

    /// <summary>Marks the operations that follow the feed; lists and reports also document their ETag and 304 (<see cref="SetsETag"/>).</summary>
    public static void Convention(EndpointBuilder builder)
    {
        if (builder.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName is { } name && Operations.TryGetValue(name, out var kind))
        {
            builder.Metadata.Add(new FeedRead(kind));
            if (kind != FeedReadKind.Procedure)
            {
                builder.Metadata.Add(new SetsETag());
            }
        }
    }

    /// <summary>After the limits and the time limit, before the heavy requests' turns: a 304 or a kept answer waits for no turn.</summary>
    public static WebApplication UseConditionalReads(this WebApplication app)
    {
        app.Use(Answer);
        return app;
    }

    private static async Task Answer(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<FeedRead>() is not { } read || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        var database = services.GetRequiredService<CatalogDatabase>();
        var cache = services.GetRequiredService<ResponseCache>();
        long position;
        // The position of the database the endpoint reads: a procedure the catalogue itself, the rest the read-only copy.
        await using (var connection = read.Kind == FeedReadKind.Procedure
            ? await database.OpenAsync(context.RequestAborted)
            : await database.OpenReadAsync(context.RequestAborted))
        {
            position = await FeedPosition.Read(connection, database.Dialect, context.RequestAborted);
        }

        var key = RequestKey(context, services.GetRequiredService<CatalogClock>());
        // Cache-Control: no-cache asks for the answer computed again (RFC 9111, 5.2.1.4); it is kept again for the requests after it.
        var again = CacheControlHeaderValue.TryParse(context.Request.Headers.CacheControl.ToString(), out var asked) && asked.NoCache;
        if (read.Kind == FeedReadKind.Procedure)
        {
            if (!again && cache.Find(key, position) is { } kept)
            {
                await Send(context, kept);
                return;
            }

            await KeepAnswer(context, next, cache, key, position);
            return;
        }

        var etag = ETagOf(key, position);
        var maxAge = services.GetRequiredService<IOptions<CachingOptions>>().Value.ReportMaxAgeSeconds;
        var cacheControl = read.Kind == FeedReadKind.Report && maxAge > 0 ? string.Create(CultureInfo.InvariantCulture, $"max-age={maxAge}") : "no-cache";
        if (Concurrency.ClientHasCurrent(context.Request, etag))
        {
            NotModified(context, etag, cacheControl);
            return;
        }

        if (read.Kind == FeedReadKind.Report && !again && cache.Find(key, position) is { } hit)
        {
            await Send(context, hit);
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                var headers = context.Response.Headers;
                headers.ETag = etag;
                headers.CacheControl = cacheControl;
                headers.Vary = Vary;
            }

            return Task.CompletedTask;
        });
        if (read.Kind == FeedReadKind.Report)
        {
            await KeepAnswer(context, next, cache, key, position);
        }
        else
        {
            await next(context);
        }
    }

    /// <summary>
    /// Everything the answer depends on besides the catalogue: the build, the path, every query parameter (in name order, each
    /// part length-prefixed so that no two requests read alike), Accept, today when asOf is not given, and the caller's key.
    /// </summary>
    internal static string RequestKey(HttpContext context, CatalogClock clock)
    {
        var request = context.Request;
        var key = new StringBuilder(256).Append(Build);
        void Part(string? text) => key.Append('|').Append(text?.Length ?? -1).Append(':').Append(text);
        Part(request.Path.Value);
        foreach (var (name, values) in request.Query.OrderBy(parameter => parameter.Key, StringComparer.Ordinal))
        {
            Part(name);
            foreach (var value in values)
            {
                Part(value);
            }
        }

        Part(request.Headers.Accept.ToString());
        Part(request.Query.ContainsKey("asOf") ? null : clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Part(context.User.FindFirst(Access.ApiKeyAuthentication.KeyIdClaim)?.Value);
        return key.ToString();
    }

    /// <summary>A weak ETag (the bytes of a workbook may differ for the same figures): the position, then 64 bits of SHA-256 of the request.</summary>
    internal static string ETagOf(string requestKey, long position) => string.Create(CultureInfo.InvariantCulture,
        $"W/\"{position}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(requestKey)).AsSpan(0, 8))}\"");

    private static void NotModified(HttpContext context, string? etag, string? cacheControl)
    {
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = cacheControl;
    }

    private static async Task Send(HttpContext context, CachedAnswer answer)
    {
        if (Concurrency.ClientHasCurrent(context.Request, answer.ETag))
        {
            NotModified(context, answer.ETag, answer.CacheControl);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        var headers = response.Headers;
        headers.ETag = answer.ETag;
        headers.CacheControl = answer.CacheControl;
        headers.Vary = answer.Vary;
        headers.ContentDisposition = answer.ContentDisposition;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>Runs the endpoint with its body copied as it is sent; a whole 200 answer small enough is kept.</summary>
    private static async Task KeepAnswer(HttpContext context, RequestDelegate next, ResponseCache cache, string key, long position)
    {
        if (!cache.Enabled)
        {
            await next(context);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var copy = new CopyingStream(original.Stream, context.RequestServices.GetRequiredService<IOptions<CachingOptions>>().Value.MaxEntryBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(copy, original));
        try
        {
            await next(context);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && copy.Whole is { } body && !context.RequestAborted.IsCancellationRequested)
        {
            var headers = response.Headers;
            cache.Keep(key, position, new CachedAnswer(headers.ETag.ToString(), response.ContentType, NullIfEmpty(headers.ContentDisposition),
                NullIfEmpty(headers.CacheControl), NullIfEmpty(headers.Vary), body));
        }
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values.ToString();

    /// <summary>Passes every write on and keeps a copy of the first <c>limit</c> bytes; past them the copy is dropped.</summary>
    private sealed class CopyingStream(Stream inner, long limit) : Stream
    {
        private MemoryStream? copy = new();

        /// <summary>The whole body, or null when it was larger than the limit.</summary>
        public byte[]? Whole => copy?.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Copy(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Copy(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Copy(ReadOnlySpan<byte> bytes)
        {
            if (copy is null)
            {
                return;
            }

            if (copy.Length + bytes.Length > limit)
            {
                copy = null;
                return;
            }

            copy.Write(bytes);
        }
    }
}
