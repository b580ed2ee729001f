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

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void CommandTimeoutReachesTheConnection()
    {
        var sqlite = ProcedureCatalog.Tests.Database.Targets.Open(ProcedureCatalog.Api.Database.DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.Equal(30, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite.ConnectionString).DefaultTimeout);
        Assert.True(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite.ConnectionString).ForeignKeys);
        var sqlServer = ProcedureCatalog.Tests.Database.Targets.Open(ProcedureCatalog.Api.Database.DatabaseProvider.SqlServer, "Server=localhost;Database=x");
        Assert.Equal(30, new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(sqlServer.ConnectionString).CommandTimeout);
    }
}
