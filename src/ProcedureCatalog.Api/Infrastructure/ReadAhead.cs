using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// Rows read on a thread of their own while the caller writes the ones before them: a table of a national catalogue is
/// read (SQLite steps, rows made) and written (CSV, the socket) at the same time on two cores instead of one after the
/// other. At most <c>capacity</c> rows wait between the two, so memory stays bounded whatever the number of rows.
/// </summary>
public static class ReadAhead
{
    /// <summary>The rows waiting between reader and writer: enough to keep both busy, few enough to be small.</summary>
    public const int DefaultCapacity = 512;

    /// <summary>
    /// The rows of <paramref name="source"/> in their order, read ahead. A failure of the reader reaches the writer at the
    /// row where it happened; when the writer stops early (the client went away), the reader is stopped and awaited, so its
    /// connection is closed before this returns.
    /// </summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity = DefaultCapacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var row in source.WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(row, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception failure)
            {
                channel.Writer.TryComplete(failure);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var row in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return row;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }
}
