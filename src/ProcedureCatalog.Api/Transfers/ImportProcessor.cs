using System.Data.Common;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>
/// Applies a catalogue file to a jurisdiction in ONE transaction: every row is checked, and the file is taken
/// whole or not at all. A dry run does the same work and rolls back, so it also finds what only the
/// database can (a duplicate name, a code taken twice). Fields and agencies named in the file are created
/// when missing; a procedure is created, replaced, or left alone when it already says what the row says;
/// a time or cost entry is added unless the same entry is in its history.
/// </summary>
internal sealed class ImportProcessor(CatalogDatabase database, CatalogClock clock, ImportProgress progress)
{
    public const int MaxListedErrors = 1000;
    private const int ProgressEvery = 500;

    public async Task<ImportResult> Run(string id, string jurisdiction, string path, ImportFormat format, bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        long total;
        try
        {
            total = ImportFiles.Read(path, format).LongCount(line => line.Line > 0);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidDataException or FormatException or IOException or InvalidOperationException)
        {
            return new ImportResult(0, 0, 0, 0, [new ImportError(0, null, $"The file cannot be read as {EnumText.Of(format)}: {exception.Message}")]);
        }

        progress.Report(id, 0, total);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var state = await State.Load(connection, transaction, jurisdiction);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = clock.UtcNow;
        long created = 0, updated = 0, unchanged = 0, processed = 0;
        foreach (var line in ImportFiles.Read(path, format))
        {
            if (line.Line == 0)
            {
                CheckColumns(line.Values.Keys, errors);
                continue;
            }

            processed++;
            if (processed % ProgressEvery == 0)
            {
                progress.Report(id, processed, total);
            }

            var rowErrors = new Errors();
            var record = CatalogueRecord.Parse(line.Values, rowErrors);
            if (record is not null && seen.TryGetValue(record.Code, out var first))
            {
                rowErrors.Add("code", $"Code '{record.Code}' is already on line {first}.");
            }

            if (rowErrors.Any || record is null)
            {
                Add(errors, line.Line, rowErrors);
                continue;
            }

            seen[record.Code] = line.Line;
            if (errors.Count > 0)
            {
                continue; // nothing will be written; keep checking the rest so that every bad row is reported
            }

            switch (await Apply(connection, transaction, state, jurisdiction, record, actor, now, cancellationToken))
            {
                case Applied.Created:
                    created++;
                    break;
                case Applied.Updated:
                    updated++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        progress.Report(id, processed, total);
        if (!dryRun && errors.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return new ImportResult(processed, created, updated, unchanged, errors.Take(MaxListedErrors).ToList());
    }

    private static void CheckColumns(IEnumerable<string> headers, List<ImportError> errors)
    {
        var present = headers.Select(ImportFiles.Canonical).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in ImportFiles.UnknownColumns(headers))
        {
            errors.Add(new ImportError(1, unknown, $"'{unknown}' is not a column of the catalogue; the columns are: {string.Join(", ", CatalogueRecord.Columns)}."));
        }

        foreach (var missing in new[] { "code", "name", "level", "kind", "businessRelated", "onlineLevel", "fullOnlineEligible", "boundaryFree", "field", "agency" }
                     .Where(column => !present.Contains(column)))
        {
            errors.Add(new ImportError(1, missing, $"The file has no column '{missing}'."));
        }
    }

    private static void Add(List<ImportError> errors, int line, Errors rowErrors)
    {
        foreach (var (field, messages) in rowErrors.ToDictionary())
        {
            errors.AddRange(messages.Select(message => new ImportError(line, field, message)));
        }
    }

    private enum Applied
    {
        Created,
        Updated,
        Unchanged,
    }

    /// <summary>What the jurisdiction holds, read once so that each row is matched in memory.</summary>
    private sealed record State(
        Dictionary<string, ProcedureRow> Procedures,
        Dictionary<long, IReadOnlyList<ImportedDocument>> Documents,
        HashSet<(long, DateOnly, decimal, string)> TimeEntries,
        HashSet<(long, DateOnly, long, long, decimal, long?)> CostEntries,
        Dictionary<string, long> Fields,
        Dictionary<string, long> Agencies)
    {
        public static async Task<State> Load(DbConnection connection, DbTransaction transaction, string jurisdiction)
        {
            var documents = await ImportQueries.Documents(connection, transaction, jurisdiction);
            return new State(
                await ImportQueries.Procedures(connection, transaction, jurisdiction),
                documents.ToDictionary(group => group.Key, group => (IReadOnlyList<ImportedDocument>)group.ToList()),
                await ImportQueries.TimeEntries(connection, transaction, jurisdiction),
                await ImportQueries.CostEntries(connection, transaction, jurisdiction),
                await ImportQueries.Fields(connection, transaction),
                await ImportQueries.Agencies(connection, transaction, jurisdiction));
        }
    }

    private async Task<Applied> Apply(
        DbConnection connection, DbTransaction transaction, State state, string jurisdiction, CatalogueRecord record, Actor actor, DateTime now,
        CancellationToken cancellationToken)
    {
        var fieldId = await FieldOf(connection, transaction, state, record.Field, actor, now, cancellationToken);
        var agencyId = await AgencyOf(connection, transaction, state, jurisdiction, record.Agency, actor, now, cancellationToken);
        var description = new ProcedureUpsert(
            record.Name, record.Level, record.Kind, record.BusinessRelated, record.OnlineLevel, record.FullOnlineEligible, record.BoundaryFree,
            fieldId, agencyId, record.LastReviewedOn, null, null);
        Applied applied;
        long procedureId;
        long version;
        if (!state.Procedures.TryGetValue(record.Code, out var existing))
        {
            procedureId = await ProcedureQueries.Insert(connection, transaction, database.Dialect, description.ToCreate(jurisdiction, record.Code), now, cancellationToken);
            await ImportQueries.InsertDocuments(connection, transaction, procedureId, record.Documents, now);
            version = 1;
            if (record.Status == ProcedureStatus.Abolished)
            {
                await ProcedureQueries.ChangeStatus(connection, transaction, procedureId, version++, ProcedureStatus.Abolished, record.AbolishedOn, now, cancellationToken);
            }

            applied = Applied.Created;
        }
        else
        {
            procedureId = existing.Id;
            version = existing.Version;
            applied = Applied.Unchanged;
            if (!ProcedureUpserts.SameDescription(existing, description))
            {
                await ProcedureQueries.Update(connection, transaction, procedureId, version++, description.ToUpdate(record.Code), now, cancellationToken);
                applied = Applied.Updated;
            }

            var documents = state.Documents.GetValueOrDefault(procedureId) ?? [];
            if (record.Documents.Count > 0 && !documents.SequenceEqual(record.Documents))
            {
                await Documents.DocumentQueries.RemoveAll(connection, transaction, procedureId, cancellationToken);
                await ImportQueries.InsertDocuments(connection, transaction, procedureId, record.Documents, now);
                applied = Applied.Updated;
            }

            if (existing.Status != EnumText.Of(record.Status) || existing.AbolishedOn != record.AbolishedOn)
            {
                await ProcedureQueries.ChangeStatus(connection, transaction, procedureId, version++, record.Status, record.AbolishedOn, now, cancellationToken);
                applied = Applied.Updated;
            }
        }

        var historyAdded = false;
        if (record.TimeEntry is { } time && state.TimeEntries.Add((procedureId, time.EffectiveFrom!.Value, time.Amount!.Value, EnumText.Of(time.Unit!.Value))))
        {
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, procedureId, time, now, cancellationToken);
            historyAdded = true;
        }

        if (record.CostEntry is { } cost
            && state.CostEntries.Add((procedureId, cost.EffectiveFrom!.Value, cost.FeeVnd!.Value, cost.OtherCostVnd!.Value, cost.ApplicantHours!.Value, cost.AnnualFilings)))
        {
            await HistoryQueries.AppendCost(connection, transaction, database.Dialect, procedureId, cost, now, cancellationToken);
            historyAdded = true;
        }

        if (historyAdded && applied != Applied.Created)
        {
            version = await ProcedureQueries.Touch(connection, transaction, procedureId, now, cancellationToken);
            applied = Applied.Updated;
        }

        if (applied != Applied.Unchanged)
        {
            await ChangeLog.Record(connection, transaction,
                new ChangeEntry("procedure", procedureId.ToString(System.Globalization.CultureInfo.InvariantCulture), applied == Applied.Created ? "created" : "updated",
                    procedureId, jurisdiction, record.Code, version),
                actor, now, cancellationToken);
        }

        return applied;
    }

    private async Task<long> FieldOf(DbConnection connection, DbTransaction transaction, State state, string name, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        if (state.Fields.TryGetValue(name, out var id))
        {
            return id;
        }

        id = await FieldQueries.Insert(connection, transaction, database.Dialect, new FieldInput(name), now, cancellationToken);
        await ChangeLog.Record(connection, transaction, new ChangeEntry("field", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", Version: 1), actor, now, cancellationToken);
        return state.Fields[name] = id;
    }

    private async Task<long> AgencyOf(
        DbConnection connection, DbTransaction transaction, State state, string jurisdiction, string name, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        if (state.Agencies.TryGetValue(name, out var id))
        {
            return id;
        }

        id = await AgencyQueries.Insert(connection, transaction, database.Dialect, new AgencyCreate(jurisdiction, name), now, cancellationToken);
        await ChangeLog.Record(connection, transaction,
            new ChangeEntry("agency", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", Jurisdiction: jurisdiction, Version: 1), actor, now, cancellationToken);
        return state.Agencies[name] = id;
    }
}
