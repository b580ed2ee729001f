namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>The trend and the monthly, quarterly and yearly reports: their services and routes.</summary>
public static class PeriodReportSetup
{
    public static IServiceCollection AddPeriodReports(this IServiceCollection services) => services
        .AddSingleton<ChartFonts>()
        .AddSingleton<TrendChart>();

    public static void MapPeriodReports(this RouteGroupBuilder api)
    {
        api.MapTrend();
        api.MapPeriodicReports();
    }
}
