using System.ComponentModel.DataAnnotations;

namespace ProcedureCatalog.Api.Caching;

/// <summary>How reads that follow the change feed are kept. Bound from the <c>Caching</c> section and validated on start.</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>
    /// Memory the response cache may hold, in bytes (answers' bodies and headers together); 0 turns it off. One answer is kept
    /// only when it is at most a quarter of this. Default 64 MiB.
    /// </summary>
    [Range(0, 4L * 1024 * 1024 * 1024)]
    public long ResponseCacheBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long a client may use a report it holds without asking again (Cache-Control max-age), in seconds. 0 (the default):
    /// it must ask every time (no-cache), and is answered 304 while nothing changed. Lists and the feed are always no-cache.
    /// </summary>
    [Range(0, 86_400)]
    public int ReportMaxAgeSeconds { get; set; }

    /// <summary>The largest single answer kept.</summary>
    public long MaxEntryBytes => ResponseCacheBytes / 4;
}
