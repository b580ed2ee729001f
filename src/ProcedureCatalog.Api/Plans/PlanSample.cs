using System.Data.Common;
using System.Text.Json;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Transfers;

namespace ProcedureCatalog.Api.Plans;

/// <summary>
/// The sample's plans (db/seed/plans): Cần Thơ's plan 56/KH-UBND with its annex and Điện Biên Phủ's plan with the tasks of
/// its section III, each annex imported from its CSV file by the import's own code, then some progress, so that the reports
/// of November 2026 show tasks done and overdue. Run by the sample catalogue in its transaction.
/// </summary>
internal static class PlanSample
{
    public const string Folder = "db/seed/plans/";

    internal sealed record SampleFile(IReadOnlyList<AgencyCreate> Agencies, IReadOnlyList<SamplePlan> Plans);

    internal sealed record SamplePlan(
        string Jurisdiction, string? Number, DateOnly? IssuedOn, string Issuer, string Title, string Annex, IReadOnlyList<SampleProgress> Progress);

    /// <summary>An entry of the progress of the plan's task <paramref name="Task"/> (its number), milestone <paramref name="Milestone"/> (from 1).</summary>
    internal sealed record SampleProgress(string Task, int Milestone, DateOnly On, ProgressStatus Status, string? DecisionRef = null, string? Notes = null);

    /// <summary>Writes the sample's plans; returns how many tasks they have.</summary>
    public static async Task<int> SeedAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, JsonSerializerOptions json, DateTime now, CancellationToken cancellationToken)
    {
        SampleFile sample;
        await using (var stream = Open("plans.json"))
        {
            sample = JsonSerializer.Deserialize<SampleFile>(stream, json) ?? throw new InvalidOperationException("The sample plans are empty.");
        }

        foreach (var agency in sample.Agencies)
        {
            await AgencyQueries.Insert(connection, transaction, dialect, agency, now, cancellationToken);
        }

        var tasks = 0;
        var recordedAt = now;
        foreach (var item in sample.Plans)
        {
            var input = new PlanCreate(item.Jurisdiction, item.Number, item.IssuedOn, item.Issuer, item.Title, Reports.ReportText.DefaultProgram);
            var planId = await PlanQueries.Insert(connection, transaction, dialect, input, Reports.ReportText.DefaultProgram, now, cancellationToken);
            var plan = (await PlanQueries.Find(connection, planId, cancellationToken, transaction))!;
            await ChangeLog.Record(connection, transaction, PlanEndpoints.Resource.ChangeOf!(plan, "created"), Actor.Service, now, cancellationToken);

            var (agencies, numbers) = await AnnexReader.Context(connection, transaction, plan, cancellationToken);
            var reading = ReadAnnex(item.Annex, agencies, numbers);
            if (reading.FileErrors.Any || reading.ErrorCount > 0)
            {
                throw new InvalidOperationException($"The sample annex {item.Annex} was refused: {reading.FileErrors} "
                    + string.Join("; ", reading.RowErrors.Select(error => $"row {error.Row} {error.Column}: {error.Message}")));
            }

            var ids = await AnnexReader.Apply(connection, transaction, dialect, plan, reading.Tasks, Actor.Service, now, cancellationToken);
            tasks += ids.Count;
            var taskIds = reading.Tasks.Select(row => row.Task.Task.Number).Zip(ids).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
            var milestones = (await PlanTaskQueries.Milestones(connection, planId, null, DateOnly.FromDateTime(now), cancellationToken, transaction))
                .ToDictionary(milestone => (milestone.TaskId, milestone.Position), milestone => milestone.Id);
            var versions = ids.ToDictionary(id => id, _ => 1L);
            foreach (var entry in item.Progress)
            {
                // Entries are recorded in file order, a tick apart, so that two entries of the same day keep their order.
                recordedAt = recordedAt.AddTicks(1);
                var taskId = taskIds[entry.Task];
                var progress = new ProgressInput(entry.On, entry.Status, entry.DecisionRef, null, entry.Notes);
                var entryId = await PlanTaskQueries.InsertProgress(
                    connection, transaction, dialect, milestones[(taskId, entry.Milestone)], progress, Actor.Service.Name, recordedAt, cancellationToken);
                await PlanTaskQueries.Touch(connection, transaction, taskId, versions[taskId]++, now, cancellationToken);
                await ChangeLog.Record(connection, transaction,
                    new ChangeEntry("milestone-progress", PlanKeys.Progress(planId, taskId, entryId), "created", Jurisdiction: plan.JurisdictionCode, Version: versions[taskId]),
                    Actor.Service, now, cancellationToken);
            }
        }

        return tasks;
    }

    /// <summary>An annex of the sample through the import's reader: the embedded CSV is written to a file of its own first, as an upload is.</summary>
    private static AnnexReading ReadAnnex(string name, AgencyNames.Catalogue agencies, IReadOnlyCollection<string> numbers)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sample-annex-{Guid.NewGuid():N}.csv");
        try
        {
            using (var source = Open(name))
            using (var file = File.Create(path))
            {
                source.CopyTo(file);
            }

            return AnnexReader.ReadFile(path, ImportFormat.Csv, agencies, numbers);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Stream Open(string name) =>
        typeof(PlanSample).Assembly.GetManifestResourceStream(Folder + name)
        ?? throw new InvalidOperationException($"The sample file {Folder}{name} is not embedded.");
}
