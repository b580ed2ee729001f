using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ProcedureCatalog.Tests.Support;

/// <summary>An empty catalogue whose "today" a test can move, to see what a representation that depends on the date does to its ETag.</summary>
public sealed class MovableClockCatalogApiFactory : CatalogApiFactory
{
    public sealed class MovableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public MovableTime Time { get; } = new();

    protected override bool SeedSample => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
