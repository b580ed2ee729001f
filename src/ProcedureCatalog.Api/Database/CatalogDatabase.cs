using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ProcedureCatalog.Api.Database;

/// <summary>Opens a connection per unit of work to the configured catalogue database.</summary>
public sealed class CatalogDatabase
{
    static CatalogDatabase()
    {
        // Columns are snake_case, row properties PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

        // SQLite hands back a NUMERIC that passed through a view as a double (or an integer); amounts are
        // decimals with two places everywhere in the API.
        Dapper.SqlMapper.AddTypeHandler(new DecimalHandler());
    }

    private sealed class DecimalHandler : Dapper.SqlMapper.TypeHandler<decimal>
    {
        public override decimal Parse(object value) => value switch
        {
            decimal exact => exact,
            double approximate => decimal.Round((decimal)approximate, 6),
            _ => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        };

        public override void SetValue(System.Data.IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = System.Data.DbType.Decimal;
            parameter.Value = value;
        }
    }

    public CatalogDatabase(IOptions<DatabaseOptions> options, IConfiguration configuration)
    {
        var value = options.Value;
        Provider = value.Provider;
        Dialect = SqlDialect.For(value.Provider);
        CommandTimeoutSeconds = value.CommandTimeoutSeconds;
        SetupConnectionString = Normalise(value.Provider, value.CommandTimeoutSeconds,
            value.ConnectionString ?? configuration.GetConnectionString("Catalog") ?? DatabaseOptions.DefaultSqliteConnectionString);
        ConnectionString = value.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(SetupConnectionString) { Mode = OpenModeForRequests(SetupConnectionString) }.ToString()
            : SetupConnectionString;
        var readOnly = value.ReadOnlyConnectionString ?? configuration.GetConnectionString("CatalogReadOnly");
        ReadConnectionString = string.IsNullOrWhiteSpace(readOnly) ? ConnectionString : ReadOnly(value.Provider, Normalise(value.Provider, value.CommandTimeoutSeconds, readOnly));
    }

    /// <summary>
    /// The connection of reports, lists, exports and the change feed: the read-only copy when one is configured
    /// (<c>ConnectionStrings:CatalogReadOnly</c>), else <see cref="ConnectionString"/>. Nothing is ever written through it.
    /// </summary>
    public string ReadConnectionString { get; }

    /// <summary>True when reads that may lag go to a copy of their own.</summary>
    public bool HasReadOnlyCopy => !ReferenceEquals(ReadConnectionString, ConnectionString);

    // A readable secondary is chosen by the listener for ApplicationIntent=ReadOnly; a SQLite copy is opened read-only.
    private static string ReadOnly(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()
        : new SqlConnectionStringBuilder(connectionString) { ApplicationIntent = ApplicationIntent.ReadOnly }.ConnectionString;

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    /// <summary>The connection requests use. On SQLite it never creates the file: a missing database is an outage (503), not a new empty catalogue.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection migrations use; on SQLite it may create the file.</summary>
    public string SetupConnectionString { get; }

    private static SqliteOpenMode OpenModeForRequests(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).Mode is SqliteOpenMode.ReadWriteCreate ? SqliteOpenMode.ReadWrite : new SqliteConnectionStringBuilder(connectionString).Mode;

    public int CommandTimeoutSeconds { get; }

    // Reports read the whole history: map the file instead of copying pages through read(), and keep more of it cached.
    private const string SqliteTuning = "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16384;";

    /// <summary>The SQLite handles (physical connections, which the pool hands out again) already tuned.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Tuned = new();

    /// <summary>A connection to the catalogue itself: every write, every read that follows a write, single resources.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(ConnectionString, cancellationToken);

    /// <summary>A connection for a read that may lag behind the latest write: reports, lists, exports, the change feed.</summary>
    public Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken) => OpenAsync(ReadConnectionString, cancellationToken);

    private async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(connectionString)
            : new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // A pooled connection keeps its settings: they are made once, when its SQLite handle is new, not at every open.
            if (connection is SqliteConnection { Handle: { } handle } sqlite && !Tuned.TryGetValue(handle, out _))
            {
                await using var tuning = sqlite.CreateCommand();
                tuning.CommandText = SqliteTuning;
                await tuning.ExecuteNonQueryAsync(cancellationToken);
                Tuned.AddOrUpdate(handle, Tuned);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string Normalise(DatabaseProvider provider, int commandTimeoutSeconds, string connectionString)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return new SqlConnectionStringBuilder(connectionString) { CommandTimeout = commandTimeoutSeconds }.ConnectionString;
        }

        // Foreign keys are off by default in SQLite; the catalogue relies on them.
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true, DefaultTimeout = commandTimeoutSeconds };
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var fullPath = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }

        return builder.ToString();
    }
}
