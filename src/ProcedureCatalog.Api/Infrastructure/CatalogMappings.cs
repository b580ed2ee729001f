using Mapster;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Tariffs;
using ProcedureCatalog.Api.Targets;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// How database rows become API contracts. Every mapping is explicit and every destination member must
/// have a source, so a renamed column or property fails TypeAdapterConfig.Compile() in the tests.
/// </summary>
public static class CatalogMappings
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig
        {
            RequireExplicitMapping = true,
            RequireDestinationMemberSource = true,
        };

        MapEnum<JurisdictionLevel>(config);
        MapEnum<ProcedureLevel>(config);
        MapEnum<ProcedureKind>(config);
        MapEnum<OnlineLevel>(config);
        MapEnum<ProcedureStatus>(config);
        MapEnum<TimeUnit>(config);
        MapEnum<Indicator>(config);

        config.NewConfig<DateTime, DateTime>().MapWith(value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

        config.NewConfig<JurisdictionRow, Jurisdiction>();
        config.NewConfig<FieldRow, Field>();
        config.NewConfig<AgencyRow, Agency>()
            .Map(agency => agency.Jurisdiction, row => row.JurisdictionCode);

        config.NewConfig<ProcedureRow, ProcedureSummary>()
            .Map(summary => summary.Jurisdiction, row => row.JurisdictionCode);
        config.NewConfig<ProcedureRow, ProcedureDetail>()
            .Map(detail => detail.Jurisdiction, row => row.JurisdictionCode)
            .Map(detail => detail.Field, row => new NamedReference(row.FieldId, row.FieldName))
            .Map(detail => detail.Agency, row => new NamedReference(row.AgencyId, row.AgencyName))
            .Ignore(detail => detail.LegalBasis, detail => detail.Documents, detail => detail.AsOf, detail => detail.TimeInForce, detail => detail.CostInForce);
        config.NewConfig<NamedReference, NamedReference>();
        config.NewConfig<LegalBasisRow, LegalBasisEntry>();
        config.NewConfig<DocumentRow, Document>();
        config.NewConfig<TimeEntryRow, TimeEntry>();
        config.NewConfig<CostEntryRow, CostEntry>();
        config.NewConfig<ChangeRow, Change>()
            .Map(change => change.Jurisdiction, row => row.JurisdictionCode)
            .Map(change => change.ChangedBy, row => row.KeyName);
        config.NewConfig<TariffRow, Tariff>()
            .Map(tariff => tariff.Jurisdiction, row => row.JurisdictionCode);
        config.NewConfig<TargetRow, Target>()
            .Map(target => target.Program, row => row.ProgramCode);

        // A procedure's channels and what is published of it (Channels/, Procedures/ProcedureParts.cs) are read beside the row.
        MapEnum<Channels.FilingChannel>(config);
        config.ForType<ProcedureRow, ProcedureDetail>().Ignore(detail => detail.Channels, detail => detail.Published);
        config.NewConfig<Channels.ChannelTimeEntryRow, TimeEntry>();
        config.NewConfig<Channels.ChannelFeeEntryRow, Channels.FeeEntry>();

        return config;
    }

    private static void MapEnum<TEnum>(TypeAdapterConfig config) where TEnum : struct, Enum =>
        config.NewConfig<string, TEnum>().MapWith(text => EnumText<TEnum>.Parse(text));
}
