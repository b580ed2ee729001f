using System.Data.Common;
using System.Globalization;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>What an import is asked to do; <see cref="AppliedRows"/> records of it are already committed (a resumed import skips them).</summary>
internal sealed record ImportJob(
    string Id, string Jurisdiction, string Path, ImportFormat Format, bool DryRun, bool CreateMissing, bool MayCreateFields, Actor Actor, long AppliedRows);

/// <summary>
/// Applies a catalogue file to a jurisdiction in two passes.
/// <list type="number">
/// <item>Check: every record is read, parsed and matched against the catalogue as it is, writing nothing. One bad
/// record and nothing is written; every bad record is counted, the first <see cref="MaxListedErrors"/> are listed. A dry
/// run ends here, with what would be created, changed and left alone.</item>
/// <item>Apply: the file is read again and applied in batches of <see cref="ImportOptions.BatchRows"/> records, each in a
/// transaction of its own that also records how far the import has come, so that another writer waits for one batch at
/// most, never for the whole file, and a stop in the middle resumes after the last committed batch.</item>
/// </list>
/// Agencies and fields the file names must exist, unless the import asks to create them (createMissing; fields only with
/// an admin key). A procedure is created, changed, or left alone when it already says what the record says; a document
/// that is unchanged keeps its id; a time or cost entry is added unless the same entry is in its history.
/// </summary>
internal sealed class ImportProcessor(CatalogDatabase database, CatalogClock clock, ImportProgress progress, ImportOptions options, WriterTurns writers)
{
    public const int MaxListedErrors = 1000;
    public const int MaxRecords = 1_000_000;
    private const int ProgressEvery = 500;

    private static readonly string[] RequiredColumns =
        ["code", "name", "level", "kind", "businessRelated", "onlineLevel", "fullOnlineEligible", "boundaryFree", "field", "agency"];

    public async Task<ImportResult> Run(ImportJob job, CancellationToken cancellationToken)
    {
        var check = await Check(job, cancellationToken);
        if (check.Failed || job.DryRun)
        {
            return check;
        }

        return await Apply(job, cancellationToken);
    }

    private async Task<ImportResult> Check(ImportJob job, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        State state;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            state = await State.Load(connection, null, job.Jurisdiction, null, clock.Today, cancellationToken);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var plan = new Plan(job, state, write: false);
        long processed = 0;
        try
        {
            foreach (var line in ImportFiles.Read(job.Path, job.Format))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Row == 0)
                {
                    CheckColumns(line.Values.Keys, errors);
                    continue;
                }

                if (++processed > MaxRecords)
                {
                    errors.Add(new ImportError(0, null, $"The file has more than {MaxRecords:N0} records; no catalogue has that many. Split it."));
                    break;
                }

                if (processed % ProgressEvery == 0)
                {
                    progress.Report(job.Id, processed, null);
                }

                var rowErrors = new Errors();
                var record = CatalogueRecord.Parse(line.Values, rowErrors, line.Structured);
                var code = record?.Code ?? CodeOf(line);
                if (record is not null && seen.TryGetValue(record.Code, out var first))
                {
                    rowErrors.Add("code", $"Code '{record.Code}' is already in row {first}.");
                }

                if (record is not null && !rowErrors.Any)
                {
                    seen[record.Code] = line.Row;
                    await plan.Row(null, null, record, rowErrors, clock.UtcNow, cancellationToken);
                }

                errors.Add(line.Row, code, rowErrors);
            }
        }
        catch (ImportFileException exception)
        {
            errors.Add(new ImportError(0, null, exception.Message));
        }

        progress.Report(job.Id, processed, processed);
        return plan.Result(processed, errors);
    }

    private async Task<ImportResult> Apply(ImportJob job, CancellationToken cancellationToken)
    {
        var counts = await ResumePoint(job, cancellationToken);
        long record = 0;
        var batch = new List<CatalogueRecord>(options.BatchRows);
        var created = new CreatedNames();
        foreach (var line in ImportFiles.Read(job.Path, job.Format))
        {
            if (line.Row == 0 || ++record <= job.AppliedRows)
            {
                continue;
            }

            // The check pass has read this very file without an error: every record parses.
            batch.Add(CatalogueRecord.Parse(line.Values, new Errors(), line.Structured)!);
            if (batch.Count == options.BatchRows)
            {
                counts = await ApplyBatch(job, batch, record, counts, created, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            counts = await ApplyBatch(job, batch, record, counts, created, cancellationToken);
        }

        return new ImportResult(record, counts.Created, counts.Updated, counts.Unchanged, [], 0, created.Agencies, created.Fields, record);
    }

    private async Task<Counts> ResumePoint(ImportJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await ImportQueries.Find(connection, job.Id, cancellationToken);
        return row is null ? default : new Counts(row.CreatedCount, row.UpdatedCount, row.UnchangedCount);
    }

    private async Task<Counts> ApplyBatch(
        ImportJob job, List<CatalogueRecord> batch, long appliedThrough, Counts counts, CreatedNames created, CancellationToken cancellationToken)
    {
        // One batch a turn: a writer that arrived meanwhile goes before the next batch.
        using var turn = await writers.Take(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var state = await State.Load(connection, transaction, job.Jurisdiction, batch.Select(record => record.Code).ToList(), clock.Today, cancellationToken);
        var plan = new Plan(job, state, write: true, database.Dialect, created);
        var now = clock.UtcNow;
        foreach (var record in batch)
        {
            var rowErrors = new Errors();
            await plan.Row(connection, transaction, record, rowErrors, now, cancellationToken);
            if (rowErrors.Any)
            {
                // Only a change made by someone else since the check (an agency renamed, say) can get here.
                throw new ImportFileException($"Procedure {record.Code} can no longer be applied: {rowErrors}");
            }
        }

        var total = counts + plan.Counts;
        await ImportQueries.RecordBatch(connection, transaction, job.Id, appliedThrough, total.Created, total.Updated, total.Unchanged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    private static string? CodeOf(ImportLine line) =>
        line.Values.TryGetValue("code", out var code) && !string.IsNullOrWhiteSpace(code) ? CatalogueRecord.Quote(code.Trim()) : null;

    private static void CheckColumns(IEnumerable<string> headers, ErrorList errors)
    {
        var present = headers.Select(ImportFiles.Canonical).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in ImportFiles.UnknownColumns(headers))
        {
            errors.Add(new ImportError(1, CatalogueRecord.Quote(unknown),
                $"'{CatalogueRecord.Quote(unknown)}' is not a column of the catalogue; the columns are: {string.Join(", ", CatalogueRecord.Columns)}."));
        }

        foreach (var missing in RequiredColumns.Where(column => !present.Contains(column)))
        {
            errors.Add(new ImportError(1, missing, $"The file has no column '{missing}'."));
        }
    }

    internal readonly record struct Counts(long Created, long Updated, long Unchanged)
    {
        public static Counts operator +(Counts left, Counts right) =>
            new(left.Created + right.Created, left.Updated + right.Updated, left.Unchanged + right.Unchanged);
    }

    /// <summary>The errors of a file: every one counted, the first <see cref="MaxListedErrors"/> kept, so that a file of bad rows costs no memory per row.</summary>
    private sealed class ErrorList
    {
        public List<ImportError> Listed { get; } = [];

        public long Count { get; private set; }

        public void Add(ImportError error)
        {
            Count++;
            if (Listed.Count < MaxListedErrors)
            {
                Listed.Add(error);
            }
        }

        public void Add(int row, string? code, Errors rowErrors)
        {
            foreach (var (field, messages) in rowErrors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    Add(new ImportError(row, field, message, code));
                }
            }
        }
    }

    /// <summary>Names created by an import, or that a dry run would create.</summary>
    internal sealed class CreatedNames
    {
        public SortedSet<string> Agencies { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Fields { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// What the catalogue holds, to match records against: all of the jurisdiction for the check, the batch's procedures
    /// for a batch. Documents and legal basis are kept as digests for the check (a jurisdiction can hold millions of
    /// documents) and as rows for a batch, which changes them.
    /// </summary>
    private sealed record State(
        Dictionary<string, ProcedureRow> Procedures,
        Dictionary<long, List<Documents.DocumentRow>> Documents,
        Dictionary<long, string> DocumentDigests,
        Dictionary<long, string> DocumentNameDigests,
        Dictionary<long, string> LegalBasisDigests,
        HashSet<(long, DateOnly, decimal, string)> TimeEntries,
        HashSet<(long, DateOnly, long, long, decimal, long?)> CostEntries,
        Dictionary<string, (long Id, string Name)> Fields,
        Dictionary<string, (long Id, string Name)> Agencies,
        ImportPartsState Parts)
    {
        /// <remarks>The procedures' dated attributes as in force on <paramref name="today"/>, the day a record's changes take effect unless it says.</remarks>
        public static async Task<State> Load(
            DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<string>? codes, DateOnly today, CancellationToken cancellationToken)
        {
            var procedures = await ImportQueries.Procedures(connection, transaction, jurisdiction, codes, today, cancellationToken);
            var ids = codes is null ? null : procedures.Values.Select(row => row.Id).ToList();
            var documents = new Dictionary<long, List<Documents.DocumentRow>>();
            var digests = new Dictionary<long, string>();
            var nameDigests = new Dictionary<long, string>();
            await foreach (var group in ImportQueries.Documents(connection, transaction, jurisdiction, ids, cancellationToken))
            {
                if (codes is null)
                {
                    digests[group.Key] = DocumentDigest(group.Value.Select(Desired));
                    nameDigests[group.Key] = NameDigest(group.Value.Select(row => (row.Name, row.ProvidedOnce)));
                }
                else
                {
                    documents[group.Key] = group.Value;
                }
            }

            return new State(
                procedures, documents, digests, nameDigests,
                await ImportQueries.LegalBasisDigests(connection, transaction, jurisdiction, ids, LegalBasisDigest, cancellationToken),
                await ImportQueries.TimeEntries(connection, transaction, jurisdiction, ids, cancellationToken),
                await ImportQueries.CostEntries(connection, transaction, jurisdiction, ids, cancellationToken),
                await ImportQueries.Fields(connection, transaction, cancellationToken),
                await ImportQueries.Agencies(connection, transaction, jurisdiction, cancellationToken),
                await ImportPartsState.Load(connection, transaction, jurisdiction, ids, cancellationToken));
        }
    }

    private static DocumentValues Desired(Documents.DocumentRow row) =>
        new(row.Name, row.ProvidedOnce, row.TemplateName, row.Originals, row.Copies, row.CaseNote, row.DataSource, Complete: true);

    private static string Digest(IEnumerable<string> parts) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\u001f", parts))), 0, 16);

    private static string DocumentDigest(IEnumerable<DocumentValues> documents) =>
        Digest(documents.Select(document => string.Join("\u001e", document.Name, document.ProvidedOnce, document.TemplateName, document.Originals, document.Copies, document.CaseNote, document.DataSource)));

    private static string NameDigest(IEnumerable<(string Name, bool ProvidedOnce)> documents) =>
        Digest(documents.Select(document => document.Name + "\u001e" + document.ProvidedOnce));

    internal static string LegalBasisDigest(IEnumerable<LegalBasisEntry> entries) =>
        Digest(entries.Select(entry => string.Join("\u001e", entry.Number.Trim(), entry.Title.Trim(), entry.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.Issuer?.Trim())));

    /// <summary>
    /// Matches one record against the state and, when <c>write</c>, makes the catalogue say what it says. The check pass
    /// runs the same decisions without writing, so that a dry run counts exactly what the import would do.
    /// </summary>
    private sealed class Plan(ImportJob job, State state, bool write, SqlDialect? dialect = null, CreatedNames? created = null)
    {
        private readonly CreatedNames names = created ?? new CreatedNames();

        public Counts Counts { get; private set; }

        public ImportResult Result(long processed, ErrorList errors) => new(
            processed, Counts.Created, Counts.Updated, Counts.Unchanged, errors.Listed, errors.Count, names.Agencies, names.Fields, 0);

        public async Task Row(DbConnection? connection, DbTransaction? transaction, CatalogueRecord record, Errors errors, DateTime now, CancellationToken cancellationToken)
        {
            var fieldId = await Reference(connection, transaction, state.Fields, names.Fields, "field", record.Field, job.MayCreateFields, errors, now, cancellationToken);
            var agencyId = await Reference(connection, transaction, state.Agencies, names.Agencies, "agency", record.Agency, true, errors, now, cancellationToken);
            var parts = await ImportParts.Resolve(state.Parts, state.Procedures.GetValueOrDefault(record.Code)?.Id, record,
                (column, name) => Reference(connection, transaction, state.Agencies, names.Agencies, column, name, true, errors, now, cancellationToken), errors);
            if (errors.Any)
            {
                return;
            }

            var description = new ProcedureUpsert(
                record.Name, record.Level, record.Kind, record.BusinessRelated, record.OnlineLevel, record.FullOnlineEligible, record.BoundaryFree,
                fieldId, agencyId, record.LastReviewedOn, null, null, record.TechnicalRegulation, record.EffectiveFrom, record.DecisionRef);
            if (!state.Procedures.TryGetValue(record.Code, out var existing))
            {
                if (write)
                {
                    await Create(connection!, transaction!, record, description, parts, now, cancellationToken);
                }

                Counts += new Counts(1, 0, 0);
                return;
            }

            var changed = write
                ? await Change(connection!, transaction!, existing, record, description, parts, now, cancellationToken)
                : WouldChange(existing, record, description) || ImportParts.WouldChange(state.Parts, existing.Id, parts);
            Counts += changed ? new Counts(0, 1, 0) : new Counts(0, 0, 1);
        }

        /// <summary>
        /// The id of the agency or field a record names, matched by name ignoring case and Unicode form. A missing one is a
        /// row error unless the import asks to create it (and the key may).
        /// </summary>
        private async Task<long> Reference(
            DbConnection? connection, DbTransaction? transaction, Dictionary<string, (long Id, string Name)> known, SortedSet<string> createdNames, string column,
            string name, bool mayCreate, Errors errors, DateTime now, CancellationToken cancellationToken)
        {
            var key = TextRules.NameKey(name);
            if (known.TryGetValue(key, out var found))
            {
                return found.Id;
            }

            var what = column == "field" ? "field" : $"agency of {job.Jurisdiction}";
            if (!job.CreateMissing)
            {
                var similar = known.Values.FirstOrDefault(candidate => SearchText.Fold(candidate.Name) == SearchText.Fold(name)).Name;
                errors.Add(column, $"'{CatalogueRecord.Quote(name)}' is not a known {what}"
                    + (similar is null ? "" : $" (did you mean '{CatalogueRecord.Quote(similar)}'?)")
                    + "; correct the name, or send createMissing=true to create it.");
                return 0;
            }

            if (!mayCreate)
            {
                errors.Add(column, $"'{CatalogueRecord.Quote(name)}' is not a known field, and only an admin key may create fields.");
                return 0;
            }

            if (createdNames.Count < MaxListedErrors)
            {
                createdNames.Add(name);
            }

            long id = 0;
            if (write)
            {
                var actor = job.Actor;
                if (column == "field")
                {
                    id = await FieldQueries.Insert(connection!, transaction!, dialect!, new FieldInput(name), now, cancellationToken);
                    await ChangeLog.Record(connection!, transaction!, new ChangeEntry("field", Text(id), "created", Version: 1), actor, now, cancellationToken);
                }
                else
                {
                    id = await AgencyQueries.Insert(connection!, transaction!, dialect!, new AgencyCreate(job.Jurisdiction, name), now, cancellationToken);
                    await ChangeLog.Record(connection!, transaction!,
                        new ChangeEntry("agency", Text(id), "created", Jurisdiction: job.Jurisdiction, Version: 1), actor, now, cancellationToken);
                }
            }

            known[key] = (id, name);
            return id;
        }

        private async Task Create(
            DbConnection connection, DbTransaction transaction, CatalogueRecord record, ProcedureUpsert description, ImportedParts parts, DateTime now, CancellationToken cancellationToken)
        {
            var recorder = Attributes.Recorder.At(now, job.Actor);
            long version = 1;
            var procedureId = await ProcedureQueries.Insert(connection, transaction, dialect!, description.ToCreate(job.Jurisdiction, record.Code), recorder, async id =>
            {
                // A new procedure's documents count from the beginning, like its attributes.
                await DocumentQueries.Sync(connection, transaction, dialect!, id, [], record.Documents, recorder, Attributes.AttributeQueries.Beginning, record.DecisionRef,
                    cancellationToken);
                if (record.LegalBasis is { Count: > 0 } legalBasis)
                {
                    await ProcedureQueries.ReplaceLegalBasis(connection, transaction, id, legalBasis, cancellationToken);
                }

                if (record.Status == ProcedureStatus.Abolished)
                {
                    await ProcedureQueries.ChangeStatus(connection, transaction, id, version++, ProcedureStatus.Abolished, record.AbolishedOn, now, cancellationToken);
                }

                await AddHistory(connection, transaction, id, record, now, cancellationToken);
            }, cancellationToken);
            await ImportParts.Apply(connection, transaction, dialect!, state.Parts, procedureId, record.Code, record.Name, true, parts, now, cancellationToken);
            await ChangeLog.Record(connection, transaction,
                new ChangeEntry("procedure", Text(procedureId), "created", procedureId, job.Jurisdiction, record.Code, version), job.Actor, now, cancellationToken);
        }

        private bool WouldChange(ProcedureRow existing, CatalogueRecord record, ProcedureUpsert description) =>
            !ProcedureUpserts.SameDescription(existing, description)
            || DocumentsDiffer(existing.Id, record.Documents)
            || (record.LegalBasis is { } legalBasis && state.LegalBasisDigests.GetValueOrDefault(existing.Id, LegalBasisDigest([])) != LegalBasisDigest(legalBasis))
            || existing.Status != EnumText.Of(record.Status) || existing.AbolishedOn != record.AbolishedOn
            || TimeEntries(existing.Id, record).Any(entry => !state.TimeEntries.Contains(TimeKey(existing.Id, entry)))
            || CostEntries(existing.Id, record).Any(entry => !state.CostEntries.Contains(CostKey(existing.Id, entry)));

        private bool DocumentsDiffer(long procedureId, IReadOnlyList<DocumentValues> documents) =>
            documents.Count > 0 && (documents.All(document => document.Complete)
                ? state.DocumentDigests.GetValueOrDefault(procedureId, DocumentDigest([])) != DocumentDigest(documents.Select(Defaulted))
                : state.DocumentNameDigests.GetValueOrDefault(procedureId, NameDigest([])) != NameDigest(documents.Select(document => (document.Name, document.ProvidedOnce))));

        /// <summary>Makes the procedure say what the record says, its rows derived once at the end. True when anything changed.</summary>
        private Task<bool> Change(
            DbConnection connection, DbTransaction transaction, ProcedureRow existing, CatalogueRecord record, ProcedureUpsert description, ImportedParts parts,
            DateTime now, CancellationToken cancellationToken) =>
            Attributes.DerivedWindows.Once(connection, transaction, existing.Id,
                () => ChangeNow(connection, transaction, existing, record, description, parts, now, cancellationToken), cancellationToken);

        private async Task<bool> ChangeNow(
            DbConnection connection, DbTransaction transaction, ProcedureRow existing, CatalogueRecord record, ProcedureUpsert description, ImportedParts parts,
            DateTime now, CancellationToken cancellationToken)
        {
            var version = existing.Version;
            var changed = false;
            var recorder = Attributes.Recorder.At(now, job.Actor);
            var from = record.EffectiveFrom ?? recorder.Today;
            if (record.EffectiveFrom is { } day && day != recorder.Today)
            {
                // The state holds today's values; a record that names its own day is compared with that day's.
                existing = (await ProcedureQueries.Find(connection, existing.Id, cancellationToken, transaction, day))!;
            }

            if (!ProcedureUpserts.SameDescription(existing, description))
            {
                await ProcedureQueries.Update(connection, transaction, dialect!, existing.Id, version++, description.ToUpdate(record.Code), recorder, cancellationToken);
                changed = true;
            }

            if (existing.Status != EnumText.Of(record.Status) || existing.AbolishedOn != record.AbolishedOn)
            {
                await ProcedureQueries.ChangeStatus(connection, transaction, existing.Id, version++, record.Status, record.AbolishedOn, now, cancellationToken);
                changed = true;
            }

            var bumped = changed;
            if (record.Documents.Count > 0)
            {
                changed |= await DocumentQueries.Sync(connection, transaction, dialect!, existing.Id, state.Documents.GetValueOrDefault(existing.Id) ?? [], record.Documents,
                    recorder, from, record.DecisionRef, cancellationToken);
            }

            if (record.LegalBasis is { } legalBasis
                && LegalBasisDigest((await ProcedureQueries.LegalBasis(connection, existing.Id, cancellationToken, transaction))
                    .Select(row => new LegalBasisEntry(row.Number, row.Title, row.IssuedOn, row.Issuer))) != LegalBasisDigest(legalBasis))
            {
                await ProcedureQueries.ReplaceLegalBasis(connection, transaction, existing.Id, legalBasis, cancellationToken);
                changed = true;
            }

            changed |= await AddHistory(connection, transaction, existing.Id, record, now, cancellationToken);
            changed |= await ImportParts.Apply(connection, transaction, dialect!, state.Parts, existing.Id, record.Code, record.Name,
                !ProcedureUpserts.SameDescription(existing, description), parts, now, cancellationToken);
            if (!changed)
            {
                return false;
            }

            // Documents, legal basis and history are parts of the procedure: a change of any of them is a new version.
            if (!bumped)
            {
                version = await ProcedureQueries.Touch(connection, transaction, existing.Id, now, cancellationToken);
            }

            await ChangeLog.Record(connection, transaction,
                new ChangeEntry("procedure", Text(existing.Id), "updated", existing.Id, job.Jurisdiction, record.Code, version), job.Actor, now, cancellationToken);
            return true;
        }

        private async Task<bool> AddHistory(DbConnection connection, DbTransaction transaction, long procedureId, CatalogueRecord record, DateTime now, CancellationToken cancellationToken)
        {
            var added = false;
            foreach (var entry in TimeEntries(procedureId, record))
            {
                if (state.TimeEntries.Add(TimeKey(procedureId, entry)))
                {
                    await HistoryQueries.AppendTime(connection, transaction, dialect!, procedureId, entry, now, cancellationToken);
                    added = true;
                }
            }

            foreach (var entry in CostEntries(procedureId, record))
            {
                if (state.CostEntries.Add(CostKey(procedureId, entry)))
                {
                    await HistoryQueries.AppendCost(connection, transaction, dialect!, procedureId, entry, now, cancellationToken);
                    added = true;
                }
            }

            return added;
        }

        private static IEnumerable<TimeEntryInput> TimeEntries(long procedureId, CatalogueRecord record) =>
            (record.TimeHistory ?? []).Concat(record.TimeEntry is { } entry ? [entry] : []);

        private static IEnumerable<CostEntryInput> CostEntries(long procedureId, CatalogueRecord record) =>
            (record.CostHistory ?? []).Concat(record.CostEntry is { } entry ? [entry] : []);

        private static (long, DateOnly, decimal, string) TimeKey(long procedureId, TimeEntryInput entry) =>
            (procedureId, entry.EffectiveFrom!.Value, entry.Amount!.Value, EnumText.Of(entry.Unit!.Value));

        private static (long, DateOnly, long, long, decimal, long?) CostKey(long procedureId, CostEntryInput entry) =>
            (procedureId, entry.EffectiveFrom!.Value, entry.FeeVnd!.Value, entry.OtherCostVnd!.Value, entry.ApplicantHours!.Value, entry.AnnualFilings);
    }

    /// <summary>A complete document as it would be stored.</summary>
    private static DocumentValues Defaulted(DocumentValues document) => document with
    {
        TemplateName = Blank(document.TemplateName), CaseNote = Blank(document.CaseNote), DataSource = Blank(document.DataSource),
        Originals = document.Originals ?? 1, Copies = document.Copies ?? 0,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
