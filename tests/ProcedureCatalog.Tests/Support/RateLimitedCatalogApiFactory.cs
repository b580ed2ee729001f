using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Support;

/// <summary>The service with tiny rate limits, to see 429.</summary>
public sealed class RateLimitedCatalogApiFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Limits:WritesPerMinute", "3");
        builder.UseSetting("Limits:ReadsPerMinute", "5");
    }
}
