using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// The periodic report made from the reports that already exist: the scoreboard at the report day of every month
/// since the baseline (<see cref="Trends"/>, whose last point is the report's own scoreboard and whose point at the
/// previous report date is the previous report's), the laggards (<see cref="LaggardQueries"/>) and what moved in the
/// period (<see cref="PeriodReportQueries"/>). Nothing depends on today but the refusal of a period not yet reported.
/// </summary>
internal static class PeriodReports
{
    /// <summary>The laggards listed per measure (the lowest reductions first); the report says how many there are in all.</summary>
    public const int LaggardsListed = 20;

    public static async Task<(PeriodReport? Report, ProblemHttpResult? Problem)> Build(
        CatalogDatabase database, DbConnection connection, JurisdictionRow jurisdiction, ReportPeriod period, string program, CatalogClock clock,
        CancellationToken cancellationToken)
    {
        var (resolved, problem) = await ReportEndpoints.Resolve(connection, new ReportRequest(program, period.To, period.To.Year), clock, needsTargets: true, cancellationToken);
        if (resolved is null)
        {
            return (null, problem);
        }

        if (await ReportEndpoints.TariffProblem(connection, database.Dialect, ReportEndpoints.ScoreboardScope(jurisdiction.Code), resolved.Dates, cancellationToken) is { } noTariff)
        {
            return (null, noTariff);
        }

        // The report tells how the jurisdiction's plan is carried out: without a plan there is none to make.
        var plans = await PlanQueries.List(connection, jurisdiction.Code, program, cancellationToken);
        if (plans.Count == 0)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No plan of the jurisdiction",
                detail: $"Jurisdiction {jurisdiction.Code} has no plan of program '{program}': its {EnumText.Of(period.Kind)}ly report follows the tasks of its plan. "
                    + "Record the plan with POST /api/v1/plans and its tasks (or import its annex) first."));
        }

        var baseline = resolved.Basis.BaselineDate;
        var dates = ReportCalendar.Steps(baseline, period.To, TrendStep.Month, period.ReportDay).ToList();
        var (points, missing) = await Trends.Boards(database, connection, program, jurisdiction.Code, dates, clock, cancellationToken);
        if (points is null)
        {
            return (null, missing);
        }

        var board = points.Count > 0 && points[^1].Basis.AsOf == period.To ? points[^1] : await ReportEndpoints.Board(database, jurisdiction.Code, resolved, cancellationToken);
        var previous = points.FirstOrDefault(point => point.Basis.AsOf == period.PreviousReportDate);

        var scope = ReportEndpoints.ScoreboardScope(jurisdiction.Code);
        var laggards = new List<LaggardReport>();
        foreach (var measure in new[] { ReductionMeasure.Time, ReductionMeasure.Cost })
        {
            var (rows, total) = await LaggardQueries.Laggards(connection, database.Dialect, measure, scope, resolved.Dates, 1, LaggardsListed, cancellationToken);
            var items = rows.Select(row => ReportMappings.ToContract(row, measure)).ToList();
            var target = resolved.Targets.FirstOrDefault(t => t.Indicator == EnumText.Of(ReportQueries.IndicatorOf(measure)));
            laggards.Add(new LaggardReport(resolved.Basis, measure, ReportScope.Target, (target?.TargetHundredths ?? 0) / 100m,
                Paging.Of(items, 1, LaggardsListed, total)));
        }

        var cuts = new List<ProcedureCut>();
        foreach (var measure in new[] { ReductionMeasure.Time, ReductionMeasure.Cost })
        {
            var rows = await PeriodReportQueries.Cuts(connection, database.Dialect, measure, jurisdiction.Code, resolved.Dates, period.PreviousReportDate, cancellationToken);
            cuts.AddRange(rows.Select(row => PeriodReportMappings.ToContract(row, measure)));
        }

        var abolished = await PeriodReportQueries.Abolished(connection, jurisdiction.Code, period.PreviousReportDate, period.To, cancellationToken);
        async Task<PeriodAttributeMoves> Moves(PeriodMove online, PeriodMove fullOnline, PeriodMove boundaryFree)
        {
            async Task<IReadOnlyList<MoveRow>> Rows(PeriodMove move) =>
                await PeriodReportQueries.Moves(connection, database.Dialect, move, jurisdiction.Code, period.PreviousReportDate, period.To, cancellationToken);
            return new PeriodAttributeMoves(
                (await Rows(online)).Select(PeriodReportMappings.ToOnline).ToList(),
                (await Rows(fullOnline)).Select(PeriodReportMappings.ToOnline).ToList(),
                (await Rows(boundaryFree)).Select(PeriodReportMappings.ToBoundaryFree).ToList());
        }

        var newly = await Moves(PeriodMove.NewlyOnline, PeriodMove.NewlyFullOnline, PeriodMove.NewlyBoundaryFree);
        var noLonger = await Moves(PeriodMove.NoLongerOnline, PeriodMove.NoLongerFullOnline, PeriodMove.NoLongerBoundaryFree);
        var tasks = await Tasks(connection, jurisdiction.Code, period, cancellationToken);
        var report = new PeriodReport(
            period,
            new ReportJurisdiction(jurisdiction.Code, jurisdiction.Name),
            plans.Select(PlanMappings.ToContract).ToList(),
            board,
            previous,
            PeriodReportMappings.Changes(board, previous),
            cuts.OrderBy(cut => cut.Code, StringComparer.Ordinal).ThenBy(cut => cut.ProcedureId).ThenBy(cut => cut.Measure).ToList(),
            abolished.Select(PeriodReportMappings.ToContract).ToList(),
            newly,
            noLonger,
            new PeriodLaggards(laggards[0], laggards[1]),
            tasks,
            points.Select(ReductionPoint.Of).ToList());
        return (report, null);
    }

    /// <summary>The milestones of the jurisdiction's plans done in the period, overdue on its report date, and due until the next report date, by the task reports.</summary>
    private static async Task<PeriodTasks> Tasks(DbConnection connection, string jurisdiction, ReportPeriod period, CancellationToken cancellationToken)
    {
        var scope = new TaskScope(jurisdiction);
        TaskReport Report(string kind, DateOnly asOf, DateOnly? from, DateOnly? to, string rule, IReadOnlyList<TaskMilestoneItem> items) =>
            new(new TaskReportBasis(kind, asOf, from, to, jurisdiction, null, rule), TaskReportGroupBy.None, items.Count, [], items);
        return new PeriodTasks(
            Report("done", period.To, period.From, period.To, "Done on the report date, and the done entry is dated in the period.",
                await TaskReports.DoneBetween(connection, scope, period.From, period.To, cancellationToken)),
            Report("overdue", period.To, null, null, "Not done on the report date, and the deadline is before it.",
                await TaskReports.OverdueOn(connection, scope, period.To, cancellationToken)),
            Report("due", period.To, period.To, period.NextReportDate, "Not done on the report date, and the deadline is one of the days from the report date to the next report date.",
                await TaskReports.DueBetween(connection, scope, period.To, period.NextReportDate, cancellationToken)));
    }
}
