using ProcedureCatalog.Api;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Generator;

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
    return 0;
}

if (args is ["keys", ..])
{
    return await ProcedureCatalog.Api.Access.ApiKeyCommand.Run(app.Services, args, Console.Out);
}

if (args is [GeneratorSetup.Command, ..])
{
    return await app.RunGeneratorAsync();
}

app.MapCatalog();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
