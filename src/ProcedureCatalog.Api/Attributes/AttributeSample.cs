using System.Data.Common;
using System.Text.Json;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Attributes;

/// <summary>
/// The sample's dated changes (<c>db/seed/sample-attribute-changes.json</c>, illustrative): procedures of the sample moved to
/// full online, made boundary-free or eligible in 2025 and 2026, flagged as set by technical regulations, documents provided
/// once from a decree's day, and reviews, each with its decision, so that the scoreboard moves between dates (and Cần Thơ's
/// November 2026 report lists procedures newly online, fully online and boundary-free in its period). Loaded by
/// <see cref="SampleData.SampleCatalogue"/> in its transaction, after the procedures (whose own values hold from the beginning).
/// </summary>
internal static class AttributeSample
{
    public const string ResourceName = "db/seed/sample-attribute-changes.json";

    public static async Task<int> Seed(DbConnection connection, DbTransaction transaction, SqlDialect dialect, JsonSerializerOptions json, DateTime now, CancellationToken cancellationToken)
    {
        await using var stream = typeof(AttributeSample).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample's dated changes {ResourceName} are not embedded.");
        var sample = await JsonSerializer.DeserializeAsync<SampleFile>(stream, json, cancellationToken)
            ?? throw new InvalidOperationException("The sample's dated changes are empty.");

        // Recorded in file order, a tick apart, so that two entries of the same day keep their order.
        var recordedAt = now;
        Recorder Next() => Recorder.At(recordedAt = recordedAt.AddTicks(1), Access.Actor.Service);
        async Task<long> IdOf(string jurisdiction, string code) =>
            (await ProcedureQueries.FindByCode(connection, jurisdiction, code, cancellationToken, transaction))?.Id
            ?? throw new InvalidOperationException($"The sample's dated changes name {jurisdiction}/{code}, which the sample does not have.");

        foreach (var change in sample.Changes)
        {
            var id = await IdOf(change.Jurisdiction, change.Code);
            var values = AttributeMappings.ValuesOf(new AttributeChange(change.DecisionRef, change.EffectiveFrom, change.Kind, change.BusinessRelated, change.OnlineLevel,
                change.FullOnlineEligible, change.BoundaryFree, change.TechnicalRegulation));
            await AttributeQueries.Record(connection, transaction, dialect, id, values, change.EffectiveFrom, change.DecisionRef, Next(), cancellationToken);
        }

        foreach (var mark in sample.ProvidedOnce)
        {
            var id = await IdOf(mark.Jurisdiction, mark.Code);
            var document = (await DocumentQueries.List(connection, id, cancellationToken, transaction)).Single(row => row.Position == mark.Position);
            await AttributeQueries.RecordProvidedOnce(connection, transaction, dialect, id, document.Id, mark.ProvidedOnce, mark.EffectiveFrom, mark.DecisionRef, Next(), cancellationToken);
        }

        foreach (var review in sample.Reviews)
        {
            await AttributeQueries.AddReview(connection, transaction, dialect, await IdOf(review.Jurisdiction, review.Code), review.ReviewedOn, review.DecisionRef, review.Note,
                Next(), cancellationToken);
        }

        return sample.Changes.Count + sample.ProvidedOnce.Count + sample.Reviews.Count;
    }

    private sealed record SampleFile(IReadOnlyList<SampleChange> Changes, IReadOnlyList<SampleMark> ProvidedOnce, IReadOnlyList<SampleReview> Reviews);

    private sealed record SampleChange(
        string Jurisdiction, string Code, DateOnly EffectiveFrom, string DecisionRef, ProcedureKind? Kind = null, bool? BusinessRelated = null, OnlineLevel? OnlineLevel = null,
        bool? FullOnlineEligible = null, bool? BoundaryFree = null, bool? TechnicalRegulation = null);

    private sealed record SampleMark(string Jurisdiction, string Code, int Position, DateOnly EffectiveFrom, string DecisionRef, bool ProvidedOnce);

    private sealed record SampleReview(string Jurisdiction, string Code, DateOnly ReviewedOn, string DecisionRef, string Note);
}
