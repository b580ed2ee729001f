using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Access;

namespace ProcedureCatalog.Api.Changes;

/// <summary>What changed; written in the transaction of the change, so a change and its record stand or fall together.</summary>
/// <param name="Entity">procedure, document, time-entry, cost-entry, attribute-entry, provided-once-entry, review, agency, jurisdiction, field, tariff or target (and the reporting regimes' own).</param>
/// <param name="EntityKey">The id or natural key of what changed.</param>
/// <param name="Action">created, updated, deleted, abolished or reinstated.</param>
/// <param name="ProcedureId">The procedure it belongs to, when it belongs to one.</param>
/// <param name="Jurisdiction">The jurisdiction whose catalogue changed, when there is one.</param>
/// <param name="ProcedureCode">The procedure's code, so that a sync client can apply a deletion by natural key.</param>
/// <param name="Version">The procedure's (or resource's) version after the change.</param>
internal sealed record ChangeEntry(
    string Entity, string EntityKey, string Action, long? ProcedureId = null, string? Jurisdiction = null, string? ProcedureCode = null, long? Version = null);

internal static class ChangeLog
{
    public static Task Record(DbConnection connection, DbTransaction transaction, ChangeEntry change, Actor actor, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO changes (entity, entity_key, action, procedure_id, jurisdiction_code, procedure_code, version, key_id, key_name, changed_at)
            VALUES (@Entity, @EntityKey, @Action, @ProcedureId, @Jurisdiction, @ProcedureCode, @Version, @KeyId, @KeyName, @Now)
            """,
            new
            {
                change.Entity,
                change.EntityKey,
                change.Action,
                change.ProcedureId,
                change.Jurisdiction,
                change.ProcedureCode,
                change.Version,
                actor.KeyId,
                KeyName = actor.Name,
                Now = now,
            },
            transaction, cancellationToken: cancellationToken));
}
