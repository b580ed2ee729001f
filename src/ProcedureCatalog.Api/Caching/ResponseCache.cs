using Microsoft.Extensions.Options;

namespace ProcedureCatalog.Api.Caching;

/// <summary>An answer as sent: the headers that describe it and its body.</summary>
internal sealed record CachedAnswer(string? ETag, string? ContentType, string? ContentDisposition, string? CacheControl, string? Vary, byte[] Body)
{
    /// <summary>What it holds in memory, headers and bookkeeping counted roughly.</summary>
    public long Size => Body.Length + 512;
}

/// <summary>
/// Answers kept by request, each with the feed position it was computed at: an answer is given again only while the
/// catalogue is at that position (<see cref="FeedPosition"/>), so any change, through any instance, makes it unreachable.
/// Bounded by <see cref="CachingOptions.ResponseCacheBytes"/>: the least recently used answers go first.
/// </summary>
internal sealed class ResponseCache(IOptions<CachingOptions> options)
{
    private sealed record Entry(string Key, long Position, CachedAnswer Answer);

    private readonly long budget = options.Value.ResponseCacheBytes;
    private readonly long maxEntry = options.Value.MaxEntryBytes;
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private long bytes;

    public bool Enabled => budget > 0;

    /// <summary>The bytes the kept answers hold now.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The answer to this request at this position, if one was kept.</summary>
    public CachedAnswer? Find(string key, long position)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var node) || node.Value.Position != position)
            {
                return null;
            }

            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value.Answer;
        }
    }

    /// <summary>Keeps an answer (replacing the one of an earlier position); one larger than a quarter of the budget is not kept.</summary>
    public void Keep(string key, long position, CachedAnswer answer)
    {
        if (!Enabled || answer.Size > maxEntry)
        {
            return;
        }

        lock (gate)
        {
            if (entries.Remove(key, out var old))
            {
                recency.Remove(old);
                bytes -= old.Value.Answer.Size;
            }

            entries[key] = recency.AddFirst(new Entry(key, position, answer));
            bytes += answer.Size;
            while (bytes > budget && recency.Last is { } last)
            {
                recency.RemoveLast();
                entries.Remove(last.Value.Key);
                bytes -= last.Value.Answer.Size;
            }
        }
    }
}
