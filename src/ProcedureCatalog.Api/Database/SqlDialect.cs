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
