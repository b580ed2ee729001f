using System.Net;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>A request over the service's time limit is answered 503 as documented, and changes nothing.</summary>
public sealed class TimeLimitTests(OneSecondLimitFactory factory) : IClassFixture<OneSecondLimitFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteThatWaitsPastTheTimeLimitIsAnswered503AndChangesNothing()
    {
        // Another writer holds the database for three seconds: the request waits for it past its one second.
        await using var blocker = new SqliteConnection(factory.ConnectionString);
        await blocker.OpenAsync(Cancel);
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var response = await client.PostJson("/api/v1/fields", new FieldInput("Lĩnh vực chờ"));
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var problem = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {problem}");
        Assert.Contains("took too long", problem, StringComparison.Ordinal);
        var fields = await (await client.Get("/api/v1/fields")).Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Lĩnh vực chờ", fields, StringComparison.Ordinal);
    }
}
