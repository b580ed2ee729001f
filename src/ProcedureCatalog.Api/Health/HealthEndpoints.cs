using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Health;

/// <summary>Ready means the catalogue database answers a query, not merely that the process runs.</summary>
public sealed class DatabaseHealthCheck(CatalogDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using (var connection = await database.OpenAsync(timeout.Token))
            {
                await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM jurisdictions", cancellationToken: timeout.Token));
            }

            // Reports, lists, exports and the feed read the read-only copy when there is one: it must answer too.
            if (database.HasReadOnlyCopy)
            {
                await using var copy = await database.OpenReadAsync(timeout.Token);
                await copy.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM jurisdictions", cancellationToken: timeout.Token));
            }

            return HealthCheckResult.Healthy($"{database.Provider} answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} does not answer.", exception);
        }
    }
}

public static class HealthEndpoints
{
    public static IServiceCollection AddCatalogHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void MapCatalogHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false })
            .WithTags("Health")
            .WithName("Live")
            .WithSummary("Is the process up")
            .WithDescription("200 Healthy while the process serves requests; it checks nothing else.")
            .ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") })
            .WithTags("Health")
            .WithName("Ready")
            .WithSummary("Can the service answer")
            .WithDescription("200 Healthy when the catalogue database answers a query, 503 Unhealthy otherwise.")
            .ExcludeFromDescription();
    }
}
