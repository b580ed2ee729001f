using System.Text.Json;
using ProcedureCatalog.Api.History;

namespace ProcedureCatalog.Api.SampleData;

/// <summary>
/// The sample's changes in the period of Cần Thơ's November 2026 report (<c>db/seed/sample-period-changes.json</c>):
/// time and cost entries with their decisions, and an abolition, applied to the sample's procedures before it is
/// written, so that they are written as the sample's own history is.
/// </summary>
internal static class SamplePeriodChanges
{
    public const string ResourceName = "db/seed/sample-period-changes.json";

    internal sealed record ChangeFile(string? Note, IReadOnlyList<ProcedureChange> Procedures);

    internal sealed record ProcedureChange(
        string Jurisdiction, string Code, IReadOnlyList<TimeEntryInput>? TimeHistory, IReadOnlyList<CostEntryInput>? CostHistory, DateOnly? AbolishedOn);

    public static SampleCatalogue.SampleFile Apply(SampleCatalogue.SampleFile sample, JsonSerializerOptions json)
    {
        using var stream = typeof(SamplePeriodChanges).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample's period changes {ResourceName} are not embedded.");
        var changes = JsonSerializer.Deserialize<ChangeFile>(stream, json) ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        var byKey = changes.Procedures.ToDictionary(change => (change.Jurisdiction, change.Code));
        var unknown = byKey.Keys.Except(sample.Procedures.Select(procedure => (procedure.Jurisdiction, procedure.Code))).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{ResourceName} names procedures the sample does not have: {string.Join(", ", unknown)}.");
        }

        return sample with
        {
            Procedures = sample.Procedures.Select(procedure => byKey.TryGetValue((procedure.Jurisdiction, procedure.Code), out var change)
                ? procedure with
                {
                    TimeHistory = [.. procedure.TimeHistory, .. change.TimeHistory ?? []],
                    CostHistory = [.. procedure.CostHistory, .. change.CostHistory ?? []],
                    Status = change.AbolishedOn is null ? procedure.Status : Procedures.ProcedureStatus.Abolished,
                    AbolishedOn = change.AbolishedOn ?? procedure.AbolishedOn,
                }
                : procedure).ToList(),
        };
    }
}
