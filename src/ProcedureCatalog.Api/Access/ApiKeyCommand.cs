using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Access;

/// <summary>
/// <c>keys create --name N --role editor|admin [--jurisdictions 92,11]</c>, <c>keys list</c>, <c>keys revoke --name N</c>.
/// The secret is printed once, at creation; only its hash is stored.
/// </summary>
public static class ApiKeyCommand
{
    public static Task<int> Run(IServiceProvider services, string[] args, TextWriter output) =>
        Run(services, services.GetRequiredService<IConfiguration>(), args, output);

    /// <param name="options">--name, --role and --jurisdictions, as the command-line configuration provider reads them.</param>
    public static async Task<int> Run(IServiceProvider services, IConfiguration options, string[] args, TextWriter output)
    {
        var database = services.GetRequiredService<CatalogDatabase>();
        var clock = services.GetRequiredService<CatalogClock>();
        services.GetRequiredService<CatalogMigrator>().Migrate();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        switch (args.ElementAtOrDefault(1))
        {
            case "create":
                var name = options["name"];
                if (string.IsNullOrWhiteSpace(name) || !EnumText<ApiKeyRole>.TryParse(options["role"], out var role))
                {
                    return Usage(output, "create needs --name and --role editor|admin.");
                }

                var jurisdictions = (options["jurisdictions"] ?? string.Empty)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
                if (role == ApiKeyRole.Editor && jurisdictions.Count == 0)
                {
                    return Usage(output, "an editor key needs --jurisdictions, e.g. --jurisdictions 92,11.");
                }

                foreach (var code in jurisdictions)
                {
                    if (await JurisdictionQueries.Find(connection, code, CancellationToken.None) is null)
                    {
                        return Usage(output, $"there is no jurisdiction '{code}'.");
                    }
                }

                var (key, prefix, hash) = ApiKeys.Generate();
                await using (var transaction = await connection.BeginTransactionAsync())
                {
                    await ApiKeys.Insert(connection, transaction, database.Dialect, name.Trim(), role, prefix, hash, jurisdictions, clock.UtcNow, CancellationToken.None);
                    await transaction.CommitAsync();
                }

                await output.WriteLineAsync($"Created {EnumText.Of(role)} key '{name.Trim()}'{(jurisdictions.Count > 0 ? $" for {string.Join(", ", jurisdictions)}" : string.Empty)}.");
                await output.WriteLineAsync("Send it in the X-Api-Key header. It is shown only now; keep it secret:");
                await output.WriteLineAsync(key);
                return 0;
            case "revoke":
                var revoked = await ApiKeys.Revoke(connection, options["name"] ?? string.Empty, clock.UtcNow, CancellationToken.None);
                await output.WriteLineAsync(revoked == 1 ? "Revoked." : "No active key has that name.");
                return revoked == 1 ? 0 : 1;
            case "list":
                foreach (var listing in await ApiKeys.List(connection, CancellationToken.None))
                {
                    await output.WriteLineAsync($"{listing.Name}\t{listing.Role}\tpck_{listing.KeyPrefix}_…\t{listing.Jurisdictions}\t{(listing.RevokedAt is null ? "active" : "revoked")}");
                }

                return 0;
            default:
                return Usage(output, "use keys create, keys list or keys revoke.");
        }
    }

    private static int Usage(TextWriter output, string problem)
    {
        output.WriteLine($"keys: {problem}");
        output.WriteLine("usage: keys create --name <name> --role editor|admin [--jurisdictions 92,11] | keys list | keys revoke --name <name>");
        return 2;
    }
}
