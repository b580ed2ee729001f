using System.Data.Common;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>The rules every write of a procedure obeys, wherever it comes from (API or sample catalogue).</summary>
internal static class ProcedureWrites
{
    /// <summary>Checks what the request refers to: the field exists, the agency exists in the procedure's jurisdiction.</summary>
    public static async Task<Errors> CheckReferences(
        DbConnection connection, DbTransaction transaction, string jurisdiction, long fieldId, long agencyId, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        if (await FieldQueries.Find(connection, fieldId, cancellationToken, transaction) is null)
        {
            errors.Add("fieldId", $"Field {fieldId} does not exist.");
        }

        await CheckAgency(connection, transaction, jurisdiction, agencyId, errors, cancellationToken);
        return errors;
    }

    /// <summary>The agency exists in the jurisdiction of what refers to it (a procedure, a reporting regime); otherwise an error of agencyId.</summary>
    public static async Task CheckAgency(DbConnection connection, DbTransaction transaction, string jurisdiction, long agencyId, Errors errors, CancellationToken cancellationToken)
    {
        var agency = await AgencyQueries.Find(connection, agencyId, cancellationToken, transaction);
        if (agency is null)
        {
            errors.Add("agencyId", $"Agency {agencyId} does not exist.");
        }
        else if (agency.JurisdictionCode != jurisdiction)
        {
            errors.Add("agencyId", $"Agency {agencyId} belongs to jurisdiction '{agency.JurisdictionCode}', not '{jurisdiction}'.");
        }
    }

    /// <summary>Created, or Unprocessable (an unknown jurisdiction, field or agency) or Conflict (the code is taken).</summary>
    public static async Task<ProcedureOutcome> Create(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, ProcedureCreate input, Attributes.Recorder recorder, CancellationToken cancellationToken)
    {
        if (await JurisdictionQueries.Find(connection, input.Jurisdiction, cancellationToken, transaction) is null)
        {
            return new ProcedureOutcome.Unprocessable(new Errors().Add("jurisdiction", $"Jurisdiction '{input.Jurisdiction}' does not exist."));
        }

        var errors = await CheckReferences(connection, transaction, input.Jurisdiction, input.FieldId!.Value, input.AgencyId!.Value, cancellationToken);
        var parts = await ProcedureParts.Plan(connection, transaction, input.Jurisdiction, input, errors, cancellationToken);
        if (errors.Any)
        {
            return new ProcedureOutcome.Unprocessable(errors);
        }

        if (await ProcedureQueries.IdOfCode(connection, transaction, input.Jurisdiction, input.Code, cancellationToken) is { } existing)
        {
            return new ProcedureOutcome.Conflict($"Jurisdiction '{input.Jurisdiction}' already has a procedure with code '{input.Code}' (id {existing}).");
        }

        var id = await ProcedureQueries.Insert(connection, transaction, dialect, input, recorder, async id =>
        {
            await ProcedureQueries.ReplaceLegalBasis(connection, transaction, id, input.LegalBasis, cancellationToken);
            foreach (var document in input.Documents ?? [])
            {
                // A new procedure's documents count from the beginning, like its attributes.
                await DocumentQueries.Append(connection, transaction, dialect, id, document, recorder, Attributes.AttributeQueries.Beginning, input.DecisionRef, cancellationToken);
            }
        }, cancellationToken);

        await ProcedureParts.Write(connection, transaction, id, input.Code, input.Name, parts, cancellationToken);

        return new ProcedureOutcome.Created(id);
    }
}
