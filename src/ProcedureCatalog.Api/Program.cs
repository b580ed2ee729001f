using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Generator;
using ProcedureCatalog.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCatalog();
if (args is [GeneratorSetup.Command, ..])
{
    builder.AddGenerator(args);
}

var app = builder.Build();

if (args is ["migrate", ..])
{
    var applied = app.Services.GetRequiredService<CatalogMigrator>().Migrate();
    Console.WriteLine($"Database migrated: {applied.Count} new migration(s), views re-created.");
    return;
}

if (args is [GeneratorSetup.Command, ..])
{
    Environment.ExitCode = await app.RunGeneratorAsync();
    return;
}

app.MapCatalog();
await app.PrepareDatabaseAsync();
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
