using System.Data.Common;
using System.Text;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>The filters of the procedure list, already parsed and checked.</summary>
internal sealed record ProcedureFilter
{
    public string? Jurisdiction { get; init; }
    public ProcedureLevel? Level { get; init; }
    public ProcedureKind? Kind { get; init; }
    public bool? BusinessRelated { get; init; }
    public OnlineLevel? OnlineLevel { get; init; }
    public bool? FullOnlineEligible { get; init; }
    public bool? BoundaryFree { get; init; }
    public bool? TechnicalRegulation { get; init; }
    public long? FieldId { get; init; }
    public long? AgencyId { get; init; }
    public ProcedureStatus? Status { get; init; }
    public IReadOnlyList<string> SearchTerms { get; init; } = [];

    /// <summary>A filter on an attribute that has a date: it holds on the date asked.</summary>
    public bool IsDated => Kind is not null || BusinessRelated is not null || OnlineLevel is not null || FullOnlineEligible is not null || BoundaryFree is not null
        || TechnicalRegulation is not null;
}

internal static class ProcedureQueries
{
    /// <summary>
    /// A procedure with its dated attributes as in force on @AsOf (DateOnly.MaxValue: the latest, those from the last change
    /// on), read from its window (procedure_windows, db/*/views/0100_history_windows.sql). The procedure's own columns hold
    /// the latest values too and stand in for a procedure whose windows are not derived yet.
    /// </summary>
    private const string ProcedureColumns =
        """
        SELECT p.id, p.jurisdiction_code, p.code, p.name, p.level, COALESCE(w.kind, p.kind) AS kind,
               COALESCE(w.business_related, p.business_related) AS business_related, COALESCE(w.online_level, p.online_level) AS online_level,
               COALESCE(w.full_online_eligible, p.full_online_eligible) AS full_online_eligible, COALESCE(w.boundary_free, p.boundary_free) AS boundary_free,
               COALESCE(w.technical_regulation, p.technical_regulation) AS technical_regulation,
               p.field_id, f.name AS field_name, p.agency_id, a.name AS agency_name,
               p.status, p.abolished_on, CASE WHEN w.procedure_id IS NULL THEN p.last_reviewed_on ELSE w.last_reviewed_on END AS last_reviewed_on,
               p.created_at, p.updated_at, p.version
        """;

    /// <summary>The window of a procedure <c>p</c> that holds @AsOf.</summary>
    private const string WindowOnAsOf = "procedure_windows w ON w.procedure_id = p.id AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)";

    private const string FromProcedures =
        $"""

        FROM procedures p
        JOIN fields f ON f.id = p.field_id
        JOIN agencies a ON a.id = p.agency_id
        LEFT JOIN {WindowOnAsOf}
        """;

    /// <summary>The latest values: of the last window, open at its end.</summary>
    public static readonly DateOnly Latest = DateOnly.MaxValue;

    private const string SelectProcedure = ProcedureColumns + FromProcedures;

    /// <summary>Sort keys a client may ask for, and the columns they stand for; the id settles ties.</summary>
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code"] = "p.code",
        ["name"] = "p.name",
        ["jurisdiction"] = "p.jurisdiction_code",
        ["updatedAt"] = "p.updated_at",
        ["createdAt"] = "p.created_at",
    };

    public const int MaxSearchTerms = 8;

    public static async Task<(IReadOnlyList<ProcedureRow> Rows, long Total)> List(
        DbConnection connection, SqlDialect dialect, ProcedureFilter filter, IReadOnlyList<(string Key, bool Descending)> sort,
        int page, int pageSize, DateOnly asOf, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(filter, dialect);
        parameters.Add("AsOf", asOf);
        var from = Counted(filter);
        var orderBy = new StringBuilder(" ORDER BY ");
        foreach (var (key, descending) in sort)
        {
            orderBy.Append(SortColumns[key]).Append(descending ? " DESC, " : ", ");
        }

        orderBy.Append("p.id");
        parameters.Add("Skip", (page - 1) * (long)pageSize);
        parameters.Add("Take", pageSize);
        if (filter.SearchTerms.Count > 0)
        {
            // A search finds its matches once and counts them in the same pass (COUNT(*) OVER ()), instead of
            // matching twice for a count and a page; an unfiltered list keeps the cheap index count below.
            var matched = (await connection.QueryAsync<ProcedureRow, long, (ProcedureRow Row, long Total)>(new CommandDefinition(
                SearchPage(dialect, from, where, orderBy.ToString()), parameters, cancellationToken: cancellationToken),
                (row, total) => (row, total), splitOn: "total_count")).ToList();
            if (matched.Count > 0 || page == 1)
            {
                return (matched.Select(match => match.Row).ToList(), matched.Count > 0 ? matched[0].Total : 0);
            }
        }

        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) " + from + where, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<ProcedureRow>(new CommandDefinition(
            dialect.Page(SelectProcedure + where + orderBy), parameters, cancellationToken: cancellationToken));
        return (rows.ToList(), total);
    }

    /// <summary>The page's ids are found (and counted) on procedures alone, with their windows on @AsOf only when a dated filter asks; names are joined for those rows only.</summary>
    internal static string SearchPage(SqlDialect dialect, string from, string where, string orderBy) =>
        ProcedureColumns + ", m.total_count" + FromProcedures
        + " JOIN (" + dialect.Page("SELECT p.id AS page_id, COUNT(*) OVER () AS total_count " + from + where + orderBy) + ") m ON m.page_id = p.id"
        + orderBy;

    /// <summary>What the list counts over: procedures, and their windows on @AsOf when a filter is on a dated attribute.</summary>
    private static string Counted(ProcedureFilter filter) => filter.IsDated ? "FROM procedures p INNER JOIN " + WindowOnAsOf : "FROM procedures p";

    /// <summary>The search statement with every filter on, for the T-SQL parse test.</summary>
    internal static string SearchStatement(SqlDialect dialect)
    {
        var filter = new ProcedureFilter { Jurisdiction = "92", Status = ProcedureStatus.Active, OnlineLevel = OnlineLevel.Full, SearchTerms = ["dang", "ky"] };
        var (where, _) = Where(filter, dialect);
        return SearchPage(dialect, Counted(filter), where, " ORDER BY p.jurisdiction_code, p.code, p.id");
    }

    private static (string Where, DynamicParameters Parameters) Where(ProcedureFilter filter, SqlDialect dialect)
    {
        var (conditions, parameters) = Conditions(filter, dialect, dated: "w");
        return (WhereClause(conditions), parameters);
    }

    /// <summary>The condition of a filter by jurisdiction, on the alias <c>p</c>.</summary>
    public const string InJurisdiction = "p.jurisdiction_code = @Jurisdiction";

    public static string WhereClause(IReadOnlyList<string> conditions) =>
        conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);

    /// <summary>
    /// The filter as conditions on the alias <c>p</c> of <c>procedures</c> (or of a view with its columns), with their
    /// parameters; the dated attributes on <paramref name="dated"/>, which holds them as in force on the date asked.
    /// </summary>
    public static (List<string> Conditions, DynamicParameters Parameters) Conditions(ProcedureFilter filter, SqlDialect dialect, string dated = "p")
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();

        void Add<T>(T? value, string condition, string name)
        {
            if (value is null)
            {
                return;
            }

            conditions.Add(condition);
            parameters.Add(name, value);
        }

        Add(filter.Jurisdiction, InJurisdiction, "Jurisdiction");
        Add(EnumText.Of(filter.Level), "p.level = @Level", "Level");
        Add(EnumText.Of(filter.Kind), $"{dated}.kind = @Kind", "Kind");
        Add(filter.BusinessRelated, $"{dated}.business_related = @BusinessRelated", "BusinessRelated");
        Add(EnumText.Of(filter.OnlineLevel), $"{dated}.online_level = @OnlineLevel", "OnlineLevel");
        Add(filter.FullOnlineEligible, $"{dated}.full_online_eligible = @FullOnlineEligible", "FullOnlineEligible");
        Add(filter.BoundaryFree, $"{dated}.boundary_free = @BoundaryFree", "BoundaryFree");
        Add(filter.TechnicalRegulation, $"{dated}.technical_regulation = @TechnicalRegulation", "TechnicalRegulation");
        Add(filter.FieldId, "p.field_id = @FieldId", "FieldId");
        Add(filter.AgencyId, "p.agency_id = @AgencyId", "AgencyId");
        Add(EnumText.Of(filter.Status), "p.status = @Status", "Status");
        var indexed = filter.SearchTerms.Where(term => term.Length >= SearchText.IndexedTermLength).ToList();
        if (indexed.Count > 0)
        {
            var (condition, values) = dialect.SearchIndexCondition(indexed);
            conditions.Add(condition);
            foreach (var (name, value) in values)
            {
                parameters.Add(name, value);
            }
        }

        for (var index = 0; index < filter.SearchTerms.Count; index++)
        {
            var term = filter.SearchTerms[index];
            if (dialect.SearchIndexIsExact && term.Length >= SearchText.IndexedTermLength)
            {
                continue; // the index alone decides: LIKE would only repeat it
            }

            Add(SearchText.ContainsPattern(term), $"p.search_text LIKE @Term{index} ESCAPE '\\'", $"Term{index}");
        }

        return (conditions, parameters);
    }

    /// <summary>The procedure with its dated attributes in force on <paramref name="asOf"/> (default: the latest).</summary>
    public static Task<ProcedureRow?> Find(DbConnection connection, long id, CancellationToken cancellationToken, DbTransaction? transaction = null, DateOnly? asOf = null) =>
        connection.QuerySingleOrDefaultAsync<ProcedureRow>(new CommandDefinition(
            SelectProcedure + " WHERE p.id = @Id", new { Id = id, AsOf = asOf ?? Latest }, transaction, cancellationToken: cancellationToken));

    public static Task<IEnumerable<ProcedureRow>> OfJurisdiction(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, DateOnly asOf, CancellationToken cancellationToken = default) =>
        connection.QueryAsync<ProcedureRow>(new CommandDefinition(
            SelectProcedure + " WHERE p.jurisdiction_code = @Jurisdiction", new { Jurisdiction = jurisdiction, AsOf = asOf }, transaction, cancellationToken: cancellationToken));

    /// <summary>The procedures of a jurisdiction with these codes (a bulk import's batch: at most a few hundred).</summary>
    public static Task<IEnumerable<ProcedureRow>> OfCodes(
        DbConnection connection, DbTransaction? transaction, string jurisdiction, IReadOnlyList<string> codes, DateOnly asOf, CancellationToken cancellationToken) =>
        connection.QueryAsync<ProcedureRow>(new CommandDefinition(
            SelectProcedure + " WHERE p.jurisdiction_code = @Jurisdiction AND p.code IN @Codes", new { Jurisdiction = jurisdiction, Codes = codes, AsOf = asOf }, transaction,
            cancellationToken: cancellationToken));

    public static Task<ProcedureRow?> FindByCode(
        DbConnection connection, string jurisdiction, string code, CancellationToken cancellationToken, DbTransaction? transaction = null, DateOnly? asOf = null) =>
        connection.QuerySingleOrDefaultAsync<ProcedureRow>(new CommandDefinition(
            SelectProcedure + " WHERE p.jurisdiction_code = @Jurisdiction AND p.code = @Code",
            new { Jurisdiction = jurisdiction, Code = code, AsOf = asOf ?? Latest }, transaction, cancellationToken: cancellationToken));

    public static Task<long?> IdOfCode(DbConnection connection, DbTransaction transaction, string jurisdiction, string code, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT id FROM procedures WHERE jurisdiction_code = @Jurisdiction AND code = @Code",
            new { Jurisdiction = jurisdiction, Code = code }, transaction, cancellationToken: cancellationToken));

    /// <summary>The legal basis of procedure @ProcedureId in its order (also one statement of a procedure's detail, ProcedureReads).</summary>
    internal const string LegalBasisOf = "SELECT procedure_id, number, title, issued_on, issuer FROM legal_basis WHERE procedure_id = @ProcedureId ORDER BY position";

    public static Task<IEnumerable<LegalBasisRow>> LegalBasis(DbConnection connection, long procedureId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryAsync<LegalBasisRow>(new CommandDefinition(LegalBasisOf, new { ProcedureId = procedureId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// A new procedure, active, with its dated attributes in force from the beginning (one entry each) and the review its
    /// lastReviewedOn names: a new procedure's values are all there is to know of it, as those recorded before the dated
    /// histories were. <paramref name="parts"/> writes the rest of it (documents, legal basis, history); its derived rows
    /// are derived once, at the end (<see cref="Attributes.DerivedWindows"/>).
    /// </summary>
    public static async Task<long> Insert(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, ProcedureCreate input, Attributes.Recorder recorder, Func<long, Task> parts,
        CancellationToken cancellationToken)
    {
        var id = await Database.KeptStatements.ScalarAsync(transaction,
            """
            INSERT INTO procedures (jurisdiction_code, code, name, search_text, level, kind, business_related, online_level,
                                    full_online_eligible, boundary_free, technical_regulation, field_id, agency_id, status, abolished_on,
                                    last_reviewed_on, created_at, updated_at, version)
            VALUES (@Jurisdiction, @Code, @Name, @SearchText, @Level, @Kind, @BusinessRelated, @OnlineLevel,
                    @FullOnlineEligible, @BoundaryFree, @TechnicalRegulation, @FieldId, @AgencyId, 'active', NULL,
                    @LastReviewedOn, @Now, @Now, 1);
            """ + dialect.SelectInsertedId,
            new
            {
                input.Jurisdiction,
                input.Code,
                Name = input.Name.Trim(),
                SearchText = SearchTextOf(input.Code, input.Name),
                Level = EnumText.Of(input.Level!.Value),
                Kind = EnumText.Of(input.Kind!.Value),
                BusinessRelated = input.BusinessRelated!.Value,
                OnlineLevel = EnumText.Of(input.OnlineLevel!.Value),
                FullOnlineEligible = input.FullOnlineEligible!.Value,
                BoundaryFree = input.BoundaryFree!.Value,
                TechnicalRegulation = input.TechnicalRegulation ?? false,
                FieldId = input.FieldId!.Value,
                AgencyId = input.AgencyId!.Value,
                input.LastReviewedOn,
                recorder.Now,
            },
            cancellationToken);
        await Attributes.DerivedWindows.Once(connection, transaction, id, async () =>
        {
            await Attributes.AttributeQueries.RecordAll(connection, transaction, id, DatedValuesOf(input), Attributes.AttributeQueries.Beginning,
                input.DecisionRef, recorder, cancellationToken);
            await Attributes.AttributeQueries.ReviewOn(connection, transaction, dialect, id, input.LastReviewedOn, input.DecisionRef, recorder, cancellationToken);
            await parts(id);
        }, cancellationToken);
        return id;
    }

    /// <summary>The dated attributes a new procedure's body gives (technicalRegulation false unless said).</summary>
    private static IEnumerable<(Attributes.DatedAttribute, string)> DatedValuesOf(ProcedureCreate input) =>
        new Attributes.DatedValues(input.Kind!.Value, input.BusinessRelated!.Value, input.OnlineLevel!.Value, input.FullOnlineEligible!.Value,
            input.BoundaryFree!.Value, input.TechnicalRegulation ?? false).Texts();

    /// <summary>The dated attributes an update's body gives (technicalRegulation only when said).</summary>
    internal static IEnumerable<(Attributes.DatedAttribute Attribute, string Value)> DatedValuesOf(ProcedureUpdate input) =>
        new Attributes.DatedValues(input.Kind!.Value, input.BusinessRelated!.Value, input.OnlineLevel!.Value, input.FullOnlineEligible!.Value,
                input.BoundaryFree!.Value, input.TechnicalRegulation ?? false).Texts()
            .Where(value => input.TechnicalRegulation is not null || value.Attribute != Attributes.DatedAttribute.TechnicalRegulation);

    /// <summary>The day an update's dated values take effect: the body's effectiveFrom, or the day it is recorded.</summary>
    internal static DateOnly EffectiveFromOf(ProcedureUpdate input, Attributes.Recorder recorder) => input.EffectiveFrom ?? recorder.Today;

    /// <summary>
    /// Replaces the procedure's description: its own columns in place (version-checked; 0 when the version moved), its
    /// dated attributes as new entries from the body's effectiveFrom (or today) where they differ from those in force
    /// then, and a review on lastReviewedOn unless there is one that day.
    /// </summary>
    public static Task<int> Update(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long id, long expectedVersion, ProcedureUpdate input, Attributes.Recorder recorder,
        CancellationToken cancellationToken) =>
        Attributes.DerivedWindows.Once(connection, transaction, id, async () =>
        {
            var updated = await Database.KeptStatements.ExecuteAsync(transaction,
                """
                UPDATE procedures
                SET code = @Code, name = @Name, search_text = @SearchText, level = @Level, field_id = @FieldId, agency_id = @AgencyId,
                    updated_at = @Now, version = version + 1
                WHERE id = @Id AND version = @ExpectedVersion
                """,
                new
                {
                    Id = id,
                    ExpectedVersion = expectedVersion,
                    input.Code,
                    Name = input.Name.Trim(),
                    SearchText = SearchTextOf(input.Code, input.Name),
                    Level = EnumText.Of(input.Level!.Value),
                    FieldId = input.FieldId!.Value,
                    AgencyId = input.AgencyId!.Value,
                    recorder.Now,
                },
                cancellationToken);
            if (updated > 0)
            {
                await Attributes.AttributeQueries.Change(connection, transaction, dialect, id, DatedValuesOf(input), EffectiveFromOf(input, recorder), input.DecisionRef,
                    recorder, cancellationToken);
                await Attributes.AttributeQueries.ReviewOn(connection, transaction, dialect, id, input.LastReviewedOn, input.DecisionRef, recorder, cancellationToken);
            }

            return updated;
        }, cancellationToken);

    public static Task<int> ChangeStatus(DbConnection connection, DbTransaction transaction, long id, long expectedVersion, ProcedureStatus status, DateOnly? abolishedOn, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE procedures
            SET status = @Status, abolished_on = @AbolishedOn, updated_at = @Now, version = version + 1
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new { Id = id, ExpectedVersion = expectedVersion, Status = EnumText.Of(status), AbolishedOn = abolishedOn, Now = now },
            transaction, cancellationToken: cancellationToken));

    /// <summary>A change to a procedure's parts (documents, history) is a change to the procedure: its version moves.</summary>
    public static Task<long> Touch(DbConnection connection, DbTransaction transaction, long id, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE procedures SET updated_at = @Now, version = version + 1 WHERE id = @Id; SELECT version FROM procedures WHERE id = @Id;",
            new { Id = id, Now = now }, transaction, cancellationToken: cancellationToken));

    public static Task<int> Delete(DbConnection connection, DbTransaction transaction, long id, long expectedVersion, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM procedures WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, ExpectedVersion = expectedVersion }, transaction, cancellationToken: cancellationToken));

    public static async Task ReplaceLegalBasis(DbConnection connection, DbTransaction transaction, long procedureId, IReadOnlyList<LegalBasisEntry>? entries, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM legal_basis WHERE procedure_id = @ProcedureId", new { ProcedureId = procedureId }, transaction, cancellationToken: cancellationToken));
        var rows = (entries ?? []).Select((entry, index) => new
        {
            ProcedureId = procedureId,
            Position = index + 1,
            Number = entry.Number.Trim(),
            Title = entry.Title.Trim(),
            entry.IssuedOn,
            Issuer = entry.Issuer?.Trim(),
        }).ToList();
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO legal_basis (procedure_id, position, number, title, issued_on, issuer) VALUES (@ProcedureId, @Position, @Number, @Title, @IssuedOn, @Issuer)",
                rows, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>What search looks in: the code and the name, folded (see <see cref="SearchText"/>).</summary>
    internal static string SearchTextOf(string code, string name) => SearchText.Fold(code + " " + name);
}
