using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Attributes;

/// <summary>Who records an entry and when: the write's instant, its day in Vietnam (a change's default effectiveFrom) and the caller's name.</summary>
internal sealed record Recorder(DateTime Now, DateOnly Today, string By)
{
    public static Recorder At(DateTime now, Access.Actor actor) => new(now, CatalogClock.DateOf(now), actor.Name);
}

/// <summary>
/// The dated histories of migration 0011: a procedure's attributes, its documents' provided-once marks and its reviews.
/// Entries are only ever added (or removed when entered by mistake); what is in force on a date is read from the
/// windows the database derives from them (procedure_windows, document_windows; db/*/views/0100_history_windows.sql).
/// </summary>
internal static class AttributeQueries
{
    /// <summary>From the beginning: what a new procedure is given, and what the catalogue held before these histories.</summary>
    public static readonly DateOnly Beginning = DateOnly.MinValue;

    private const string EntryColumns = "id, procedure_id, attribute, value, effective_from, decision_ref, recorded_at, recorded_by";
    private const string ProvidedOnceColumns = "id, document_id, procedure_id, provided_once, effective_from, decision_ref, recorded_at, recorded_by";
    private const string ReviewColumns = "id, procedure_id, reviewed_on, decision_ref, note, recorded_at, recorded_by";
    private const string HoldsOn = "valid_from <= @On AND (valid_to IS NULL OR valid_to > @On)";

    private sealed record ValuesRow
    {
        public string? Kind { get; init; }
        public bool? BusinessRelated { get; init; }
        public string? OnlineLevel { get; init; }
        public bool? FullOnlineEligible { get; init; }
        public bool? BoundaryFree { get; init; }
        public bool? TechnicalRegulation { get; init; }
    }

    /// <summary>The attributes in force on a date, each as stored (null where nothing is in force yet).</summary>
    public static async Task<IReadOnlyDictionary<DatedAttribute, string?>> InForce(
        DbConnection connection, DbTransaction? transaction, long procedureId, DateOnly on, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ValuesRow>(new CommandDefinition(
            $"SELECT kind, business_related, online_level, full_online_eligible, boundary_free, technical_regulation FROM procedure_windows WHERE procedure_id = @ProcedureId AND {HoldsOn}",
            new { ProcedureId = procedureId, On = on }, transaction, cancellationToken: cancellationToken)) ?? new ValuesRow();
        static string? Flag(bool? value) => value is { } flag ? DatedValues.Flag(flag) : null;
        return new Dictionary<DatedAttribute, string?>
        {
            [DatedAttribute.Kind] = row.Kind,
            [DatedAttribute.BusinessRelated] = Flag(row.BusinessRelated),
            [DatedAttribute.OnlineLevel] = row.OnlineLevel,
            [DatedAttribute.FullOnlineEligible] = Flag(row.FullOnlineEligible),
            [DatedAttribute.BoundaryFree] = Flag(row.BoundaryFree),
            [DatedAttribute.TechnicalRegulation] = Flag(row.TechnicalRegulation),
        };
    }

    /// <summary>Records each value as an entry in force from <paramref name="from"/>; the ids of the new entries.</summary>
    public static async Task<IReadOnlyList<long>> Record(
        DbConnection connection, DbTransaction transaction, Database.SqlDialect dialect, long procedureId, IEnumerable<(DatedAttribute Attribute, string Value)> values,
        DateOnly from, string? decisionRef, Recorder recorder, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var (attribute, value) in values)
        {
            ids.Add(await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO attribute_history (procedure_id, attribute, value, effective_from, decision_ref, recorded_at, recorded_by)
                VALUES (@ProcedureId, @Attribute, @Value, @From, @DecisionRef, @Now, @By);
                """ + dialect.SelectInsertedId,
                new { ProcedureId = procedureId, Attribute = EnumText.Of(attribute), Value = value, From = from, DecisionRef = decisionRef?.Trim(), recorder.Now, recorder.By },
                transaction, cancellationToken: cancellationToken)));
        }

        return ids;
    }

    /// <summary>
    /// Records every value given in force from <paramref name="from"/> in one statement, without their ids: a new
    /// procedure's six attributes cost one statement instead of six (on SQLite each statement that writes a history
    /// compiles the derivation's triggers into itself).
    /// </summary>
    public static async Task RecordAll(
        DbConnection connection, DbTransaction transaction, long procedureId, IEnumerable<(DatedAttribute Attribute, string Value)> values,
        DateOnly from, string? decisionRef, Recorder recorder, CancellationToken cancellationToken)
    {
        var given = values.ToList();
        if (given.Count == 0)
        {
            return;
        }

        var parameters = new Dictionary<string, object?>
        {
            ["ProcedureId"] = procedureId, ["From"] = from, ["DecisionRef"] = decisionRef?.Trim(), ["Now"] = recorder.Now, ["By"] = recorder.By,
        };
        for (var index = 0; index < given.Count; index++)
        {
            parameters[$"A{index}"] = EnumText.Of(given[index].Attribute);
            parameters[$"V{index}"] = given[index].Value;
        }

        await Database.KeptStatements.ExecuteAsync(transaction,
            "INSERT INTO attribute_history (procedure_id, attribute, value, effective_from, decision_ref, recorded_at, recorded_by) VALUES "
            + string.Join(", ", given.Select((_, index) => $"(@ProcedureId, @A{index}, @V{index}, @From, @DecisionRef, @Now, @By)")),
            parameters, cancellationToken);
    }

    /// <summary>
    /// The values of a body that differ from those in force on <paramref name="from"/>, recorded as entries from that day;
    /// the ids of the new entries (none when the body says what is in force then).
    /// </summary>
    public static async Task<IReadOnlyList<long>> Change(
        DbConnection connection, DbTransaction transaction, Database.SqlDialect dialect, long procedureId, IEnumerable<(DatedAttribute Attribute, string Value)> desired,
        DateOnly from, string? decisionRef, Recorder recorder, CancellationToken cancellationToken)
    {
        var current = await InForce(connection, transaction, procedureId, from, cancellationToken);
        var changed = desired.Where(value => current[value.Attribute] != value.Value).ToList();
        return changed.Count == 0 ? [] : await Record(connection, transaction, dialect, procedureId, changed, from, decisionRef, recorder, cancellationToken);
    }

    /// <summary>True when every value given is the one in force on <paramref name="on"/>.</summary>
    public static async Task<bool> AreInForce(
        DbConnection connection, DbTransaction? transaction, long procedureId, IEnumerable<(DatedAttribute Attribute, string Value)> values, DateOnly on, CancellationToken cancellationToken)
    {
        var current = await InForce(connection, transaction, procedureId, on, cancellationToken);
        return values.All(value => current[value.Attribute] == value.Value);
    }

    public static Task<IEnumerable<AttributeEntryRow>> Entries(
        DbConnection connection, long procedureId, DatedAttribute? attribute, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryAsync<AttributeEntryRow>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM attribute_history WHERE procedure_id = @ProcedureId AND (@Attribute IS NULL OR attribute = @Attribute) "
            + "ORDER BY attribute, effective_from, recorded_at, id",
            new { ProcedureId = procedureId, Attribute = EnumText.Of(attribute) }, transaction, cancellationToken: cancellationToken));

    public static Task<IEnumerable<AttributeEntryRow>> EntriesOf(
        DbConnection connection, DbTransaction transaction, long procedureId, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        connection.QueryAsync<AttributeEntryRow>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM attribute_history WHERE procedure_id = @ProcedureId AND id IN @Ids ORDER BY attribute, effective_from, recorded_at, id",
            new { ProcedureId = procedureId, Ids = ids }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The entry, and whether it is the earliest of its attribute: a procedure always has a value of each attribute, so the
    /// first entry stays (a wrong one is corrected by a new entry).
    /// </summary>
    public static Task<(long Id, bool Earliest)?> FindEntry(DbConnection connection, DbTransaction transaction, long procedureId, long entryId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<(long Id, bool Earliest)?>(new CommandDefinition(
            EntryAndWhetherEarliest("attribute_history", "e.procedure_id = h.procedure_id AND e.attribute = h.attribute", "h.procedure_id = @Owner"),
            new { Owner = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    /// <summary>An entry of a history, and whether no entry of its series comes before it in the order of section 3.</summary>
    private static string EntryAndWhetherEarliest(string table, string sameSeries, string owner) =>
        $"""
        SELECT h.id,
               CASE WHEN EXISTS (
                   SELECT 1 FROM {table} e
                   WHERE {sameSeries}
                     AND (e.effective_from < h.effective_from OR (e.effective_from = h.effective_from AND (e.recorded_at < h.recorded_at OR (e.recorded_at = h.recorded_at AND e.id < h.id)))))
               THEN 0 ELSE 1 END AS earliest
        FROM {table} h
        WHERE {owner} AND h.id = @EntryId
        """;

    public static Task<int> RemoveEntry(DbConnection connection, DbTransaction transaction, long procedureId, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM attribute_history WHERE procedure_id = @ProcedureId AND id = @EntryId",
            new { ProcedureId = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Records the provided-once marks of several documents of a procedure in force from <paramref name="from"/>, in one
    /// statement: on SQLite each statement that writes a history compiles the derivation's triggers into itself.
    /// </summary>
    public static async Task RecordProvidedOnce(
        DbConnection connection, DbTransaction transaction, long procedureId, IReadOnlyList<(long DocumentId, bool ProvidedOnce)> marks, DateOnly from,
        string? decisionRef, Recorder recorder, CancellationToken cancellationToken)
    {
        if (marks.Count == 0)
        {
            return;
        }

        var parameters = new Dictionary<string, object?>
        {
            ["ProcedureId"] = procedureId, ["From"] = from, ["DecisionRef"] = decisionRef?.Trim(), ["Now"] = recorder.Now, ["By"] = recorder.By,
        };
        for (var index = 0; index < marks.Count; index++)
        {
            parameters[$"D{index}"] = marks[index].DocumentId;
            parameters[$"M{index}"] = marks[index].ProvidedOnce;
        }

        await Database.KeptStatements.ExecuteAsync(transaction,
            "INSERT INTO provided_once_history (document_id, procedure_id, provided_once, effective_from, decision_ref, recorded_at, recorded_by) VALUES "
            + string.Join(", ", marks.Select((_, index) => $"(@D{index}, @ProcedureId, @M{index}, @From, @DecisionRef, @Now, @By)")),
            parameters, cancellationToken);
    }

    /// <summary>Records a document's provided-once mark in force from <paramref name="from"/>.</summary>
    public static Task<long> RecordProvidedOnce(
        DbConnection connection, DbTransaction transaction, Database.SqlDialect dialect, long procedureId, long documentId, bool providedOnce, DateOnly from,
        string? decisionRef, Recorder recorder, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO provided_once_history (document_id, procedure_id, provided_once, effective_from, decision_ref, recorded_at, recorded_by)
            VALUES (@DocumentId, @ProcedureId, @ProvidedOnce, @From, @DecisionRef, @Now, @By);
            """ + dialect.SelectInsertedId,
            new { DocumentId = documentId, ProcedureId = procedureId, ProvidedOnce = providedOnce, From = from, DecisionRef = decisionRef?.Trim(), recorder.Now, recorder.By },
            transaction, cancellationToken: cancellationToken));

    /// <summary>The mark of a document in force on a date; null when it has none yet (the document counts from its first entry).</summary>
    public static Task<bool?> ProvidedOnceInForce(DbConnection connection, DbTransaction? transaction, long documentId, DateOnly on, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            $"SELECT provided_once FROM document_windows WHERE document_id = @DocumentId AND {HoldsOn}",
            new { DocumentId = documentId, On = on }, transaction, cancellationToken: cancellationToken));

    /// <summary>The documents of procedure @ProcedureId in force on @AsOf (those with a mark then), each with its provided-once mark then.</summary>
    internal const string ProvidedOnceOnStatement =
        "SELECT document_id, provided_once FROM document_windows WHERE procedure_id = @ProcedureId AND valid_from <= @AsOf AND (valid_to IS NULL OR valid_to > @AsOf)";

    public static async Task<IReadOnlyDictionary<long, bool>> ProvidedOnceOn(
        DbConnection connection, long procedureId, DateOnly on, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<(long DocumentId, bool ProvidedOnce)>(new CommandDefinition(
            ProvidedOnceOnStatement, new { ProcedureId = procedureId, AsOf = on }, transaction, cancellationToken: cancellationToken)))
        .ToDictionary(row => row.DocumentId, row => row.ProvidedOnce);

    public static Task<IEnumerable<ProvidedOnceEntryRow>> ProvidedOnceEntries(
        DbConnection connection, long procedureId, long documentId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryAsync<ProvidedOnceEntryRow>(new CommandDefinition(
            $"SELECT {ProvidedOnceColumns} FROM provided_once_history WHERE procedure_id = @ProcedureId AND document_id = @DocumentId ORDER BY effective_from, recorded_at, id",
            new { ProcedureId = procedureId, DocumentId = documentId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The entry, and whether it is the document's earliest (which stays: the document counts from it).</summary>
    public static Task<(long Id, bool Earliest)?> FindProvidedOnceEntry(
        DbConnection connection, DbTransaction transaction, long documentId, long entryId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<(long Id, bool Earliest)?>(new CommandDefinition(
            EntryAndWhetherEarliest("provided_once_history", "e.document_id = h.document_id", "h.document_id = @Owner"),
            new { Owner = documentId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveProvidedOnceEntry(DbConnection connection, DbTransaction transaction, long documentId, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM provided_once_history WHERE document_id = @DocumentId AND id = @EntryId",
            new { DocumentId = documentId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<long> AddReview(
        DbConnection connection, DbTransaction transaction, Database.SqlDialect dialect, long procedureId, DateOnly reviewedOn, string? decisionRef, string? note,
        Recorder recorder, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO procedure_reviews (procedure_id, reviewed_on, decision_ref, note, recorded_at, recorded_by)
            VALUES (@ProcedureId, @ReviewedOn, @DecisionRef, @Note, @Now, @By);
            """ + dialect.SelectInsertedId,
            new { ProcedureId = procedureId, ReviewedOn = reviewedOn, DecisionRef = decisionRef?.Trim(), Note = note?.Trim(), recorder.Now, recorder.By },
            transaction, cancellationToken: cancellationToken));

    /// <summary>A review named by the flat lastReviewedOn of a body: added unless the procedure already has one that day. True when added.</summary>
    public static async Task<bool> ReviewOn(
        DbConnection connection, DbTransaction transaction, Database.SqlDialect dialect, long procedureId, DateOnly? reviewedOn, string? decisionRef, Recorder recorder,
        CancellationToken cancellationToken)
    {
        if (reviewedOn is not { } day || await HasReviewOn(connection, transaction, procedureId, day, cancellationToken))
        {
            return false;
        }

        await AddReview(connection, transaction, dialect, procedureId, day, decisionRef, null, recorder, cancellationToken);
        return true;
    }

    public static async Task<bool> HasReviewOn(DbConnection connection, DbTransaction? transaction, long procedureId, DateOnly day, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM procedure_reviews WHERE procedure_id = @ProcedureId AND reviewed_on = @Day",
            new { ProcedureId = procedureId, Day = day }, transaction, cancellationToken: cancellationToken)) > 0;

    public static Task<IEnumerable<ReviewRow>> Reviews(DbConnection connection, long procedureId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryAsync<ReviewRow>(new CommandDefinition(
            $"SELECT {ReviewColumns} FROM procedure_reviews WHERE procedure_id = @ProcedureId ORDER BY reviewed_on, recorded_at, id",
            new { ProcedureId = procedureId }, transaction, cancellationToken: cancellationToken));

    public static Task<ReviewRow?> FindReview(DbConnection connection, DbTransaction? transaction, long procedureId, long reviewId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ReviewRow>(new CommandDefinition(
            $"SELECT {ReviewColumns} FROM procedure_reviews WHERE procedure_id = @ProcedureId AND id = @ReviewId",
            new { ProcedureId = procedureId, ReviewId = reviewId }, transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveReview(DbConnection connection, DbTransaction transaction, long procedureId, long reviewId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM procedure_reviews WHERE procedure_id = @ProcedureId AND id = @ReviewId",
            new { ProcedureId = procedureId, ReviewId = reviewId }, transaction, cancellationToken: cancellationToken));
}
