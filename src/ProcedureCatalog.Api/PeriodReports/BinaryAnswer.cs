using Microsoft.Net.Http.Headers;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>An answer that is a file made whole in memory (a chart, a Word document, a workbook), under its file name.</summary>
public sealed class BinaryAnswer(string fileName, string mediaType, byte[] content, bool inline = false) : IResult
{
    public string MediaType => mediaType;

    public byte[] Content => content;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = mediaType;
        httpContext.Response.ContentLength = content.Length;
        httpContext.Response.Headers.ContentDisposition =
            new ContentDispositionHeaderValue(inline ? "inline" : "attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        await httpContext.Response.Body.WriteAsync(content, httpContext.RequestAborted);
    }
}

/// <summary>The operation also answers a binary media type (chosen by Accept), described in the OpenAPI document as a binary string.</summary>
public sealed record BinaryContent(string MediaType, string Description);

public static class BinaryContentMetadata
{
    public static RouteHandlerBuilder WithBinaryContent(this RouteHandlerBuilder builder, string mediaType, string description) =>
        builder.WithMetadata(new BinaryContent(mediaType, description));
}
