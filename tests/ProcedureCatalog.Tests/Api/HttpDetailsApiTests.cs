using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>The details of HTTP a client from outside can get wrong: charsets, entity tags, repeated headers and keys, cursors.</summary>
public sealed class HttpDetailsApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostWithContentType(string url, string json, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return client.PostAsync(url, content, Cancel);
    }

    [Theory]
    [InlineData("application/json; charset=foo")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task AJsonBodyInAnotherCharsetThanUtf8IsUnsupportedMediaType(string contentType)
    {
        var response = await PostWithContentType("/api/v1/fields", """{"name":"Lĩnh vực mã lạ"}""", contentType);
        await response.Problem(HttpStatusCode.UnsupportedMediaType);
        Assert.DoesNotContain((await (await client.Get("/api/v1/fields")).ReadAs<List<Field>>(HttpStatusCode.OK)), field => field.Name == "Lĩnh vực mã lạ");
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json")]
    public async Task AJsonBodyInUtf8IsAccepted(string contentType)
    {
        var name = $"Lĩnh vực {Guid.NewGuid():N}";
        var response = await PostWithContentType("/api/v1/fields", $$"""{"name":"{{name}}"}""", contentType);
        Assert.Equal(name, (await response.ReadAs<Field>(HttpStatusCode.Created)).Name);
    }

    [Theory]
    [InlineData("If-Match", "2")]
    [InlineData("If-Match", "\"2")]
    [InlineData("If-Match", "W/2")]
    [InlineData("If-None-Match", "2")]
    public async Task AnUnquotedEntityTagIsABadRequestNamingTheHeader(string header, string value)
    {
        var field = await (await client.PostJson("/api/v1/fields", new FieldInput($"Lĩnh vực {Guid.NewGuid():N}"))).ReadAs<Field>(HttpStatusCode.Created);
        using var request = new HttpRequestMessage(header == "If-Match" ? HttpMethod.Put : HttpMethod.Get, $"/api/v1/fields/{field.Id}");
        if (header == "If-Match")
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(new FieldInput($"Đổi tên {Guid.NewGuid():N}"), options: CatalogApiFactory.Json);
        }

        request.Headers.TryAddWithoutValidation(header, value);
        var errors = await (await client.SendAsync(request, Cancel)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("quoted", Assert.Single(errors[header]), StringComparison.Ordinal);
        Assert.Equal(field.Name, (await (await client.Get($"/api/v1/fields/{field.Id}")).ReadAs<Field>(HttpStatusCode.OK)).Name);
    }

    [Fact]
    public async Task TwoApiKeysInOneRequestAreABadRequestRatherThanTheFirstTaken()
    {
        var editor = factory.CreateKey($"twice-{Guid.NewGuid():N}", ProcedureCatalog.Api.Access.ApiKeyRole.Admin);
        foreach (var send in new Action<HttpRequestHeaders>[]
                 {
                     headers => { headers.TryAddWithoutValidation("X-Api-Key", editor); headers.TryAddWithoutValidation("X-Api-Key", "pck_0000000000_other"); },
                     headers => headers.TryAddWithoutValidation("X-Api-Key", $"{editor}, pck_0000000000_other"),
                 })
        {
            using var unkeyed = factory.ClientWithKey(null);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/fields")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new FieldInput($"Lĩnh vực {Guid.NewGuid():N}"), options: CatalogApiFactory.Json),
            };
            send(request.Headers);
            var errors = await (await unkeyed.SendAsync(request, Cancel)).Problem(HttpStatusCode.BadRequest);
            Assert.Contains("one", Assert.Single(errors["X-Api-Key"]), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"effectiveFrom":"2025-01-01","amount":1,"amount":99999,"unit":"working-days","decisionRef":"1/QĐ"}""", "amount")]
    [InlineData("""{"effectiveFrom":"2025-01-01","AMOUNT":99999,"amount":1,"unit":"working-days","decisionRef":"1/QĐ"}""", "AMOUNT")]
    [InlineData("""{"effectiveFrom":"2025-01-01","Amount":99999,"unit":"working-days","decisionRef":"1/QĐ"}""", "Amount")]
    public async Task DuplicateOrDifferentlyCasedMembersAreRefusedNamingTheMember(string json, string member)
    {
        var procedure = await Build.Procedure("11", $"1.{Random.Shared.Next(100000, 999999)}");
        var response = await client.PostRaw($"/api/v1/procedures/{procedure.Id}/time-history", json);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.True(body.Contains($"'{member}'", StringComparison.Ordinal), body);
        Assert.DoesNotContain("ProcedureCatalog.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACursorAheadOfTheFeedIsABadRequestRatherThanAnEmptyPage()
    {
        await Build.Field($"Lĩnh vực {Guid.NewGuid():N}");
        var page = await (await client.Get("/api/v1/changes?limit=1000")).ReadAs<ChangePage>(HttpStatusCode.OK);
        var latest = page.Items[^1].Position;
        Assert.Empty((await (await client.Get($"/api/v1/changes?after={page.NextCursor}")).ReadAs<ChangePage>(HttpStatusCode.OK)).Items);

        var ahead = ChangeEndpoints.Cursor.Of(latest + 1000);
        var errors = await (await client.Get($"/api/v1/changes?after={ahead}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("ahead", Assert.Single(errors["after"]), StringComparison.Ordinal);
    }
}
