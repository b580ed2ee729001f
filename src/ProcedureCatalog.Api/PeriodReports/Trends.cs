using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// The scoreboard at each date of a series, by the scoreboard's own machinery (<see cref="ReportEndpoints.Board"/>):
/// each point is what GET /reports/scoreboard answers for that jurisdiction and asOf, with the targets of the
/// date's year. The views hold windows of dates per procedure, so each date is one read of them.
/// </summary>
internal static class Trends
{
    /// <summary>A trend has at most this many points (five years of months); more is a 400.</summary>
    public const int MaxPoints = 60;

    /// <summary>
    /// The scoreboards at the dates, or the problem of the first date whose year has no targets (404, as the
    /// scoreboard answers it) or whose jurisdictions lack a tariff (422), before anything is computed.
    /// </summary>
    public static async Task<(IReadOnlyList<Scoreboard>? Points, ProblemHttpResult? Problem)> Boards(
        CatalogDatabase database, DbConnection connection, string program, string? jurisdiction, IReadOnlyList<DateOnly> dates, CatalogClock clock,
        CancellationToken cancellationToken)
    {
        var resolved = new List<ReportEndpoints.Resolved>(dates.Count);
        foreach (var date in dates)
        {
            var (point, problem) = await ReportEndpoints.Resolve(connection, new ReportRequest(program, date, date.Year), clock, needsTargets: true, cancellationToken);
            if (point is null)
            {
                return (null, problem);
            }

            resolved.Add(point);
        }

        // The tariffs are those of the program's baseline year, the same at every date: checked once.
        if (resolved.Count > 0
            && await ReportEndpoints.TariffProblem(connection, database.Dialect, ReportEndpoints.ScoreboardScope(jurisdiction), resolved[0].Dates, cancellationToken) is { } missing)
        {
            return (null, missing);
        }

        var points = new List<Scoreboard>(resolved.Count);
        foreach (var point in resolved)
        {
            points.Add(await ReportEndpoints.Board(database, jurisdiction, point, cancellationToken));
        }

        return (points, null);
    }
}
