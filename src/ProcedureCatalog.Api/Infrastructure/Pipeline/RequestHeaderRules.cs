using Microsoft.Net.Http.Headers;

namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

/// <summary>
/// Headers whose meaning the service would otherwise have to guess, refused before anything reads them:
/// a JSON body in another charset than UTF-8 (415; the framework would transcode some and fail on others with a 500),
/// an entity tag that is not quoted (400; compared as written, "2" unquoted would only ever answer 412 "changed by
/// someone else", which is not what happened), and more than one API key (400; taking the first would act as
/// whichever key a proxy happened to put first).
/// </summary>
public static class RequestHeaderRules
{
    public static IApplicationBuilder UseRequestHeaderRules(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The API's rules; Swagger UI's files and the health probes keep the framework's own handling.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && Problem(context.Request) is { } problem)
        {
            await problem.ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    internal static IResult? Problem(HttpRequest request)
    {
        if (UnsupportedCharset(request) is { } charset)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body's charset is not supported",
                detail: $"JSON bodies are read as UTF-8 only; the Content-Type names the charset '{charset}'. Send the body in UTF-8 (charset=utf-8, or no charset).");
        }

        var errors = new Errors();
        foreach (var header in new[] { HeaderNames.IfMatch, HeaderNames.IfNoneMatch })
        {
            errors.When(!Concurrency.IsWellFormed(request.Headers[header]), header,
                $"{header} must list entity tags as the service sends them, quoted (\"…\" or W/\"…\") and separated by commas, or be *.");
        }

        var keys = request.Headers[Access.ApiKeys.Header];
        errors.When(keys.Count > 1 || keys.Any(key => key?.Contains(',', StringComparison.Ordinal) == true), Access.ApiKeys.Header,
            $"Send exactly one API key in one {Access.ApiKeys.Header} header; this request carries more than one.");
        return errors.Any ? Problems.Invalid(errors.ToDictionary()) : null;
    }

    /// <summary>The charset a JSON body names when it is not UTF-8; null for UTF-8, no charset, or a body that is not JSON.</summary>
    private static string? UnsupportedCharset(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return null;
        }

        var mediaType = type.MediaType.Value ?? string.Empty;
        var isJson = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var charset = HeaderUtilities.RemoveQuotes(type.Charset).Value;
        if (!isJson || string.IsNullOrEmpty(charset))
        {
            return null;
        }

        if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            // UTF-8 is what JSON is anyway (RFC 8259); the framework cannot read a quoted charset="UTF-8", so it goes.
            type.Charset = default;
            request.ContentType = type.ToString();
            return null;
        }

        return charset;
    }
}
