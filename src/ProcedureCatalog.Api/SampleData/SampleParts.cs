using System.Data.Common;
using System.Text.Json;
using Dapper;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.SampleData;

/// <summary>
/// The sample's channels and published fields (<c>db/seed/sample-channels.json</c>): national procedures that the provinces
/// perform (VN, level province), loaded with the sample's own procedures, and for the seed jurisdictions' procedures their
/// channels with their own time and fee, who may file, the result, the conditions, the steps, the agencies and the national
/// procedure they implement. Written through the same rules as the API's writes, in the sample's transaction.
/// </summary>
internal sealed record SampleParts(IReadOnlyList<SampleCatalogue.SampleProcedure> Procedures, IReadOnlyList<SampleParts.SampleProcedureParts> Parts)
{
    public const string ResourceName = "db/seed/sample-channels.json";

    public static SampleParts Read(JsonSerializerOptions options)
    {
        using var stream = typeof(SampleParts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample's channels {ResourceName} are not embedded.");
        return JsonSerializer.Deserialize<SampleParts>(stream, options) ?? throw new InvalidOperationException("The sample's channels are empty.");
    }

    /// <summary>Writes every procedure's parts; a reference that does not fit stops the sample, as a refused procedure does.</summary>
    public async Task Apply(DbConnection connection, DbTransaction transaction, SqlDialect dialect, DateTime now, CancellationToken cancellationToken)
    {
        var recordedAt = now;
        foreach (var part in Parts)
        {
            var procedure = await ProcedureQueries.FindByCode(connection, part.Jurisdiction, part.Code, cancellationToken, transaction)
                ?? throw new InvalidOperationException($"The sample's channels name {part.Jurisdiction}/{part.Code}, which the sample does not hold.");
            async Task<long> Agency(string name) => await AgencyQueries.IdOfName(connection, transaction, part.Jurisdiction, name, cancellationToken)
                ?? throw new InvalidOperationException($"The sample's channels name the agency '{name}', which {part.Jurisdiction} does not have.");
            async Task<List<long>> Agencies(IEnumerable<string> names)
            {
                var ids = new List<long>();
                foreach (var name in names)
                {
                    ids.Add(await Agency(name));
                }

                return ids;
            }

            var published = part.Published;
            var input = new ProcedureUpsert(procedure.Name, null, null, null, null, null, null, null, null, null, null, null)
            {
                Channels = part.Channels,
                Published = new PublishedInput(
                    published.ApplicantTypes, published.ResultName is { } result ? new ProcedureResult(result, published.ResultForm) : null, published.Conditions, published.Steps,
                    published.DecidingAgency is { } deciding ? await Agency(deciding) : null,
                    await Agencies(published.ReceivingAgencies), await Agencies(published.CoordinatingAgencies),
                    published.Implements),
            };
            var errors = new Errors();
            var plan = await ProcedureParts.Plan(connection, transaction, part.Jurisdiction, input, errors, cancellationToken);
            if (errors.Any)
            {
                throw new InvalidOperationException($"The sample's channels of {part.Jurisdiction}/{part.Code} were refused: {errors}.");
            }

            await ProcedureParts.Write(connection, transaction, procedure.Id, procedure.Code, procedure.Name, plan, cancellationToken);
            // Entries are recorded in file order, a tick apart, so that two entries of the same day keep their order.
            foreach (var entry in part.ChannelTimeHistory)
            {
                recordedAt = recordedAt.AddTicks(1);
                await ChannelQueries.AppendTime(connection, transaction, dialect, procedure.Id, entry.Channel!.Value,
                    new TimeEntryInput(entry.EffectiveFrom, entry.Amount, entry.Unit, entry.DecisionRef), recordedAt, cancellationToken);
            }

            foreach (var entry in part.ChannelFeeHistory)
            {
                recordedAt = recordedAt.AddTicks(1);
                await ChannelQueries.AppendFee(connection, transaction, dialect, procedure.Id, entry.Channel!.Value,
                    new FeeEntryInput(entry.EffectiveFrom, entry.FeeVnd, entry.DecisionRef), recordedAt, cancellationToken);
            }
        }
    }

    internal sealed record SampleProcedureParts(
        string Jurisdiction,
        string Code,
        IReadOnlyList<ChannelInput> Channels,
        IReadOnlyList<Transfers.ChannelTimeRecord> ChannelTimeHistory,
        IReadOnlyList<Transfers.ChannelFeeRecord> ChannelFeeHistory,
        Transfers.PublishedColumnValues Published);
}
