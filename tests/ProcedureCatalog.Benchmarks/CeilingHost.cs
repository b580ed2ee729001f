using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ProcedureCatalog.Benchmarks;

/// <summary>
/// The framework ceiling: a bare minimal API that answers the procedure-by-code route with a body it holds
/// in memory (the JSON the real service returned for one procedure). Throughput of the real endpoint over
/// this one says how much of the time is the catalogue's own work. It lives here, never in the product.
/// </summary>
public static class CeilingHost
{
    public static async Task Run(string bodyFile, string urls)
    {
        var body = await File.ReadAllBytesAsync(bodyFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        app.MapGet("/api/v1/jurisdictions/{jurisdiction}/procedures/{code}", (string jurisdiction, string code) =>
            Results.Bytes(body, "application/json; charset=utf-8"));
        app.MapGet("/health/ready", () => Results.Ok());
        await app.RunAsync();
    }
}
