using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureCatalog.Tests.Support;

public static class HttpAssertions
{
    public static async Task<T> ReadAs<T>(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, CatalogApiFactory.Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns its field errors (empty when it has none).</summary>
    public static async Task<Dictionary<string, string[]>> Problem(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal((int)expected, document.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("title").GetString()));
        return document.RootElement.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>()!
            : [];
    }

    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, CatalogApiFactory.Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJson<T>(this HttpClient client, string url, T body, string? ifMatch = null) =>
        client.Send(HttpMethod.Put, url, JsonContent.Create(body, options: CatalogApiFactory.Json), ifMatch);

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string url, string? ifMatch) =>
        client.Send(HttpMethod.Delete, url, null, ifMatch);

    private static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, HttpContent? content, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The ETag of a version, as the service sends it and If-Match expects it.</summary>
    public static string Tag(long version) => $"\"{version}\"";

    /// <summary>The If-Match of a procedure or document: its id, then its version (the ETag read may add a digest of the body).</summary>
    public static string Tag(long id, long version) => $"\"{id}-{version}\"";

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) =>
        client.GetAsync(url, TestContext.Current.CancellationToken);
}
