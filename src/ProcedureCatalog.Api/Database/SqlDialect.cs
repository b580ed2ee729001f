using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace ProcedureCatalog.Api.Database;

/// <summary>
/// The few places where SQLite and SQL Server spell the same query differently. Everything else is
/// written once in the subset both understand.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Folder of this dialect's scripts under <c>db/</c>.</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>Appended to an INSERT to return the new identity in the same command.</summary>
    public abstract string SelectInsertedId { get; }

    /// <summary>Appends paging by <c>@Skip</c> and <c>@Take</c> to a query that ends with ORDER BY.</summary>
    public abstract string Page(string orderedQuery);

    /// <summary>Keeps the first row of a query that ends with ORDER BY; usable as a correlated scalar subquery.</summary>
    public abstract string FirstRow(string orderedQuery);

    /// <summary>
    /// A derived table whose columns are computed once per row however often the outer query names them.
    /// SQLite flattens a derived table into its outer query and then evaluates a column's whole expression
    /// at every mention (a report mentions each reduction a dozen times); a LIMIT keeps it a subquery of
    /// its own (flattening rules 8 and 9). SQL Server computes such expressions once already.
    /// </summary>
    public abstract string ComputedOnce(string query);

    /// <summary>
    /// Into how many parts a report over the whole catalogue is split, each read on its own connection at the
    /// same time. SQLite runs a statement on one core; SQL Server makes parallel plans of its own.
    /// </summary>
    public abstract int ReportParts { get; }

    /// <summary>
    /// A condition on procedures <c>p</c>, with its parameters, that keeps every procedure whose search_text
    /// contains all the terms (each at least <see cref="Procedures.SearchText.IndexedTermLength"/> long)
    /// and few others, through the engine's search index (migration 0005), so that a search does not read
    /// the whole catalogue. It may keep a few more: the LIKE conditions beside it decide.
    /// </summary>
    public abstract (string Condition, IReadOnlyDictionary<string, object> Parameters) SearchIndexCondition(IReadOnlyList<string> terms);

    /// <summary>
    /// True when the search index finds exactly the rows whose folded text contains each indexed term, so that
    /// LIKE is needed only for terms too short to be indexed.
    /// </summary>
    public abstract bool SearchIndexIsExact { get; }

    /// <summary>
    /// A correlated subquery that joins, in the given order, one line per row of <paramref name="from"/> (a FROM
    /// and WHERE): <paramref name="prefix"/> followed by <paramref name="text"/>, separated by line feeds.
    /// </summary>
    public abstract string LinesOf(string prefix, string text, string from, string orderBy);

    /// <summary>The position of a change in the feed: the id (SQLite) or the rowversion (SQL Server), as a BIGINT.</summary>
    public abstract string ChangePosition { get; }

    /// <summary>
    /// The changes after the cursor @After (of @Jurisdiction, or all when NULL), at most @Take, in feed order, with
    /// their position and <paramref name="columns"/>. SQLite has one writer at a time, so ids are given in commit
    /// order and a reader never sees a gap close later. SQL Server gives identities and rowversions at insert, not
    /// at commit: stopping below MIN_ACTIVE_ROWVERSION() never hands out a change while an earlier one may still commit.
    /// </summary>
    public abstract string ChangesAfter(string columns);

    /// <summary>The position of the latest change of the whole feed (0 when empty): every cursor the feed gave out is at most this.</summary>
    public abstract string LatestChange { get; }

    /// <summary>
    /// The position up to which every change has committed (0 when none). SQLite commits in id order, so it is the latest
    /// change. On SQL Server a change is numbered when it is written, not when it commits: a transaction still open holds the
    /// position back, as it holds back the feed, so that a change committing late below the latest one still moves it (with
    /// the latest alone it would not). What is read while one is open may hold changes above the position; it is never older.
    /// </summary>
    public virtual string CommittedChange => LatestChange;

    public abstract bool IsUniqueViolation(DbException exception);

    public abstract bool IsForeignKeyViolation(DbException exception);

    /// <summary>The database cannot be reached or used right now (down, missing, busy past the timeout): a 503, not a bug.</summary>
    public abstract bool IsUnavailable(DbException exception);

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    private sealed class SqliteDialect : SqlDialect
    {
        private const int ConstraintViolation = 19;
        private const int UniqueViolation = 2067;
        private const int PrimaryKeyViolation = 1555;
        private const int ForeignKeyViolation = 787;

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string ScriptFolder => "sqlite";
        public override string SelectInsertedId => "SELECT last_insert_rowid();";
        public override string Page(string orderedQuery) => orderedQuery + " LIMIT @Take OFFSET @Skip";
        public override string FirstRow(string orderedQuery) => orderedQuery + " LIMIT 1";
        public override string ComputedOnce(string query) => query + " LIMIT -1";
        public override int ReportParts => Math.Clamp(Environment.ProcessorCount, 1, 4);

        public override string LinesOf(string prefix, string text, string from, string orderBy) =>
            $"(SELECT group_concat({prefix} || {text}, char(10) ORDER BY {orderBy}) FROM {from})";

        public override string ChangePosition => "id";

        public override string ChangesAfter(string columns) =>
            $"""
            SELECT id AS position, {columns}
            FROM changes
            WHERE id > @After AND (@Jurisdiction IS NULL OR jurisdiction_code = @Jurisdiction)
            ORDER BY id
            LIMIT @Take
            """;

        public override string LatestChange => "SELECT COALESCE(MAX(id), 0) FROM changes";

        // The FTS5 trigram index over search_text: a quoted term matches wherever it occurs, as LIKE '%term%' does.
        // A quoted FTS5 trigram phrase matches exactly the texts that contain it as a substring, as LIKE '%term%' does.
        public override bool SearchIndexIsExact => true;

        public override (string, IReadOnlyDictionary<string, object>) SearchIndexCondition(IReadOnlyList<string> terms) =>
            ("p.id IN (SELECT s.rowid FROM procedure_search s WHERE procedure_search MATCH @SearchMatch)",
             new Dictionary<string, object> { ["SearchMatch"] = Procedures.SearchText.Fts5AllOf(terms) });

        public override bool IsUniqueViolation(DbException exception) =>
            exception is SqliteException { SqliteErrorCode: ConstraintViolation } e
            && e.SqliteExtendedErrorCode is UniqueViolation or PrimaryKeyViolation;

        public override bool IsForeignKeyViolation(DbException exception) =>
            exception is SqliteException { SqliteErrorCode: ConstraintViolation, SqliteExtendedErrorCode: ForeignKeyViolation };

        // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB
        public override bool IsUnavailable(DbException exception) =>
            exception is SqliteException { SqliteErrorCode: 5 or 6 or 10 or 11 or 13 or 14 or 26 };
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
        public override string ScriptFolder => "sqlserver";
        public override string SelectInsertedId => "SELECT CAST(SCOPE_IDENTITY() AS BIGINT);";
        public override string Page(string orderedQuery) => orderedQuery + " OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
        public override string FirstRow(string orderedQuery) => orderedQuery + " OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY";
        public override string ComputedOnce(string query) => query;
        public override int ReportParts => 1;

        public override string LinesOf(string prefix, string text, string from, string orderBy) =>
            $"(SELECT STRING_AGG(CONCAT({prefix}, {text}), CHAR(10)) WITHIN GROUP (ORDER BY {orderBy}) FROM {from})";

        public override string ChangePosition => "CAST(row_version AS BIGINT)";

        public override string ChangesAfter(string columns) =>
            $"""
            SELECT TOP (@Take) CAST(row_version AS BIGINT) AS position, {columns}
            FROM changes
            WHERE row_version > CAST(@After AS BINARY(8)) AND row_version < MIN_ACTIVE_ROWVERSION()
              AND (@Jurisdiction IS NULL OR jurisdiction_code = @Jurisdiction)
            ORDER BY row_version
            """;

        public override string LatestChange => "SELECT COALESCE(CAST(MAX(row_version) AS BIGINT), 0) FROM changes";

        public override string CommittedChange =>
            "SELECT COALESCE(CAST(MAX(row_version) AS BIGINT), 0) FROM changes WHERE row_version < MIN_ACTIVE_ROWVERSION()";

        // Suffixes are cut to their first letters, so the index narrows and LIKE decides.
        public override bool SearchIndexIsExact => false;

        // Every word's suffixes from its third-last letter on (the first 100 letters of each) are indexed, so a
        // term found anywhere in a word is the start of one of them: an index range seek per term.
        public override (string, IReadOnlyDictionary<string, object>) SearchIndexCondition(IReadOnlyList<string> terms)
        {
            var parameters = new Dictionary<string, object>();
            var conditions = new List<string>();
            for (var index = 0; index < terms.Count; index++)
            {
                conditions.Add($"p.id IN (SELECT s.procedure_id FROM procedure_search_suffixes s WHERE s.suffix LIKE @SearchPrefix{index} ESCAPE '\\')");
                parameters[$"SearchPrefix{index}"] = Procedures.SearchText.StartsWithPattern(terms[index].Length > SuffixLength ? terms[index][..SuffixLength] : terms[index]);
            }

            return (string.Join(" AND ", conditions), parameters);
        }

        /// <summary>The indexed length of a suffix (procedure_search_suffixes.suffix).</summary>
        private const int SuffixLength = 100;

        public override bool IsUniqueViolation(DbException exception) =>
            exception is SqlException { Number: 2627 or 2601 };

        public override bool IsForeignKeyViolation(DbException exception) =>
            exception is SqlException { Number: 547 };

        // Network, login, database offline, failover and throttling errors, and anything the server calls fatal (class 20 and up).
        private static readonly HashSet<int> Unavailable = [-2, 2, 53, 121, 233, 1205, 4060, 10053, 10054, 10060, 10061, 10928, 10929, 18456, 40197, 40501, 40613, 49918, 49919, 49920];

        public override bool IsUnavailable(DbException exception) =>
            exception is SqlException sql && (sql.Class >= 20 || Unavailable.Contains(sql.Number));
    }
}
