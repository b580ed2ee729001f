using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.Plans;

/// <summary>What every task report is asked for besides its dates.</summary>
public class TaskReportQuery
{
    /// <summary>Only the plans of this jurisdiction (VN or a province code).</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Only this plan.</summary>
    public string? PlanId { get; init; }

    /// <summary>none (default: a row per milestone), agency (counted under each lead agency) or plan.</summary>
    [EnumValues(typeof(TaskReportGroupBy))]
    public string? GroupBy { get; init; }
}

/// <summary>The query string of the overdue report.</summary>
public sealed class OverdueTaskQuery : TaskReportQuery
{
    /// <summary>The date D (YYYY-MM-DD): milestones not done on D whose deadline is before D; default today.</summary>
    public string? AsOf { get; init; }
}

/// <summary>The query string of the report of what falls due.</summary>
public sealed class DueTaskQuery : TaskReportQuery
{
    /// <summary>The first day D (YYYY-MM-DD); default today.</summary>
    public string? AsOf { get; init; }

    /// <summary>How many days from D, D included: 1 to 366 (default 30). Milestones not done on D due on one of those days.</summary>
    public string? Days { get; init; }
}

/// <summary>The query string of the report of what was done.</summary>
public sealed class DoneTaskQuery : TaskReportQuery
{
    /// <summary>The first day of the period (YYYY-MM-DD); required.</summary>
    public string? From { get; init; }

    /// <summary>The last day of the period (YYYY-MM-DD); default today. Milestones done on it whose done entry is dated within the period.</summary>
    public string? To { get; init; }
}

public static class TaskReportEndpoints
{
    private const string Formats = " Send Accept: text/csv for the same rows as CSV for Excel (UTF-8 with BOM, Vietnamese headers), or the XLSX media type for a "
        + "workbook; grouped, a milestone is a row under each of its groups. jurisdiction or planId narrow it to their plans (404 for one that does not exist).";

    private const string StatusRule = " The status on a date is that of the milestone's latest progress entry dated on or before it (not-started before any).";

    public static void MapTaskReports(this RouteGroupBuilder api)
    {
        // Under /reports/, so that they take their turn among the heavy requests like every report.
        var reports = api.MapGroup("/reports/tasks").WithTags("Reports");

        reports.MapGet("/overdue", Overdue)
            .WithName("GetOverdueTasks")
            .WithSummary("Milestones of plans' tasks overdue on a date")
            .WithDescription("The milestones not done on asOf (default today) whose deadline (dueBy: the date, or 31 December of a year) is before it, with "
                + "their task, plan, lead agencies and the days since the deadline; groupBy agency or plan counts them per lead agency or per plan. Ongoing "
                + "tasks (thường xuyên) are never overdue." + StatusRule + Formats)
            .WithExamples(response: PlanExamples.OverdueReport)
            .WithCsvExample(TaskReports.Columns(PlanExamples.OverdueReport), TaskReports.Lines(PlanExamples.OverdueReport))
            .TaskReportProblems();

        reports.MapGet("/due", Due)
            .WithName("GetTasksDue")
            .WithSummary("Milestones of plans' tasks due in the next days")
            .WithDescription("The milestones not done on asOf (default today) whose deadline is one of the days from asOf to asOf + days − 1 (days default 30), "
                + "with the days left." + StatusRule + Formats)
            .WithExamples(response: PlanExamples.DueReport)
            .WithCsvExample(TaskReports.Columns(PlanExamples.DueReport), TaskReports.Lines(PlanExamples.DueReport))
            .TaskReportProblems();

        reports.MapGet("/done", Done)
            .WithName("GetTasksDone")
            .WithSummary("Milestones of plans' tasks done in a period")
            .WithDescription("The milestones done on to (default today) whose done entry is dated from from to to, with its evidence (decision number or link). "
                + "A milestone reopened after the period still counts as done in it: the report of a period reads the same later." + StatusRule + Formats)
            .WithExamples(response: PlanExamples.DoneReport)
            .WithCsvExample(TaskReports.Columns(PlanExamples.DoneReport), TaskReports.Lines(PlanExamples.DoneReport))
            .TaskReportProblems();
    }

    private static RouteHandlerBuilder TaskReportProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static Task<Results<Ok<TaskReport>, CsvTable<TaskReportLine>, XlsxTable<TaskReportLine>, ValidationProblem, ProblemHttpResult>> Overdue(
        [AsParameters] OverdueTaskQuery query, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var on = ReportText.Date(query.AsOf, "asOf", errors) ?? request.Clock.Today;
        return Answer(query, request, errors, new TaskReportBasis("overdue", on, null, null, null, null,
                "Not done on asOf, and the deadline (dueBy) is before asOf."),
            (connection, scope) => TaskReports.OverdueOn(connection, scope, on, request.Cancellation));
    }

    private static Task<Results<Ok<TaskReport>, CsvTable<TaskReportLine>, XlsxTable<TaskReportLine>, ValidationProblem, ProblemHttpResult>> Due(
        [AsParameters] DueTaskQuery query, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var from = ReportText.Date(query.AsOf, "asOf", errors) ?? request.Clock.Today;
        var days = 30;
        errors.When(query.Days is not null && (!int.TryParse(query.Days, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > 366),
            "days", "days must be a whole number from 1 to 366.");
        var to = from.AddDays(Math.Clamp(days, 1, 366) - 1);
        return Answer(query, request, errors, new TaskReportBasis("due", from, from, to, null, null,
                "Not done on asOf (the first day), and the deadline (dueBy) is one of the days from from to to."),
            (connection, scope) => TaskReports.DueBetween(connection, scope, from, to, request.Cancellation));
    }

    private static Task<Results<Ok<TaskReport>, CsvTable<TaskReportLine>, XlsxTable<TaskReportLine>, ValidationProblem, ProblemHttpResult>> Done(
        [AsParameters] DoneTaskQuery query, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var from = ReportText.Date(query.From, "from", errors);
        errors.When(query.From is null, "from", "from is required: the first day of the period, YYYY-MM-DD.");
        var to = ReportText.Date(query.To, "to", errors) ?? request.Clock.Today;
        errors.When(from > to, "from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        var first = from ?? to;
        return Answer(query, request, errors, new TaskReportBasis("done", to, first, to, null, null,
                "Done on to (the last day), and the done entry is dated from from to to."),
            (connection, scope) => TaskReports.DoneBetween(connection, scope, first, to, request.Cancellation));
    }

    /// <summary>The scope checked (400, then 404 for a jurisdiction or plan that does not exist), the report read, and answered as the client asked.</summary>
    private static async Task<Results<Ok<TaskReport>, CsvTable<TaskReportLine>, XlsxTable<TaskReportLine>, ValidationProblem, ProblemHttpResult>> Answer(
        TaskReportQuery query, CatalogRequest request, Errors errors, TaskReportBasis basis,
        Func<DbConnection, TaskScope, Task<IReadOnlyList<TaskMilestoneItem>>> read)
    {
        Jurisdictions.Jurisdiction.Check(query.Jurisdiction, errors);
        var planId = ProcedureFilterQuery.ParseId(query.PlanId, "planId", errors);

        var groupBy = ProcedureFilterQuery.ParseEnum<TaskReportGroupBy>(query.GroupBy, "groupBy", errors) ?? TaskReportGroupBy.None;
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await request.OpenAsync();
        if (query.Jurisdiction is { } jurisdiction && await Jurisdictions.JurisdictionQueries.Find(connection, jurisdiction, request.Cancellation) is null)
        {
            return Problems.NotFound("Jurisdiction", jurisdiction);
        }

        if (planId is { } plan && await PlanQueries.Find(connection, plan, request.Cancellation) is null)
        {
            return Problems.NotFound("Plan", plan);
        }

        var items = await read(connection, new TaskScope(query.Jurisdiction, planId));
        var report = new TaskReport(basis with { Jurisdiction = query.Jurisdiction, PlanId = planId }, groupBy, items.Count, TaskReports.Groups(groupBy, items), items);
        var name = $"tasks-{basis.Report}-{query.Jurisdiction ?? "all"}-{basis.AsOf:yyyy-MM-dd}";
        return MediaNegotiation.Table(request.Http.Request) switch
        {
            TableFormat.Csv => new CsvTable<TaskReportLine>(name + ".csv", TaskReports.Columns(report), TaskReports.Lines(report)),
            TableFormat.Xlsx => new XlsxTable<TaskReportLine>(name + ".xlsx", TaskReports.Columns(report), TaskReports.Lines(report)),
            _ => TypedResults.Ok(report),
        };
    }
}
