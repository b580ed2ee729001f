using System.Data.Common;
using Microsoft.Extensions.Primitives;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>
/// PUT of a whole procedure at its natural key, for one-stop systems that sync their catalogue: it creates
/// the procedure, or replaces it with its documents, or — when the body is what is stored — changes
/// nothing and records no change, so that a retried or repeated sync is harmless.
/// </summary>
internal static class ProcedureUpserts
{
    /// <summary>Created, Replaced or Unchanged; else why not: PreconditionRequired, PreconditionFailed, Conflict or Unprocessable.</summary>
    public static async Task<ProcedureOutcome> Put(CatalogWrite write, StringValues ifMatch, string jurisdiction, string code, ProcedureUpsert input)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.Cancellation);
        var recorder = write.Recorder;
        var from = ProcedureQueries.EffectiveFromOf(input.ToUpdate(code), recorder);
        // Compared with what is in force on the day the body's dated values would take effect.
        var current = await ProcedureQueries.FindByCode(connection, jurisdiction, code, cancellationToken, transaction, from);
        if (current is null)
        {
            var outcome = await ProcedureWrites.Create(connection, transaction, write.Dialect, input.ToCreate(jurisdiction, code), recorder, cancellationToken);
            if (outcome is ProcedureOutcome.Created(var id))
            {
                await ProcedureChanges.Recorded(write, id, jurisdiction, code, 1, "created");
            }

            return outcome;
        }

        var errors = new Errors();
        var parts = await ProcedureParts.Plan(connection, transaction, jurisdiction, input, errors, cancellationToken);
        if (!errors.Any && await IsStored(connection, transaction, current, input, from, cancellationToken)
            && await ProcedureParts.AreStored(connection, transaction, current.Id, parts, cancellationToken))
        {
            return new ProcedureOutcome.Unchanged(current.Id);
        }

        switch (ProcedureChanges.Resource.Judge(ifMatch, current))
        {
            case IfMatchVerdict.Missing:
                return new ProcedureOutcome.PreconditionRequired($"\"{ProcedureChanges.Resource.VersionTagOf(current)}\"");
            case IfMatchVerdict.Stale:
                return new ProcedureOutcome.PreconditionFailed(current.Version);
        }

        var referenceErrors = await ProcedureWrites.CheckReferences(connection, transaction, jurisdiction, input.FieldId!.Value, input.AgencyId!.Value, cancellationToken);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            Array.ForEach(messages, message => referenceErrors.Add(field, message));
        }

        if (referenceErrors.Any)
        {
            return new ProcedureOutcome.Unprocessable(referenceErrors);
        }

        if (await ProcedureParts.Conflict(connection, transaction, current.Id, parts, cancellationToken) is { } dropped)
        {
            return new ProcedureOutcome.Conflict(dropped);
        }

        // The description, legal basis and documents at once, the procedure's rows derived once at the end.
        var replaced = await Attributes.DerivedWindows.Once(connection, transaction, current.Id, async () =>
        {
            if (await ProcedureQueries.Update(connection, transaction, write.Dialect, current.Id, current.Version, input.ToUpdate(code), recorder, cancellationToken) == 0)
            {
                return false;
            }

            await ProcedureQueries.ReplaceLegalBasis(connection, transaction, current.Id, input.LegalBasis, cancellationToken);
            // A document that stays keeps its id (a client may hold it); only what changed is written.
            await DocumentQueries.Sync(connection, transaction, write.Dialect, current.Id, (await DocumentQueries.List(connection, current.Id, cancellationToken, transaction)).ToList(),
                (input.Documents ?? []).Select(DocumentValues.Of).ToList(), recorder, from, input.DecisionRef, cancellationToken);
            return true;
        }, cancellationToken);
        if (!replaced)
        {
            return new ProcedureOutcome.PreconditionFailed(current.Version);
        }

        await ProcedureParts.Write(connection, transaction, current.Id, code, input.Name, parts, cancellationToken);

        await ProcedureChanges.Recorded(write, current.Id, jurisdiction, code, current.Version + 1, "updated");
        return new ProcedureOutcome.Replaced(current.Id);
    }

    /// <summary>
    /// True when the description (not status, legal basis or documents) is what is stored: the dated attributes as in force
    /// on the day the body's would take effect (<paramref name="current"/> is read on that day), technicalRegulation only when
    /// given, and lastReviewedOn when it is the latest review then or not given (a body never removes a review).
    /// </summary>
    public static bool SameDescription(ProcedureRow current, ProcedureUpsert input) =>
        current.Name == input.Name.Trim()
        && current.Level == EnumText.Of(input.Level!.Value) && current.Kind == EnumText.Of(input.Kind!.Value)
        && current.BusinessRelated == input.BusinessRelated && current.OnlineLevel == EnumText.Of(input.OnlineLevel!.Value)
        && current.FullOnlineEligible == input.FullOnlineEligible && current.BoundaryFree == input.BoundaryFree
        && (input.TechnicalRegulation is null || current.TechnicalRegulation == input.TechnicalRegulation)
        && current.FieldId == input.FieldId && current.AgencyId == input.AgencyId
        && (input.LastReviewedOn is null || current.LastReviewedOn == input.LastReviewedOn);

    /// <summary>True when the body says exactly what is stored (strings compared as stored: trimmed; document marks as in force on <paramref name="from"/>).</summary>
    private static async Task<bool> IsStored(
        DbConnection connection, DbTransaction transaction, ProcedureRow current, ProcedureUpsert input, DateOnly from, CancellationToken cancellationToken)
    {
        var described = SameDescription(current, input)
            || (input.LastReviewedOn is { } reviewed && SameDescription(current, input with { LastReviewedOn = null })
                && await Attributes.AttributeQueries.HasReviewOn(connection, transaction, current.Id, reviewed, cancellationToken));
        if (!described)
        {
            return false;
        }

        var marks = await Attributes.AttributeQueries.ProvidedOnceOn(connection, current.Id, from, cancellationToken, transaction);

        var legalBasis = (await ProcedureQueries.LegalBasis(connection, current.Id, cancellationToken, transaction))
            .Select(row => new LegalBasisEntry(row.Number, row.Title, row.IssuedOn, row.Issuer));
        var stored = (await DocumentQueries.List(connection, current.Id, cancellationToken, transaction)).ToList();
        if (stored.Any(row => !marks.ContainsKey(row.Id)))
        {
            return false; // a document not in force then would be given its mark from then
        }

        var documents = stored.Select(row => new DocumentInput(row.Name, row.TemplateName, row.Originals, row.Copies, row.CaseNote, marks[row.Id], row.DataSource));
        return legalBasis.SequenceEqual((input.LegalBasis ?? []).Select(entry => entry with
               {
                   Number = entry.Number.Trim(), Title = entry.Title.Trim(), Issuer = entry.Issuer?.Trim(),
               }))
            && documents.SequenceEqual((input.Documents ?? []).Select(document => document with
               {
                   Name = document.Name.Trim(), TemplateName = document.TemplateName?.Trim(), CaseNote = document.CaseNote?.Trim(), DataSource = document.DataSource?.Trim(),
               }));
    }
}
