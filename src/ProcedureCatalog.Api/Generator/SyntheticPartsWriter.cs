using System.Data.Common;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.SampleData;

namespace ProcedureCatalog.Api.Generator;

/// <summary>Writes each generated procedure's channels, their histories and what is published of it, one prepared INSERT per table.</summary>
internal sealed class SyntheticPartsWriter(DbConnection connection, DbTransaction transaction, int seed) : IDisposable
{
    private readonly SyntheticParts parts = new(seed);
    private readonly List<long> nationalIds = [];
    private readonly PreparedInsert channels = new(connection, transaction, "procedure_channels", ["procedure_id", "channel", "description"]);
    private readonly PreparedInsert times = new(connection, transaction, "channel_time_history",
        ["procedure_id", "channel", "effective_from", "amount", "unit", "decision_ref", "recorded_at"]);
    private readonly PreparedInsert fees = new(connection, transaction, "channel_fee_history", ["procedure_id", "channel", "effective_from", "fee_vnd", "decision_ref", "recorded_at"]);
    private readonly PreparedInsert publications = new(connection, transaction, "procedure_publications",
        ["procedure_id", "result_name", "result_form", "deciding_agency_id", "implements_id"]);
    private readonly PreparedInsert types = new(connection, transaction, "procedure_applicant_types", ["procedure_id", "applicant_type"]);
    private readonly PreparedInsert texts = new(connection, transaction, "procedure_texts", ["procedure_id", "list", "position", "text"]);
    private readonly PreparedInsert roles = new(connection, transaction, "procedure_agency_roles", ["procedure_id", "role", "position", "agency_id"]);

    /// <summary>Rows written: channels, channel time and fee entries.</summary>
    public (long Channels, long Entries) Counts { get; private set; }

    public SyntheticProcedureParts Draw(SampleCatalogue.SampleProcedure procedure, long agencyId) => parts.Draw(procedure, agencyId, nationalIds);

    public void Write(long id, SampleCatalogue.SampleProcedure procedure, SyntheticProcedureParts drawn, Func<DateOnly, int, DateTime> recordedAt)
    {
        if (procedure.Level == ProcedureLevel.Central)
        {
            nationalIds.Add(id);
        }

        foreach (var channel in drawn.Channels)
        {
            channels.Insert(id, EnumText.Of(channel.Channel!.Value), channel.Description);
        }

        var recorded = 0;
        foreach (var (channel, entry) in drawn.Times)
        {
            times.Insert(id, EnumText.Of(channel), entry.EffectiveFrom, entry.Amount, EnumText.Of(entry.Unit!.Value), entry.DecisionRef, recordedAt(entry.EffectiveFrom!.Value, recorded++));
        }

        foreach (var (channel, entry) in drawn.Fees)
        {
            fees.Insert(id, EnumText.Of(channel), entry.EffectiveFrom, entry.FeeVnd, entry.DecisionRef, recordedAt(entry.EffectiveFrom!.Value, recorded++));
        }

        var published = drawn.Published;
        publications.Insert(id, published.ResultName, published.ResultForm, published.DecidingAgencyId, published.ImplementsId);
        foreach (var type in published.ApplicantTypes)
        {
            types.Insert(id, EnumText.Of(type));
        }

        for (var index = 0; index < published.Conditions.Count; index++)
        {
            texts.Insert(id, "condition", index + 1, published.Conditions[index]);
        }

        for (var index = 0; index < published.Steps.Count; index++)
        {
            texts.Insert(id, "step", index + 1, published.Steps[index]);
        }

        for (var index = 0; index < published.ReceivingAgencyIds.Count; index++)
        {
            roles.Insert(id, "receiving", index + 1, published.ReceivingAgencyIds[index]);
        }

        Counts = (Counts.Channels + drawn.Channels.Count, Counts.Entries + drawn.Times.Count + drawn.Fees.Count);
    }

    public void Dispose()
    {
        foreach (var insert in new[] { channels, times, fees, publications, types, texts, roles })
        {
            insert.Dispose();
        }
    }
}
