using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Tests.Contracts;

public sealed class MappingTests
{
    [Fact]
    public void EveryRowToContractMappingCompilesWithASourceForEachMember()
    {
        var config = CatalogMappings.Create();
        var exception = Record.Exception(() => config.Compile());
        Assert.Null(exception);
    }

    [Fact]
    public void GlossaryWordsRoundTripThroughTheMapping()
    {
        var config = CatalogMappings.Create();
        var mapper = new MapsterMapper.Mapper(config);
        Assert.Equal(ProcedureCatalog.Api.Procedures.ProcedureKind.InternalBetweenAgencies,
            mapper.Map<string, ProcedureCatalog.Api.Procedures.ProcedureKind>("internal-between-agencies"));
        Assert.Equal("internal-between-agencies", EnumText.Of(ProcedureCatalog.Api.Procedures.ProcedureKind.InternalBetweenAgencies));
        Assert.Equal("working-days", EnumText.Of(ProcedureCatalog.Api.Procedures.TimeUnit.WorkingDays));
    }
}
