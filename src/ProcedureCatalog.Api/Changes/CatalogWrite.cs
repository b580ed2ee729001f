using System.Data.Common;
using System.Security.Claims;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Changes;

/// <summary>
/// One write: the transaction that makes a change and records it, who makes it and when. A change and its record stand or
/// fall together: nothing stays unless <see cref="CommitAsync"/> is reached. It holds no HTTP types, so the write path
/// reads the same whether a request or a command drives it.
/// </summary>
internal sealed class CatalogWrite : IAsyncDisposable
{
    private CatalogWrite(DbConnection connection, DbTransaction transaction, SqlDialect dialect, ClaimsPrincipal caller, DateTime now, CancellationToken cancellation)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
        Caller = caller;
        Now = now;
        Cancellation = cancellation;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public SqlDialect Dialect { get; }

    /// <summary>The key that writes: its jurisdictions decide what it may change, its id and name go into the change record.</summary>
    public ClaimsPrincipal Caller { get; }

    /// <summary>One instant for the whole write, so that the rows it touches and its change record agree.</summary>
    public DateTime Now { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>Who records a dated entry in this write, and on what day.</summary>
    public Attributes.Recorder Recorder => Attributes.Recorder.At(Now, Actor.Of(Caller));

    public static async Task<CatalogWrite> BeginAsync(CatalogDatabase database, ClaimsPrincipal caller, DateTime now, CancellationToken cancellation)
    {
        var connection = await database.OpenAsync(cancellation);
        try
        {
            return new CatalogWrite(connection, await connection.BeginTransactionAsync(cancellation), database.Dialect, caller, now, cancellation);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task Record(ChangeEntry change) => ChangeLog.Record(Connection, Transaction, change, Actor.Of(Caller), Now, Cancellation);

    public Task CommitAsync() => Transaction.CommitAsync(Cancellation);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
