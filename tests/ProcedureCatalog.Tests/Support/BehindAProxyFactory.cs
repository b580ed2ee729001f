using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// Every request arrives from 10.0.0.5, a reverse proxy the configuration knows, with three reads a minute per client:
/// the client is the one X-Forwarded-For names.
/// </summary>
public sealed class BehindAProxyFactory : CatalogApiFactory
{
    public const string ProxyAddress = "10.0.0.5";

    protected override bool SeedSample => false;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies:0"] = ProxyAddress,
        ["Limits:ReadsPerMinute"] = 3.ToString(CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromProxy>());
    }

    /// <summary>The test server has no sockets: the proxy's address is set as a real connection from it would have it.</summary>
    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(ProxyAddress);
                return following(context);
            });
            next(app);
        };
    }
}
