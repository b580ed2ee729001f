namespace ProcedureCatalog.Api.Changes;

/// <summary>One change to the catalogue, as the feed and the audit trail give it.</summary>
/// <param name="Position">Its place in the feed; later changes have higher positions.</param>
/// <param name="Entity">procedure, document, time-entry, cost-entry, attribute-entry, provided-once-entry, review, channel-time-entry, channel-fee-entry, agency, jurisdiction, field, tariff or target (and the reporting regimes' own).</param>
/// <param name="EntityKey">The id or natural key of what changed.</param>
/// <param name="Action">created, updated, deleted, abolished or reinstated.</param>
/// <param name="ProcedureId">The procedure it belongs to, if any.</param>
/// <param name="Jurisdiction">The jurisdiction whose catalogue changed, if any.</param>
/// <param name="ProcedureCode">The procedure's code, if any.</param>
/// <param name="Version">The version after the change.</param>
/// <param name="ChangedBy">The name of the API key that made it ("service" for the service's own loads).</param>
/// <param name="ChangedAt">When, in UTC.</param>
public sealed record Change(
    long Position, string Entity, string EntityKey, string Action, long? ProcedureId, string? Jurisdiction, string? ProcedureCode, long? Version,
    string ChangedBy, DateTime ChangedAt);

/// <param name="Items">Changes after the cursor, oldest first.</param>
/// <param name="NextCursor">Send it as after to continue; it is the cursor you sent when there was nothing new.</param>
/// <param name="HasMore">More changes are ready now; poll again at once.</param>
public sealed record ChangePage(IReadOnlyList<Change> Items, string NextCursor, bool HasMore);

internal sealed record ChangeRow
{
    public long Position { get; init; }
    public required string Entity { get; init; }
    public required string EntityKey { get; init; }
    public required string Action { get; init; }
    public long? ProcedureId { get; init; }
    public string? JurisdictionCode { get; init; }
    public string? ProcedureCode { get; init; }
    public long? Version { get; init; }
    public required string KeyName { get; init; }
    public DateTime ChangedAt { get; init; }
}
