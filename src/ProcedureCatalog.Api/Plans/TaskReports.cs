using System.Data.Common;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Plans;

/// <summary>
/// The task reports as figures, for the endpoints and for whatever report gathers them (the monthly report): the milestones
/// overdue on a date, due in a period, done in a period, each with its task, plan and lead agencies, and their count by lead
/// agency or by plan.
/// </summary>
internal static class TaskReports
{
    /// <summary>Milestones not done on <paramref name="on"/> whose deadline is before it, with the days since the deadline.</summary>
    public static async Task<IReadOnlyList<TaskMilestoneItem>> OverdueOn(DbConnection connection, TaskScope scope, DateOnly on, CancellationToken cancellationToken) =>
        Items(await TaskReportQueries.OverdueOn(connection, scope, on, cancellationToken), await TaskReportQueries.LeadAgencies(connection, scope, cancellationToken),
            row => row.DueBy is { } due ? on.DayNumber - due.DayNumber : null, _ => null);

    /// <summary>Milestones not done on <paramref name="from"/> due on one of the days from <paramref name="from"/> to <paramref name="to"/>, with the days left.</summary>
    public static async Task<IReadOnlyList<TaskMilestoneItem>> DueBetween(DbConnection connection, TaskScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Items(await TaskReportQueries.DueBetween(connection, scope, from, to, cancellationToken), await TaskReportQueries.LeadAgencies(connection, scope, cancellationToken),
            _ => null, row => row.DueBy is { } due ? due.DayNumber - from.DayNumber : null);

    /// <summary>Milestones done on <paramref name="to"/> whose done entry is dated from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<TaskMilestoneItem>> DoneBetween(DbConnection connection, TaskScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Items(await TaskReportQueries.DoneBetween(connection, scope, from, to, cancellationToken), await TaskReportQueries.LeadAgencies(connection, scope, cancellationToken),
            _ => null, _ => null);

    /// <summary>The milestones counted under each lead agency (a milestone led by two counts under each), most first, then by name.</summary>
    public static IReadOnlyList<TaskReportGroup> ByLeadAgency(IReadOnlyList<TaskMilestoneItem> items) =>
        items.SelectMany(item => (item.LeadAgencies.Count == 0 ? [new AgencyReference(null, NoLead)] : item.LeadAgencies).Select(lead => (Lead: lead, Item: item)))
            .GroupBy(entry => (entry.Lead.AgencyId, Name: entry.Lead.AgencyId is null ? entry.Lead.Name : null))
            .Select(group => Group(group.First().Lead.AgencyId, null, group.First().Lead.Name ?? NoLead, group.Select(entry => entry.Item)))
            .OrderByDescending(group => group.Milestones).ThenBy(group => group.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The milestones counted per plan, most first, then by plan id.</summary>
    public static IReadOnlyList<TaskReportGroup> ByPlan(IReadOnlyList<TaskMilestoneItem> items) =>
        items.GroupBy(item => item.PlanId)
            .Select(group => Group(null, group.Key, PlanName(group.First()), group))
            .OrderByDescending(group => group.Milestones).ThenBy(group => group.PlanId)
            .ToList();

    public static IReadOnlyList<TaskReportGroup> Groups(TaskReportGroupBy groupBy, IReadOnlyList<TaskMilestoneItem> items) => groupBy switch
    {
        TaskReportGroupBy.Agency => ByLeadAgency(items),
        TaskReportGroupBy.Plan => ByPlan(items),
        _ => [],
    };

    /// <summary>The lines of the report's table: each milestone once, or under each of its groups.</summary>
    public static IReadOnlyList<TaskReportLine> Lines(TaskReport report)
    {
        if (report.GroupBy == TaskReportGroupBy.None)
        {
            return report.Milestones.Select(item => new TaskReportLine(null, item)).ToList();
        }

        var byId = report.Milestones.ToDictionary(item => item.MilestoneId);
        return report.Groups.SelectMany(group => group.MilestoneIds.Select(id => new TaskReportLine(group, byId[id]))).ToList();
    }

    /// <summary>The group's name of a milestone whose task names no lead agency.</summary>
    public const string NoLead = "(không có cơ quan chủ trì)";

    public static string PlanName(TaskMilestoneItem item) => item.PlanNumber is { } number ? $"{number}: {item.PlanTitle}" : item.PlanTitle;

    private static TaskReportGroup Group(long? agencyId, long? planId, string name, IEnumerable<TaskMilestoneItem> items)
    {
        var ids = items.Select(item => item.MilestoneId).Distinct().ToList();
        return new TaskReportGroup(agencyId, planId, name, ids.Count, ids);
    }

    private static List<TaskMilestoneItem> Items(
        IReadOnlyList<MilestoneStatusRow> rows, IReadOnlyList<TaskAgencyRow> leads, Func<MilestoneStatusRow, int?> daysOverdue, Func<MilestoneStatusRow, int?> daysLeft)
    {
        var byTask = leads.ToLookup(lead => lead.TaskId);
        return rows
            .OrderBy(row => row.PlanId).ThenBy(row => row.TaskNumber, PlanTask.NumberOrder).ThenBy(row => row.Position)
            .Select(row => new TaskMilestoneItem(
                row.PlanId, row.JurisdictionCode, row.PlanNumber, row.PlanIssuedOn, row.PlanTitle, row.TaskId, row.TaskNumber, row.Content,
                byTask[row.TaskId].OrderBy(lead => lead.Position).Select(PlanMappings.ToContract).ToList(),
                row.Id, row.Label, EnumText<DeadlineKind>.Parse(row.DeadlineKind), row.DueOn, row.DueYear, row.DueBy,
                EnumText<ProgressStatus>.Parse(row.Status), row.StatusOn, row.DecisionRef, row.Link, row.Notes, daysOverdue(row), daysLeft(row)))
            .ToList();
    }

    /// <summary>How the report's table says a status, in Vietnamese.</summary>
    public static string StatusText(ProgressStatus status) => status switch
    {
        ProgressStatus.Done => "hoàn thành",
        ProgressStatus.InProgress => "đang thực hiện",
        _ => "chưa thực hiện",
    };

    /// <summary>How the report's table says a kind of deadline, in Vietnamese.</summary>
    public static string KindText(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Date => "ngày",
        DeadlineKind.Year => "trong năm",
        _ => "thường xuyên",
    };

    /// <summary>The columns of the CSV and XLSX answers, with the headers of the plans' own tables where they have one.</summary>
    public static IReadOnlyList<CsvColumn<TaskReportLine>> Columns(TaskReport report) =>
    [
        new("Ngày số liệu", _ => report.Basis.AsOf),
        new("Từ ngày", _ => report.Basis.From),
        new("Đến ngày", _ => report.Basis.To),
        new("Nhóm", line => line.Group?.Name),
        new("Đơn vị hành chính", line => line.Item.Jurisdiction),
        new("Kế hoạch", line => PlanName(line.Item)),
        new(AnnexColumns.Number, line => line.Item.TaskNumber),
        new(AnnexColumns.Content, line => line.Item.Content),
        new(AnnexColumns.Lead, line => string.Join("; ", line.Item.LeadAgencies.Select(lead => lead.Name))),
        new("Mốc", line => line.Item.Label),
        new("Loại thời hạn", line => KindText(line.Item.DeadlineKind)),
        new("Hạn hoàn thành", line => line.Item.DueBy),
        new("Trạng thái", line => StatusText(line.Item.Status)),
        new("Ngày cập nhật trạng thái", line => line.Item.StatusOn),
        new("Số ngày quá hạn", line => line.Item.DaysOverdue),
        new("Số ngày còn lại", line => line.Item.DaysLeft),
        new("Số văn bản", line => line.Item.DecisionRef),
        new("Liên kết", line => line.Item.Link),
        new("Ghi chú", line => line.Item.Notes),
    ];
}
