using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>The deployed SQL Server schema compiled by DacFx, so that views and triggers resolve against the tables the migrations leave.</summary>
public sealed class SqlServerModelTests(SqlServerModelTests.Fixture fixture) : IClassFixture<SqlServerModelTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public SqlServerModel Model { get; } = SqlServerModel.Build(SqlServerSchemaScripts.Load());

        public void Dispose() => Model.Dispose();
    }

    [Fact]
    public void TheMigratedSchemaWithEveryViewAndTriggerValidatesWithoutErrorOrWarning()
    {
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine("Modelled objects:");
        foreach (var item in fixture.Model.Schema.Objects)
        {
            output.WriteLine("  " + item.SourceName);
        }

        output.WriteLine("Data statements left out of the schema (compiled with the in-code statements instead):");
        foreach (var (origin, text) in fixture.Model.Schema.DataStatements)
        {
            output.WriteLine($"  {origin}: {text.Split('\n')[0].Trim()}");
        }

        var problems = fixture.Model.Problems().Select(SqlServerModel.Describe).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryViewAndTriggerOfTheScriptsIsInTheModel()
    {
        var names = fixture.Model.Schema.Objects.Select(item => item.Key).ToList();
        Assert.Contains("view dbo.time_in_force", names);
        Assert.Contains("trigger dbo.tr_procedure_windows_refresh", names);
        Assert.Contains("view dbo.procedure_reductions", names);

        // Dropped by migration 0012 with the tables they kept.
        Assert.DoesNotContain("trigger dbo.tr_procedure_figures_refresh", names);
        Assert.DoesNotContain("table dbo.time_windows", names);
        Assert.Contains("index dbo.time_history.ix_time_history_in_force", names);

        // Replaced by migration 0005: the model holds the end state, not every script's objects.
        Assert.DoesNotContain("index dbo.time_history.ix_time_history_procedure", names);
    }
}
