using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.SampleData;

/// <summary>
/// Fills an empty catalogue with the illustrative sample in <c>db/seed/sample-catalogue.json</c>, through the
/// same writes the API uses, in one transaction: either all of it is there or none.
/// </summary>
public sealed class SampleCatalogue(CatalogDatabase database, IOptions<JsonOptions> json, CatalogClock clock, ILogger<SampleCatalogue> logger)
{
    public const string ResourceName = "db/seed/sample-catalogue.json";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM jurisdictions", transaction: transaction, cancellationToken: cancellationToken));
        if (existing > 0)
        {
            return false;
        }

        var sample = Read();
        var parts = SampleParts.Read(json.Value.SerializerOptions);
        var now = clock.UtcNow;
        foreach (var jurisdiction in sample.Jurisdictions)
        {
            await JurisdictionQueries.Insert(connection, transaction, jurisdiction, now, cancellationToken);
        }

        foreach (var tariff in sample.HourlyTariffs)
        {
            await Tariffs.TariffQueries.Insert(connection, transaction, tariff.Jurisdiction, tariff.Year, tariff.HourlyTariffVnd, now, cancellationToken);
        }

        var fieldIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var field in sample.Fields)
        {
            fieldIds[field.Name] = await FieldQueries.Insert(connection, transaction, database.Dialect, field, now, cancellationToken);
        }

        var agencyIds = new Dictionary<(string, string), long>();
        foreach (var agency in sample.Agencies)
        {
            agencyIds[(agency.Jurisdiction, agency.Name)] = await AgencyQueries.Insert(connection, transaction, database.Dialect, agency, now, cancellationToken);
        }

        foreach (var procedure in sample.Procedures.Concat(parts.Procedures))
        {
            var create = new ProcedureCreate(
                procedure.Jurisdiction, procedure.Code, procedure.Name, procedure.Level, procedure.Kind, procedure.BusinessRelated,
                procedure.OnlineLevel, procedure.FullOnlineEligible, procedure.BoundaryFree,
                fieldIds[procedure.Field], agencyIds[(procedure.Jurisdiction, procedure.Agency)], procedure.LastReviewedOn,
                procedure.LegalBasis, procedure.Documents);
            var outcome = await ProcedureWrites.Create(connection, transaction, database.Dialect, create, Attributes.Recorder.At(now, Access.Actor.Service), cancellationToken);
            if (outcome is not ProcedureOutcome.Created(var id))
            {
                throw new InvalidOperationException($"The sample procedure {procedure.Jurisdiction}/{procedure.Code} was refused: {outcome}.");
            }

            // Entries are recorded in file order, a tick apart, so that two entries of the same day keep their order.
            var recordedAt = now;
            foreach (var entry in procedure.TimeHistory)
            {
                recordedAt = recordedAt.AddTicks(1);
                await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, entry, recordedAt, cancellationToken);
            }

            foreach (var entry in procedure.CostHistory)
            {
                recordedAt = recordedAt.AddTicks(1);
                await HistoryQueries.AppendCost(connection, transaction, database.Dialect, id, entry, recordedAt, cancellationToken);
            }

            var version = 1L;
            if (procedure.Status == ProcedureStatus.Abolished)
            {
                await ProcedureQueries.ChangeStatus(connection, transaction, id, version++, ProcedureStatus.Abolished, procedure.AbolishedOn, now, cancellationToken);
            }

            // Followers of the change feed start from the beginning: the sample is there as the service's own changes.
            await Changes.ChangeLog.Record(connection, transaction,
                new Changes.ChangeEntry("procedure", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", id, procedure.Jurisdiction, procedure.Code, version),
                Access.Actor.Service, now, cancellationToken);
        }

        // The sample's dated changes of attributes, documents' marks and reviews in 2025 and 2026, from a seed file of their own.
        await Attributes.AttributeSample.Seed(connection, transaction, database.Dialect, json.Value.SerializerOptions, now, cancellationToken);

        // The business reporting regimes of the sample's jurisdictions, from a seed file of their own.
        var regimes = await ReportingRegimes.RegimeSample.Seed(connection, transaction, database.Dialect, json.Value.SerializerOptions, now, cancellationToken);

        // The plans of Cần Thơ and Điện Biên Phủ, their annexes imported from db/seed/plans/ by the import's own code.
        var tasks = await Plans.PlanSample.SeedAsync(connection, transaction, database.Dialect, json.Value.SerializerOptions, now, cancellationToken);

        await parts.Apply(connection, transaction, database.Dialect, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Filled the empty catalogue with the sample: {Jurisdictions} jurisdictions, {Procedures} procedures, {Regimes} reporting regimes, {Tasks} plan tasks",
            sample.Jurisdictions.Count, sample.Procedures.Count + parts.Procedures.Count, regimes, tasks);
        return true;
    }

    private SampleFile Read()
    {
        using var stream = typeof(SampleCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample catalogue {ResourceName} is not embedded.");
        var sample = JsonSerializer.Deserialize<SampleFile>(stream, json.Value.SerializerOptions)
            ?? throw new InvalidOperationException("The sample catalogue is empty.");
        return SamplePeriodChanges.Apply(sample, json.Value.SerializerOptions);
    }

    internal sealed record SampleFile(
        IReadOnlyList<JurisdictionCreate> Jurisdictions,
        IReadOnlyList<FieldInput> Fields,
        IReadOnlyList<AgencyCreate> Agencies,
        IReadOnlyList<SampleProcedure> Procedures,
        IReadOnlyList<SampleTariff> HourlyTariffs);

    internal sealed record SampleTariff(string Jurisdiction, int Year, long HourlyTariffVnd);

    internal sealed record SampleProcedure(
        string Jurisdiction,
        string Code,
        string Name,
        ProcedureLevel Level,
        ProcedureKind Kind,
        bool BusinessRelated,
        OnlineLevel OnlineLevel,
        bool FullOnlineEligible,
        bool BoundaryFree,
        string Field,
        string Agency,
        ProcedureStatus Status,
        DateOnly? AbolishedOn,
        DateOnly? LastReviewedOn,
        IReadOnlyList<LegalBasisEntry> LegalBasis,
        IReadOnlyList<DocumentInput> Documents,
        IReadOnlyList<TimeEntryInput> TimeHistory,
        IReadOnlyList<CostEntryInput> CostHistory);
}
