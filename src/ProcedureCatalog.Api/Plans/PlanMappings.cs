using System.Data.Common;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Plans;

/// <summary>From the rows of a plan's tables to the API's plans and tasks; only shapes change here.</summary>
internal static class PlanMappings
{
    public static Plan ToContract(PlanRow row) => new(
        row.Id, row.JurisdictionCode, row.ProgramCode, row.Number, row.IssuedOn, row.Issuer, row.Title,
        Utc(row.CreatedAt), Utc(row.UpdatedAt), row.Version);

    public static ProgressEntry ToContract(ProgressRow row) => new(
        row.Id, row.MilestoneId, row.ProgressOn, EnumText<ProgressStatus>.Parse(row.Status), row.DecisionRef, row.Link, row.Notes, row.RecordedBy, Utc(row.RecordedAt));

    public static AgencyReference ToContract(TaskAgencyRow row) => new(row.AgencyId, row.Name);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>
    /// The tasks of a plan (or the one task) as the API gives them: agencies, milestones with their status on
    /// <paramref name="on"/> and their whole progress, ordered by the plan's numbering.
    /// </summary>
    public static async Task<IReadOnlyList<PlanTask>> ReadTasks(
        DbConnection connection, long planId, long? taskId, DateOnly on, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var tasks = await PlanTaskQueries.Tasks(connection, planId, taskId, cancellationToken, transaction);
        var agencies = (await PlanTaskQueries.Agencies(connection, planId, taskId, cancellationToken, transaction)).ToLookup(row => row.TaskId);
        var milestones = (await PlanTaskQueries.Milestones(connection, planId, taskId, on, cancellationToken, transaction)).ToLookup(row => row.TaskId);
        var progress = (await PlanTaskQueries.Progress(connection, planId, taskId, cancellationToken, transaction)).ToLookup(row => row.MilestoneId);
        return tasks
            .Select(task => ToContract(task, agencies[task.Id], milestones[task.Id], progress))
            .OrderBy(task => task.Number, PlanTask.NumberOrder)
            .ToList();
    }

    private static PlanTask ToContract(PlanTaskRow row, IEnumerable<TaskAgencyRow> agencies, IEnumerable<MilestoneRow> milestones, ILookup<long, ProgressRow> progress)
    {
        var byRole = agencies.ToLookup(agency => agency.Role);
        return new PlanTask(
            row.Id, row.PlanId, row.Number, PlanTask.ParentOf(row.Number), row.Section, row.Content,
            byRole["lead"].OrderBy(agency => agency.Position).Select(ToContract).ToList(),
            byRole["coordinating"].OrderBy(agency => agency.Position).Select(ToContract).ToList(),
            row.DeadlineText,
            milestones.OrderBy(milestone => milestone.Position).Select(milestone => ToContract(milestone, progress[milestone.Id])).ToList(),
            row.ExpectedOutput, Utc(row.CreatedAt), Utc(row.UpdatedAt), row.Version);
    }

    private static Milestone ToContract(MilestoneRow row, IEnumerable<ProgressRow> progress) => new(
        row.Id, row.Label, EnumText<DeadlineKind>.Parse(row.DeadlineKind), row.DueOn, row.DueYear, row.DueBy,
        EnumText<ProgressStatus>.Parse(row.Status), row.StatusOn, progress.Select(ToContract).ToList());
}
