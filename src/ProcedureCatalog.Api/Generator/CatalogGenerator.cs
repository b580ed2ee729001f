using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Generator;

/// <summary>What a generation wrote, and how long it took.</summary>
public sealed record GenerationSummary(int Jurisdictions, int Agencies, int Fields, int Procedures, long Documents, long TimeEntries, long CostEntries, TimeSpan Elapsed);

/// <summary>
/// Writes a <see cref="SyntheticCatalogue"/> into an empty, migrated catalogue database directly (not through
/// HTTP): one transaction, one prepared INSERT per table reused for every row, so that 61,000 procedures
/// with their documents and history load in seconds on SQLite.
/// </summary>
public sealed class CatalogGenerator(CatalogDatabase database, CatalogMigrator migrator, IOptions<GeneratorOptions> options)
{
    private static readonly string[] ProcedureColumns =
    [
        "jurisdiction_code", "code", "name", "search_text", "level", "kind", "business_related", "online_level", "full_online_eligible",
        "boundary_free", "technical_regulation", "field_id", "agency_id", "status", "abolished_on", "last_reviewed_on", "created_at", "updated_at", "version",
    ];

    private static readonly string[] DocumentColumns =
    [
        "procedure_id", "position", "name", "template_name", "originals", "copies", "case_note", "provided_once", "data_source",
        "created_at", "updated_at", "version",
    ];

    public async Task<GenerationSummary> GenerateAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stopwatch = Stopwatch.StartNew();
        migrator.Migrate();
        await using var connection = await database.OpenAsync(cancellationToken);
        var existing = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jurisdictions");
        if (existing > 0)
        {
            throw new InvalidOperationException(
                $"The catalogue already holds {existing} jurisdiction(s); the generator only fills an empty database (give --database a new file).");
        }

        var catalogue = new SyntheticCatalogue(settings.Procedures, settings.Seed);
        progress.WriteLine($"Generating {settings.Procedures:N0} procedures with seed {settings.Seed} into {database.Provider} ...");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = SyntheticCatalogue.GeneratedAt;

        using (var jurisdictions = new PreparedInsert(connection, transaction, "jurisdictions", ["code", "name", "level", "created_at", "updated_at", "version"]))
        {
            foreach (var jurisdiction in catalogue.Jurisdictions)
            {
                jurisdictions.Insert(jurisdiction.Code, jurisdiction.Name, jurisdiction == GeneratorVocabulary.Central ? "central" : "province", now, now, 1);
            }
        }

        using (var tariffs = new PreparedInsert(connection, transaction, "hourly_tariffs", ["jurisdiction_code", "year", "hourly_tariff_vnd", "created_at", "updated_at", "version"]))
        {
            foreach (var (jurisdiction, year, tariff) in catalogue.Tariffs)
            {
                tariffs.Insert(jurisdiction, year, tariff, now, now, 1);
            }
        }

        var fieldIds = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var fields = new PreparedInsert(connection, transaction, "fields", ["name", "created_at", "updated_at", "version"], database.Dialect.SelectInsertedId))
        {
            foreach (var field in GeneratorVocabulary.Fields)
            {
                fieldIds[field.Name] = fields.InsertReturningId(field.Name, now, now, 1);
            }
        }

        var agencyIds = new Dictionary<(string, string), long>();
        using (var agencies = new PreparedInsert(connection, transaction, "agencies", ["jurisdiction_code", "name", "created_at", "updated_at", "version"], database.Dialect.SelectInsertedId))
        {
            foreach (var agency in catalogue.Agencies)
            {
                agencyIds[(agency.Jurisdiction, agency.Name)] = agencies.InsertReturningId(agency.Jurisdiction, agency.Name, now, now, 1);
            }
        }

        // The derived rows (migration 0012) would be re-derived once per row written: the load pauses that for its own
        // transaction, and the migration below derives every procedure once.
        await connection.ExecuteAsync(new CommandDefinition("INSERT INTO derivation_paused (procedure_id) VALUES (0)", transaction: transaction, cancellationToken: cancellationToken));
        var counts = WriteProcedures(connection, transaction, catalogue, fieldIds, agencyIds, progress, stopwatch, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM derivation_paused", transaction: transaction, cancellationToken: cancellationToken));
        progress.WriteLine("Committing ...");
        await transaction.CommitAsync(cancellationToken);
        progress.WriteLine($"Deriving the windows of every procedure ...  {stopwatch.Elapsed.TotalSeconds,6:F1} s");
        migrator.Migrate();
        return new GenerationSummary(catalogue.Jurisdictions.Count, catalogue.Agencies.Count, fieldIds.Count, settings.Procedures,
            counts.Documents, counts.TimeEntries, counts.CostEntries, stopwatch.Elapsed);
    }

    private (long Documents, long TimeEntries, long CostEntries) WriteProcedures(
        DbConnection connection, DbTransaction transaction, SyntheticCatalogue catalogue, Dictionary<string, long> fieldIds,
        Dictionary<(string, string), long> agencyIds, TextWriter progress, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        using var procedures = new PreparedInsert(connection, transaction, "procedures", ProcedureColumns, database.Dialect.SelectInsertedId);
        using var legalBasis = new PreparedInsert(connection, transaction, "legal_basis", ["procedure_id", "position", "number", "title", "issued_on", "issuer"]);
        using var time = new PreparedInsert(connection, transaction, "time_history", ["procedure_id", "effective_from", "amount", "unit", "decision_ref", "recorded_at"]);
        using var cost = new PreparedInsert(connection, transaction, "cost_history",
            ["procedure_id", "effective_from", "fee_vnd", "other_cost_vnd", "applicant_hours", "annual_filings", "decision_ref", "recorded_at"]);
        using var attributes = new PreparedInsert(connection, transaction, "attribute_history",
            ["procedure_id", "attribute", "value", "effective_from", "decision_ref", "recorded_at", "recorded_by"]);
        using var providedOnce = new PreparedInsert(connection, transaction, "provided_once_history",
            ["document_id", "procedure_id", "provided_once", "effective_from", "decision_ref", "recorded_at", "recorded_by"]);
        using var reviews = new PreparedInsert(connection, transaction, "procedure_reviews", ["procedure_id", "reviewed_on", "decision_ref", "note", "recorded_at", "recorded_by"]);
        using var documents = new PreparedInsert(connection, transaction, "documents", DocumentColumns, database.Dialect.SelectInsertedId);
        using var parts = new SyntheticPartsWriter(connection, transaction, options.Value.Seed);

        var total = options.Value.Procedures;
        var reportEvery = Math.Max(1, total / 10);
        long documentCount = 0, timeCount = 0, costCount = 0;
        var written = 0;
        foreach (var procedure in catalogue.Procedures())
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A minute apart, newest last, so that sorting by createdAt has something to sort.
            var createdAt = SyntheticCatalogue.GeneratedAt.AddMinutes(written - total);
            var drawn = parts.Draw(procedure, agencyIds[(procedure.Jurisdiction, procedure.Agency)]);
            var id = procedures.InsertReturningId(
                procedure.Jurisdiction, procedure.Code, procedure.Name, ProcedureParts.SearchTextOf(procedure.Code, procedure.Name, drawn.Published),
                EnumText.Of(procedure.Level), EnumText.Of(procedure.Kind), procedure.BusinessRelated, EnumText.Of(procedure.OnlineLevel),
                procedure.FullOnlineEligible, procedure.BoundaryFree, false, fieldIds[procedure.Field], agencyIds[(procedure.Jurisdiction, procedure.Agency)],
                EnumText.Of(procedure.Status), procedure.AbolishedOn, procedure.LastReviewedOn, createdAt, createdAt, 1);

            // What a new procedure is given: its attributes from the beginning, the review its lastReviewedOn names.
            var values = new Attributes.DatedValues(procedure.Kind, procedure.BusinessRelated, procedure.OnlineLevel, procedure.FullOnlineEligible, procedure.BoundaryFree, false);
            foreach (var (attribute, value) in values.Texts())
            {
                attributes.Insert(id, EnumText.Of(attribute), value, Attributes.AttributeQueries.Beginning, null, createdAt, Access.Actor.Service.Name);
            }

            if (procedure.LastReviewedOn is { } reviewedOn)
            {
                reviews.Insert(id, reviewedOn, null, null, createdAt, Access.Actor.Service.Name);
            }

            for (var index = 0; index < procedure.LegalBasis.Count; index++)
            {
                var law = procedure.LegalBasis[index];
                legalBasis.Insert(id, index + 1, law.Number, law.Title, law.IssuedOn, law.Issuer);
            }

            for (var index = 0; index < procedure.Documents.Count; index++)
            {
                var document = procedure.Documents[index];
                var documentRowId = documents.InsertReturningId(id, index + 1, document.Name, document.TemplateName, document.Originals, document.Copies, document.CaseNote,
                    document.ProvidedOnce, document.DataSource, createdAt, createdAt, 1);
                providedOnce.Insert(documentRowId, id, document.ProvidedOnce, Attributes.AttributeQueries.Beginning, null, createdAt, Access.Actor.Service.Name);
            }

            // Entries are recorded in order, a second apart, so that a correction of the same day wins its tie.
            var recorded = 0;
            foreach (var entry in procedure.TimeHistory)
            {
                time.Insert(id, entry.EffectiveFrom, entry.Amount, EnumText.Of(entry.Unit!.Value), entry.DecisionRef, RecordedAt(entry.EffectiveFrom!.Value, recorded++));
            }

            foreach (var entry in procedure.CostHistory)
            {
                cost.Insert(id, entry.EffectiveFrom, entry.FeeVnd, entry.OtherCostVnd, entry.ApplicantHours, entry.AnnualFilings, entry.DecisionRef,
                    RecordedAt(entry.EffectiveFrom!.Value, recorded++));
            }

            parts.Write(id, procedure, drawn, RecordedAt);
            documentCount += procedure.Documents.Count;
            timeCount += procedure.TimeHistory.Count;
            costCount += procedure.CostHistory.Count;
            if (++written % reportEvery == 0 || written == total)
            {
                progress.WriteLine($"  {written,10:N0} / {total:N0} procedures  {stopwatch.Elapsed.TotalSeconds,6:F1} s");
            }
        }

        return (documentCount, timeCount, costCount);
    }

    private static DateTime RecordedAt(DateOnly effectiveFrom, int order) =>
        effectiveFrom.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddSeconds(order);
}
