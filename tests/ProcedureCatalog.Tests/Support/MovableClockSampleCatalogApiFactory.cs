using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ProcedureCatalog.Tests.Support;

/// <summary>The sample catalogue on a "today" a test can move: a report asked again a month later must not change.</summary>
public sealed class MovableClockSampleCatalogApiFactory : CatalogApiFactory
{
    /// <summary>Starts the day after Cần Thơ's November 2026 report day (22 November 2026, in Vietnam).</summary>
    public MovableClockCatalogApiFactory.MovableTime Time { get; } = new() { Now = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
