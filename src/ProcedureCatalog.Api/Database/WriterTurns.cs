namespace ProcedureCatalog.Api.Database;

/// <summary>
/// SQLite has one writer at a time, and hands the lock to whichever waiter happens to retry first: a bulk import that commits
/// batch after batch would keep winning, and a small write of another province would wait for the whole file. So on SQLite the
/// service's writers take turns here, first come first served: a write request waits for at most the batch that is being
/// applied. SQL Server locks rows, not the database, and needs no turns.
/// </summary>
public sealed class WriterTurns(CatalogDatabase database) : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for this writer's turn (asynchronous waiters are served in arrival order); dispose the result to hand it on.</summary>
    public async ValueTask<IDisposable> Take(CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return Nothing.Instance;
        }

        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    public void Dispose() => turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
