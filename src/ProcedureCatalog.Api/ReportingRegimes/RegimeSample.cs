using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.ReportingRegimes;

/// <summary>
/// The sample's reporting regimes (<c>db/seed/sample-reporting-regimes.json</c>, illustrative): a few real regimes that
/// businesses report under (labour, environment, investment projects, financial statements) for each jurisdiction of the
/// sample, with electronic histories that move in 2025 and 2026, and the agencies they report to that the catalogue lacks.
/// Loaded by <see cref="SampleData.SampleCatalogue"/> in its transaction, after the catalogue.
/// </summary>
internal static class RegimeSample
{
    public const string ResourceName = "db/seed/sample-reporting-regimes.json";

    public static async Task<int> Seed(DbConnection connection, DbTransaction transaction, SqlDialect dialect, JsonSerializerOptions json, DateTime now, CancellationToken cancellationToken)
    {
        await using var stream = typeof(RegimeSample).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample reporting regimes {ResourceName} are not embedded.");
        var sample = await JsonSerializer.DeserializeAsync<SampleFile>(stream, json, cancellationToken)
            ?? throw new InvalidOperationException("The sample reporting regimes are empty.");
        foreach (var agency in sample.Agencies)
        {
            await AgencyQueries.Insert(connection, transaction, dialect, agency, now, cancellationToken);
        }

        var recordedAt = now;
        foreach (var regime in sample.Regimes)
        {
            var agencyId = await AgencyQueries.IdOfName(connection, transaction, regime.Jurisdiction, regime.Agency, cancellationToken)
                ?? throw new InvalidOperationException($"The sample regime '{regime.Name}' names an agency of {regime.Jurisdiction} that is not there: '{regime.Agency}'.");
            var description = new RegimeDescription(regime.Name, regime.LegalBasis, agencyId, regime.Frequency, regime.Status, regime.AbolishedOn);
            var id = await RegimeQueries.Insert(connection, transaction, dialect, regime.Jurisdiction, description, now, cancellationToken);

            // Entries are recorded in file order, a tick apart, so that two entries of the same day keep their order.
            foreach (var entry in regime.ElectronicHistory)
            {
                recordedAt = recordedAt.AddTicks(1);
                await RegimeQueries.AppendEntry(connection, transaction, dialect, id, entry.Electronic!.Value, entry.EffectiveFrom!.Value, entry.DecisionRef,
                    recordedAt, Access.Actor.Service.Name, cancellationToken);
            }

            await ChangeLog.Record(connection, transaction,
                new ChangeEntry("reporting-regime", id.ToString(CultureInfo.InvariantCulture), "created", Jurisdiction: regime.Jurisdiction, Version: 1),
                Access.Actor.Service, now, cancellationToken);
        }

        return sample.Regimes.Count;
    }

    private sealed record SampleFile(IReadOnlyList<AgencyCreate> Agencies, IReadOnlyList<SampleRegime> Regimes);

    private sealed record SampleRegime(
        string Jurisdiction,
        string Name,
        string LegalBasis,
        string Agency,
        ReportingFrequency Frequency,
        ProcedureStatus Status,
        DateOnly? AbolishedOn,
        IReadOnlyList<ElectronicEntryInput> ElectronicHistory);
}
