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
    }
}
