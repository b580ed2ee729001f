namespace ProcedureCatalog.Tests.Contracts;

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
