using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Caching;

/// <summary>
/// Where the catalogue is in its change feed: every change through the service (the API, imports, the sample) records its
/// change in the transaction that makes it, so two reads at the same position read the same catalogue. Read from the
/// database each time, by every instance, so that a change made through another instance is seen at once.
/// </summary>
internal static class FeedPosition
{
    /// <summary>The position up to which every change has committed (<see cref="SqlDialect.CommittedChange"/>).</summary>
    public static Task<long> Read(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(dialect.CommittedChange, cancellationToken: cancellationToken));
}
