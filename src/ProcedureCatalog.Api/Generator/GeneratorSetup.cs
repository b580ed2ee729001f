using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Generator;

/// <summary>
/// How big a synthetic catalogue to generate, from which seed, into which database. Bound from the
/// <c>Generator</c> section, which the <c>generate</c> command fills from its own switches.
/// </summary>
public sealed class GeneratorOptions
{
    public const string Section = "Generator";

    [Range(1, 10_000_000)]
    public int Procedures { get; set; } = 61_000;

    public int Seed { get; set; } = 66;

    /// <summary>A SQLite file path or a full connection string; replaces the configured catalogue database.</summary>
    public string? Database { get; set; }

    /// <summary>A bare path means a SQLite file; anything with '=' is already a connection string.</summary>
    public static string ConnectionStringOf(string database) =>
        database.Contains('=', StringComparison.Ordinal) ? database : $"Data Source={database}";
}

/// <summary>
/// The <c>generate</c> command: <c>generate --procedures 61000 --seed 66 [--database path-or-connection-string]</c>
/// migrates the database, fills it with a synthetic national catalogue and prints progress.
/// </summary>
public static class GeneratorSetup
{
    public const string Command = "generate";

    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--procedures"] = $"{GeneratorOptions.Section}:{nameof(GeneratorOptions.Procedures)}",
        ["--seed"] = $"{GeneratorOptions.Section}:{nameof(GeneratorOptions.Seed)}",
        ["--database"] = $"{GeneratorOptions.Section}:{nameof(GeneratorOptions.Database)}",
    };

    public static WebApplicationBuilder AddGenerator(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args.Skip(1).ToArray(), Switches);
        builder.Services.AddOptions<GeneratorOptions>()
            .BindConfiguration(GeneratorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Registered after the catalogue's own, so --database wins over the configured connection string.
        builder.Services.AddOptions<DatabaseOptions>()
            .PostConfigure<Microsoft.Extensions.Options.IOptions<GeneratorOptions>>((database, generator) =>
            {
                if (generator.Value.Database is { Length: > 0 } target)
                {
                    database.ConnectionString = GeneratorOptions.ConnectionStringOf(target);
                }
            });
        builder.Services.AddSingleton<CatalogGenerator>();
        return builder;
    }

    public static async Task<int> RunGeneratorAsync(this WebApplication app)
    {
        var summary = await app.Services.GetRequiredService<CatalogGenerator>().GenerateAsync(Console.Out, app.Lifetime.ApplicationStopping);
        Console.WriteLine(
            $"Generated {summary.Procedures:N0} procedures, {summary.Documents:N0} documents, {summary.TimeEntries:N0} time and "
            + $"{summary.CostEntries:N0} cost entries in {summary.Jurisdictions} jurisdictions ({summary.Agencies:N0} agencies, "
            + $"{summary.Fields} fields) in {summary.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
