using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>
/// With <c>ConnectionStrings:CatalogReadOnly</c>, reports, lists, exports and the feed read the copy; writes, the reads that follow
/// them and single resources read the catalogue itself. Two SQLite files stand for a primary and its readable secondary.
/// </summary>
public sealed class ReadOnlyCopyApiTests(ReadOnlyCopyFactory factory) : IClassFixture<ReadOnlyCopyFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsReportsAndTheFeedReadTheCopyWhileWritesAndSingleResourcesUseTheCatalogue()
    {
        factory.Replicate();
        var created = await (await client.PostJson("/api/v1/fields", new FieldInput("Lĩnh vực mới ở bản chính"))).ReadAs<Field>(HttpStatusCode.Created);
        var procedure = await new CatalogBuilder(client).Procedure("92", "1.517001");

        // What follows the write, and single resources: the catalogue itself.
        Assert.Equal(created.Name, (await (await client.Get($"/api/v1/fields/{created.Id}")).ReadAs<Field>(HttpStatusCode.OK)).Name);
        Assert.Equal(procedure.Id, (await (await client.Get("/api/v1/jurisdictions/92/procedures/1.517001")).ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Id);

        // Lists, the feed, reports and the export: the copy, which has not caught up yet.
        Assert.DoesNotContain(created.Id, (await (await client.Get("/api/v1/fields")).ReadAs<List<Field>>(HttpStatusCode.OK)).Select(field => field.Id));
        Assert.DoesNotContain((await (await client.Get("/api/v1/changes?limit=1000")).ReadAs<ChangePage>(HttpStatusCode.OK)).Items, change => change.ProcedureId == procedure.Id);
        Assert.Equal(0, (await (await client.Get("/api/v1/procedures?q=1.517001")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK)).TotalCount);
        Assert.DoesNotContain("1.517001", await (await client.Get("/api/v1/jurisdictions/92/export?format=csv")).Content.ReadAsStringAsync(Cancel));
        await (await client.Get($"/api/v1/procedures/{procedure.Id}/reduction")).Problem(HttpStatusCode.NotFound);

        factory.Replicate();

        Assert.Contains(created.Id, (await (await client.Get("/api/v1/fields")).ReadAs<List<Field>>(HttpStatusCode.OK)).Select(field => field.Id));
        Assert.Contains((await (await client.Get("/api/v1/changes?limit=1000")).ReadAs<ChangePage>(HttpStatusCode.OK)).Items, change => change.ProcedureId == procedure.Id);
        Assert.Equal(1, (await (await client.Get("/api/v1/procedures?q=1.517001")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK)).TotalCount);
        Assert.Equal(HttpStatusCode.OK, (await client.Get($"/api/v1/procedures/{procedure.Id}/reduction")).StatusCode);
    }

    [Fact]
    public async Task NothingIsEverWrittenThroughTheCopy()
    {
        factory.Replicate();
        var database = factory.Services.GetRequiredService<CatalogDatabase>();
        Assert.True(database.HasReadOnlyCopy);
        await using var connection = await database.OpenReadAsync(Cancel);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM fields"));

        Assert.Equal(8, refused.SqliteErrorCode); // SQLITE_READONLY
    }

    [Fact]
    public void WithoutACopyEveryReadGoesToTheCatalogueAndOnSqlServerTheCopyIsAskedForReadOnly()
    {
        var alone = new CatalogDatabase(Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={factory.DatabasePath}" }), new ConfigurationBuilder().Build());
        Assert.False(alone.HasReadOnlyCopy);
        Assert.Equal(alone.ConnectionString, alone.ReadConnectionString);

        var sqlServer = new CatalogDatabase(
            Options.Create(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=primary;Database=catalog;Integrated Security=true" }),
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:CatalogReadOnly"] = "Server=listener;Database=catalog;Integrated Security=true",
            }).Build());
        Assert.True(sqlServer.HasReadOnlyCopy);
        Assert.Contains("Application Intent=ReadOnly", sqlServer.ReadConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("ReadOnly", sqlServer.ConnectionString, StringComparison.Ordinal);
    }
}
