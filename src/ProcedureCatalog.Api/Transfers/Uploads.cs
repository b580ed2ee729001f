namespace ProcedureCatalog.Api.Transfers;

/// <summary>An uploaded file written to disk as it arrives, bounded, and never left half-written.</summary>
internal static class Uploads
{
    /// <summary>
    /// Writes the request body to a new file at <paramref name="path"/>, at most <paramref name="limit"/> bytes (Kestrel stops a body
    /// without a length at the same limit; counting here too keeps the rule whatever the server). Each chunk is first offered to
    /// <paramref name="admit"/>, which may refuse it: the copy stops and its refusal is the answer. On any failure (the client gone,
    /// the body over the limit, a refusal, an empty body) the file is deleted, so only complete uploads stay on disk.
    /// </summary>
    /// <returns>The bytes written, and the refusal: 413 beyond the limit, 400 for an empty body, or what <paramref name="admit"/> answered.</returns>
    public static async Task<(long Bytes, IResult? Refusal)> Receive(
        HttpContext context, string path, long limit, Func<int, IResult?> admit, CancellationToken cancellationToken)
    {
        long received = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.WriteThrough))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (received + read > limit)
                    {
                        throw new BadHttpRequestException("The body is over the limit.", StatusCodes.Status413PayloadTooLarge);
                    }

                    if (admit(read) is { } refusal)
                    {
                        File.Delete(path);
                        return (received, refusal);
                    }

                    received += read;
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (received == 0)
            {
                File.Delete(path);
                return (0, Infrastructure.Problems.Invalid("body", "The file is empty."));
            }

            return (received, null);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            File.Delete(path);
            context.Response.Headers.Connection = "close";
            return (received, TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request body is too large",
                detail: $"This operation takes at most {limit:N0} bytes; nothing of the upload was kept."));
        }
        catch
        {
            // The client went away or the body broke off: nothing of it stays.
            File.Delete(path);
            throw;
        }
    }
}
