using System.Data.Common;
using System.Globalization;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.ReportingRegimes;

/// <summary>A regime's description as it is stored (texts trimmed), from the API or from an import row.</summary>
internal sealed record RegimeDescription(string Name, string LegalBasis, long AgencyId, ReportingFrequency Frequency, ProcedureStatus Status, DateOnly? AbolishedOn)
{
    public static RegimeDescription Of(ReportingRegimeCreate input) =>
        new(input.Name.Trim(), input.LegalBasis.Trim(), input.AgencyId!.Value, input.Frequency!.Value, input.Status ?? ProcedureStatus.Active, input.AbolishedOn);

    public static RegimeDescription Of(ReportingRegimeUpdate input) =>
        new(input.Name.Trim(), input.LegalBasis.Trim(), input.AgencyId!.Value, input.Frequency!.Value, input.Status!.Value, input.AbolishedOn);

    public bool SameAs(RegimeRow row) =>
        row.Name == Name && row.LegalBasis == LegalBasis && row.AgencyId == AgencyId && row.Frequency == EnumText.Of(Frequency)
        && row.Status == EnumText.Of(Status) && row.AbolishedOn == AbolishedOn;

    /// <summary>An abolished regime has the date it was abolished on, an active one none.</summary>
    public static void CheckStatus(ProcedureStatus status, DateOnly? abolishedOn, Errors errors)
    {
        errors.When(status == ProcedureStatus.Abolished && abolishedOn is null, "abolishedOn", "An abolished regime needs abolishedOn, the day it no longer applies.");
        errors.When(status == ProcedureStatus.Active && abolishedOn is not null, "abolishedOn", "An active regime has no abolishedOn; leave it out, or send status abolished.");
    }
}

/// <summary>The steps every write of a regime shares, from the API and from an import: references checked, changes recorded.</summary>
internal static class RegimeWrites
{
    /// <summary>A regime is known by its id; its ETag ends with a digest of the representation sent (it depends on asOf).</summary>
    public static readonly VersionedResource<RegimeRow> Resource = new("reporting regime", row => row.Version, IdOf: row => row.Id);

    /// <summary>The agency exists and belongs to the regime's jurisdiction (422 otherwise).</summary>
    public static async Task<Errors> CheckAgency(DbConnection connection, DbTransaction transaction, string jurisdiction, long agencyId, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        await ProcedureWrites.CheckAgency(connection, transaction, jurisdiction, agencyId, errors, cancellationToken);
        return errors;
    }

    /// <summary>The regime itself changed: created, updated, abolished, reinstated or deleted (no version once deleted).</summary>
    public static Task Recorded(CatalogWrite write, long id, string jurisdiction, string action, long? version) =>
        write.Record(new ChangeEntry("reporting-regime", Text(id), action, Jurisdiction: jurisdiction, Version: version));

    /// <summary>An entry of a regime's electronic history was created or deleted; the key names the regime and the entry.</summary>
    public static Task EntryRecorded(CatalogWrite write, long regimeId, long entryId, string jurisdiction, string action, long version) =>
        write.Record(new ChangeEntry("electronic-entry", $"{Text(regimeId)}/{Text(entryId)}", action, Jurisdiction: jurisdiction, Version: version));

    /// <summary>The change feed's action for a new description: abolished or reinstated when the status moves, updated otherwise.</summary>
    public static string ActionOf(RegimeRow before, RegimeDescription after) =>
        before.Status == EnumText.Of(after.Status) ? "updated" : after.Status == ProcedureStatus.Abolished ? "abolished" : "reinstated";

    /// <summary>A new regime with its description and, when given, the first entry of its electronic history; version 1.</summary>
    public static async Task<long> Create(CatalogWrite write, string jurisdiction, RegimeDescription description, ElectronicEntryInput? electronic, DateOnly today)
    {
        var id = await RegimeQueries.Insert(write.Connection, write.Transaction, write.Dialect, jurisdiction, description, write.Now, write.Cancellation);
        if (electronic is not null)
        {
            await AppendEntry(write, id, electronic, today);
        }

        await Recorded(write, id, jurisdiction, "created", 1);
        return id;
    }

    /// <summary>Adds an entry, effective on <paramref name="today"/> unless it names its day, in the name of the write's key.</summary>
    public static Task<long> AppendEntry(CatalogWrite write, long regimeId, ElectronicEntryInput entry, DateOnly today) =>
        RegimeQueries.AppendEntry(write.Connection, write.Transaction, write.Dialect, regimeId, entry.Electronic!.Value, entry.EffectiveFrom ?? today,
            entry.DecisionRef, write.Now, Access.Actor.Of(write.Caller).Name, write.Cancellation);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>From rows to the API's contracts: only unit and shape changes happen here.</summary>
internal static class RegimeMappings
{
    public static ReportingRegime ToContract(RegimeRow row, DateOnly asOf)
    {
        var entry = row.EntryId is { } id
            ? new ElectronicEntry(id, row.EntryElectronic!.Value, row.EntryEffectiveFrom!.Value, row.EntryDecisionRef!, Utc(row.EntryRecordedAt!.Value), row.EntryRecordedBy!)
            : null;
        return new ReportingRegime(
            row.Id, row.JurisdictionCode, row.Name, row.LegalBasis, new NamedReference(row.AgencyId, row.AgencyName),
            EnumText<ReportingFrequency>.Parse(row.Frequency), EnumText<ProcedureStatus>.Parse(row.Status), row.AbolishedOn, asOf,
            entry?.Electronic, entry, Utc(row.CreatedAt), Utc(row.UpdatedAt), row.Version);
    }

    public static ElectronicEntry ToContract(ElectronicEntryRow row) =>
        new(row.Id, row.Electronic, row.EffectiveFrom, row.DecisionRef, Utc(row.RecordedAt), row.RecordedBy);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
