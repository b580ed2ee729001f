using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCatalog();
var app = builder.Build();

if (args is ["migrate", ..])
{
    var applied = app.Services.GetRequiredService<CatalogMigrator>().Migrate();
    Console.WriteLine($"Database migrated: {applied.Count} new migration(s), views re-created.");
    return;
}

app.MapCatalog();
await app.PrepareDatabaseAsync();
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
