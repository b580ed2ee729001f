using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Plans;

/// <summary>A milestone to write: an existing one of the task (Id) or a new one.</summary>
internal sealed record MilestoneWrite(long? Id, MilestoneValues Values);

/// <summary>A task to write, as a request or an annex row gives it.</summary>
internal sealed record TaskWrite(TaskValues Task, IReadOnlyList<AgencyValue> Lead, IReadOnlyList<AgencyValue> Coordinating, IReadOnlyList<MilestoneWrite> Milestones);

/// <summary>The checks and writes a task goes through, whether it comes from the API or from an annex.</summary>
internal static class PlanTaskWrites
{
    /// <summary>What a request body says of a task, or each field that is wrong with it (400).</summary>
    public static TaskWrite Read(PlanTaskInput input, Errors errors)
    {
        var lead = Agencies(input.LeadAgencies, "leadAgencies", errors);
        var coordinating = Agencies(input.CoordinatingAgencies, "coordinatingAgencies", errors);
        var milestones = new List<MilestoneWrite>();
        var ids = new HashSet<long>();
        foreach (var (milestone, index) in (input.Milestones ?? []).Select((milestone, index) => (milestone, index)))
        {
            var field = $"milestones[{index}]";
            if (milestone is null)
            {
                errors.Add(field, "A milestone is an object: {\"kind\": \"date\", \"dueOn\": \"2025-08-30\"}.");
                continue;
            }

            errors.When(milestone.Id is { } id && !ids.Add(id), $"{field}.id", $"Milestone {milestone.Id} is listed twice.");
            switch (milestone.Kind)
            {
                case DeadlineKind.Date:
                    errors.When(milestone.DueOn is null, $"{field}.dueOn", "dueOn is required for a deadline of kind date.");
                    errors.When(milestone.Year is not null, $"{field}.year", "year goes with kind year; a deadline of kind date has dueOn only.");
                    break;
                case DeadlineKind.Year:
                    errors.When(milestone.Year is null, $"{field}.year", "year is required for a deadline of kind year (due by its 31 December).");
                    errors.When(milestone.DueOn is not null, $"{field}.dueOn", "dueOn goes with kind date; a deadline of kind year has year only.");
                    break;
                case DeadlineKind.Ongoing:
                    errors.When(milestone.DueOn is not null || milestone.Year is not null, $"{field}.kind", "An ongoing task (thường xuyên) has neither dueOn nor year.");
                    break;
            }

            if (milestone.Kind is { } kind)
            {
                milestones.Add(new MilestoneWrite(milestone.Id, new MilestoneValues(Text(milestone.Label), kind, milestone.DueOn, milestone.Year)));
            }
        }

        var task = new TaskValues(input.Number.Trim(), Text(input.Section), input.Content.Trim(), Text(input.ExpectedOutput), Text(input.DeadlineText));
        return new TaskWrite(task, lead, coordinating, milestones);
    }

    private static List<AgencyValue> Agencies(IReadOnlyList<AgencyReference>? references, string field, Errors errors)
    {
        var agencies = new List<AgencyValue>();
        foreach (var (reference, index) in (references ?? []).Select((reference, index) => (reference, index)))
        {
            var name = Text(reference?.Name);
            if (reference is null || (reference.AgencyId is null) == (name is null))
            {
                errors.Add($"{field}[{index}]", "Give agencyId (an agency of the plan's jurisdiction) or name (the plan's own words for a group or an agency the catalogue lacks), one of the two.");
                continue;
            }

            agencies.Add(new AgencyValue(reference.AgencyId, name));
        }

        return agencies;
    }

    /// <summary>A text trimmed, or null when nothing is left.</summary>
    public static string? Text(string? value) => value?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>The agencies of a jurisdiction, with their names.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name)>> AgenciesOf(DbConnection connection, DbTransaction transaction, string jurisdiction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM agencies WHERE jurisdiction_code = @Jurisdiction",
            new { Jurisdiction = new DbString { Value = jurisdiction, Length = 10 } }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>
    /// What the task refers to that does not fit (422): an agency that is not of the plan's jurisdiction, a milestone that is not
    /// the task's, a parent task the plan does not have.
    /// </summary>
    public static async Task<Errors> CheckReferences(
        DbConnection connection, DbTransaction transaction, PlanRow plan, TaskWrite task, IReadOnlyCollection<long> ownMilestones, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var agencies = (await AgenciesOf(connection, transaction, plan.JurisdictionCode, cancellationToken)).Select(agency => agency.Id).ToHashSet();
        foreach (var (list, field) in new[] { (task.Lead, "leadAgencies"), (task.Coordinating, "coordinatingAgencies") })
        {
            foreach (var (agency, index) in list.Select((agency, index) => (agency, index)))
            {
                errors.When(agency.AgencyId is { } id && !agencies.Contains(id), $"{field}[{index}].agencyId",
                    $"Agency {agency.AgencyId} is not an agency of '{plan.JurisdictionCode}', the plan's jurisdiction.");
            }
        }

        foreach (var (milestone, index) in task.Milestones.Select((milestone, index) => (milestone, index)))
        {
            errors.When(milestone.Id is { } id && !ownMilestones.Contains(id), $"milestones[{index}].id",
                ownMilestones.Count == 0 ? "A new task has no milestones yet: leave id out." : $"Milestone {milestone.Id} is not one of this task's.");
        }

        if (PlanTask.ParentOf(task.Task.Number) is { } parent
            && await PlanTaskQueries.IdOfNumber(connection, transaction, plan.Id, parent, cancellationToken) is null)
        {
            errors.Add("number", $"Task {task.Task.Number} stands under task {parent}, which the plan does not have: add {parent} first.");
        }

        return errors;
    }

    /// <summary>Writes the agencies and milestones of a task: milestones kept by id are changed in place, new ones added, those left out removed.</summary>
    public static async Task WriteParts(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long taskId, TaskWrite task, IReadOnlyCollection<long> ownMilestones,
        CancellationToken cancellationToken)
    {
        await PlanTaskQueries.ReplaceAgencies(connection, transaction, taskId, task.Lead, task.Coordinating, cancellationToken);
        var kept = task.Milestones.Where(milestone => milestone.Id is not null).Select(milestone => milestone.Id!.Value).ToHashSet();
        foreach (var removed in ownMilestones.Where(id => !kept.Contains(id)))
        {
            await PlanTaskQueries.DeleteMilestone(connection, transaction, taskId, removed, cancellationToken);
        }

        foreach (var (milestone, index) in task.Milestones.Select((milestone, index) => (milestone, index)))
        {
            if (milestone.Id is { } id)
            {
                await PlanTaskQueries.UpdateMilestone(connection, transaction, taskId, id, index + 1, milestone.Values, cancellationToken);
            }
            else
            {
                await PlanTaskQueries.InsertMilestone(connection, transaction, dialect, taskId, index + 1, milestone.Values, cancellationToken);
            }
        }
    }

    /// <summary>Adds a task with its agencies and milestones and records it in the change feed; returns its id.</summary>
    public static async Task<long> Add(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, PlanRow plan, TaskWrite task, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var id = await PlanTaskQueries.InsertTask(connection, transaction, dialect, plan.Id, task.Task, now, cancellationToken);
        await WriteParts(connection, transaction, dialect, id, task, [], cancellationToken);
        await ChangeLog.Record(connection, transaction, TaskChange(plan, id, "created", 1), actor, now, cancellationToken);
        return id;
    }

    public static ChangeEntry TaskChange(PlanRow plan, long taskId, string action, long? version) =>
        new("plan-task", PlanKeys.Task(plan.Id, taskId), action, Jurisdiction: plan.JurisdictionCode, Version: version);

    /// <summary>What is wrong with a progress entry as sent (400): done needs its evidence, a link is an http(s) address, nothing after today.</summary>
    public static Errors Check(ProgressInput input, DateOnly today)
    {
        var errors = new Errors();
        errors.When(input.On > today, "on", $"on is {input.On:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}): progress is recorded when it has happened.");
        errors.When(input.Status == ProgressStatus.Done && Text(input.DecisionRef) is null && Text(input.Link) is null, "decisionRef",
            "A milestone done needs its evidence: the number of the decision or document that did it (decisionRef), or a link to it.");
        errors.When(Text(input.Link) is { } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"), "link",
            "link must be an absolute http or https address, such as https://thutuc.cantho.gov.vn/van-ban/2310.");
        return errors;
    }
}
