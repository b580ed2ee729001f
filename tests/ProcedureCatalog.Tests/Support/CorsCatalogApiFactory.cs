namespace ProcedureCatalog.Tests.Support;

/// <summary>The service with CORS opened to one origin by configuration.</summary>
public sealed class CorsCatalogApiFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cors:AllowedOrigins:0", "https://motcua.cantho.gov.vn");
    }
}
