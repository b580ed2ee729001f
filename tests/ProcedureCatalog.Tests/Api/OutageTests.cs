using System.Net;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>The database going away and coming back, on its own SQLite file.</summary>
public sealed class OutageTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    [Fact]
    public async Task WhileTheDatabaseIsGoneRequestsGet503AndTheServiceRecoversByItself()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/health/ready")).StatusCode);
        var moved = factory.DatabasePath + ".away";
        SqliteConnection.ClearAllPools();
        File.Move(factory.DatabasePath, moved);
        try
        {
            var read = await client.Get("/api/v1/procedures");
            await read.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(5), read.Headers.RetryAfter?.Delta);
            await (await client.PostJson("/api/v1/fields", new ProcedureCatalog.Api.Fields.FieldInput("Trong lúc mất kết nối"))).Problem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Get("/health/ready")).StatusCode);
            Assert.False(File.Exists(factory.DatabasePath), "a request must not create an empty database in its place");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Move(moved, factory.DatabasePath);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.Get("/health/ready")).StatusCode);
        var page = await (await client.Get("/api/v1/procedures")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal(0, page.TotalCount);
    }
}
