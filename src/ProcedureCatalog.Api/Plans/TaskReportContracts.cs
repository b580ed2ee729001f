using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Plans;

/// <summary>none (a row per milestone), agency (counted under each lead agency) or plan.</summary>
public enum TaskReportGroupBy
{
    None,
    Agency,
    Plan,
}

/// <summary>What a task report is about, so that it can be checked by hand.</summary>
/// <param name="Report">overdue, due or done.</param>
/// <param name="AsOf">The date the status is read on: D (overdue), the first day (due), the last day (done).</param>
/// <param name="From">The first day of the period (due, done).</param>
/// <param name="To">The last day of the period (due, done).</param>
/// <param name="Jurisdiction">The jurisdiction whose plans it covers; null for all.</param>
/// <param name="PlanId">The one plan it covers, if one.</param>
/// <param name="Rule">The report's rule in words.</param>
public sealed record TaskReportBasis(string Report, DateOnly AsOf, DateOnly? From, DateOnly? To, string? Jurisdiction, long? PlanId, string Rule);

/// <summary>A milestone of a task report, with its task and plan.</summary>
/// <param name="PlanNumber">e.g. 56/KH-UBND; null when the plan's copy does not show it.</param>
/// <param name="TaskNumber">The plan's number of the task, e.g. 8.1.</param>
/// <param name="LeadAgencies">The task's lead agencies (cơ quan chủ trì).</param>
/// <param name="Label">What the deadline is for, when the task has several.</param>
/// <param name="DueBy">The last day of the deadline; null when ongoing.</param>
/// <param name="Status">Its status on the report's asOf.</param>
/// <param name="StatusOn">The date of the progress entry that gives it (for done, the date done); null before any.</param>
/// <param name="DecisionRef">That entry's evidence: a decision number.</param>
/// <param name="Link">That entry's evidence: a link.</param>
/// <param name="Notes">That entry's notes.</param>
/// <param name="DaysOverdue">In the overdue report: days from dueBy to asOf.</param>
/// <param name="DaysLeft">In the due report: days from asOf to dueBy (0: due that day).</param>
public sealed record TaskMilestoneItem(
    long PlanId, string Jurisdiction, string? PlanNumber, DateOnly? PlanIssuedOn, string PlanTitle,
    long TaskId, string TaskNumber, [property: MultiLineText] string Content, IReadOnlyList<AgencyReference> LeadAgencies,
    long MilestoneId, string? Label, DeadlineKind DeadlineKind, DateOnly? DueOn, int? Year, DateOnly? DueBy,
    ProgressStatus Status, DateOnly? StatusOn, string? DecisionRef, string? Link, [property: MultiLineText] string? Notes, int? DaysOverdue, int? DaysLeft);

/// <summary>A group of a task report: a lead agency (of the catalogue, or as the plan words it) or a plan, and how many of the report's milestones it has.</summary>
/// <param name="AgencyId">The lead agency, when it is one of the catalogue's.</param>
/// <param name="PlanId">The plan, when grouped by plan.</param>
/// <param name="Name">The agency's name, the plan's words, or the plan's number and title.</param>
/// <param name="Milestones">Its milestones in the report.</param>
/// <param name="MilestoneIds">Which they are.</param>
public sealed record TaskReportGroup(long? AgencyId, long? PlanId, string Name, int Milestones, IReadOnlyList<long> MilestoneIds);

/// <summary>A task report: its milestones, and with groupBy their count per lead agency (a milestone with two leads counts under each) or per plan.</summary>
/// <param name="Count">Milestones in the report, each once.</param>
/// <param name="Groups">The groups, most milestones first; empty without groupBy.</param>
/// <param name="Milestones">Every milestone of the report, by plan, then task, then deadline.</param>
public sealed record TaskReport(TaskReportBasis Basis, TaskReportGroupBy GroupBy, int Count, IReadOnlyList<TaskReportGroup> Groups, IReadOnlyList<TaskMilestoneItem> Milestones);

/// <summary>A line of a task report's table: a milestone, under its group when the report is grouped (once per group it is in).</summary>
public sealed record TaskReportLine(TaskReportGroup? Group, TaskMilestoneItem Item);
