using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// The DacFx checks only mean something if they fail on a fault: copies of a view and of statements the service
/// sends, each with one wrong name, must be reported. SQL Server defers resolving a missing table in a
/// procedure to its first run; DacFx reports it anyway (SQL71502), as it does a wrong column.
/// </summary>
public sealed class SqlServerFaultTests(SqlServerFaultTests.Fixture fixture) : IClassFixture<SqlServerFaultTests.Fixture>
{
    private const string WrongColumn = "target_percent";

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            // target_levels reads program_targets.target_pct; its copy reads a column that does not exist.
            Model = SqlServerModel.Build(SqlServerSchemaScripts.Load((script, text) =>
                script == "views/0400_target_levels.sql" ? text.Replace("t.target_pct", "t." + WrongColumn, StringComparison.Ordinal) : text));
            Model.Add(CheckProcedures.Schema, "check schema");
            var sent = InCodeStatements.Collect(DatabaseProvider.SqlServer).Statements;
            RecordedStatement Sent(string origin, string contains) =>
                sent.First(statement => statement.Origin == origin && statement.Text.Contains(contains, StringComparison.Ordinal));

            var select = Sent("AgencyQueries.Find", "FROM agencies");
            var insert = Sent("FieldQueries.Insert", "INSERT INTO fields");
            var update = Sent("TariffQueries.Update", "UPDATE hourly_tariffs");
            var join = Sent("ProcedureQueries.FindByCode", "JOIN agencies a");
            Add("select_wrong_column", select with { Text = select.Text.Replace("jurisdiction_code", "jurisdiction_kode", StringComparison.Ordinal) });
            Add("insert_wrong_column", insert with { Text = insert.Text.Replace("(name,", "(nam,", StringComparison.Ordinal) });
            Add("update_wrong_column", update with { Text = update.Text.Replace("SET hourly_tariff_vnd", "SET hourly_tarif_vnd", StringComparison.Ordinal) });
            Add("join_wrong_column", join with { Text = join.Text.Replace("a.id = p.agency_id", "a.id = p.agency", StringComparison.Ordinal) });
            Add("select_missing_table", select with { Text = select.Text.Replace("FROM agencies", "FROM agency", StringComparison.Ordinal) });
            Problems = Model.Problems().Select(SqlServerModel.Describe).ToList();
        }

        public SqlServerModel Model { get; }

        public IReadOnlyList<string> Problems { get; }

        private void Add(string name, RecordedStatement statement)
        {
            Assert.NotEqual(InCodeStatements.Normalise(statement.Text), string.Empty);
            Model.Add(CheckProcedures.Wrap(name, statement), name);
        }

        public void Dispose() => Model.Dispose();
    }

    // A wrong column of a known table is an error (SQL71501), in a view as in a procedure.
    [Fact]
    public void AViewThatReadsAMissingColumnIsReported() => AssertReported("Error SQL71501", "[dbo].[target_levels]", "[" + WrongColumn + "]");

    [Fact]
    public void ASelectOfAMissingColumnIsReported() => AssertReported("Error SQL71501", "[check].[select_wrong_column]", "[jurisdiction_kode]");

    [Fact]
    public void AnInsertIntoAMissingColumnIsReported() => AssertReported("Error SQL71501", "[check].[insert_wrong_column]", "[nam]");

    [Fact]
    public void AnUpdateOfAMissingColumnIsReported() => AssertReported("Error SQL71501", "[check].[update_wrong_column]", "[hourly_tarif_vnd]");

    [Fact]
    public void AJoinOnAMissingColumnIsReported() => AssertReported("Error SQL71501", "[check].[join_wrong_column]", "[agency]");

    // A missing table in a procedure is what SQL Server resolves only at the first run; DacFx names it as a
    // warning (SQL71502), which the checks of the real statements count as a failure like any error.
    [Fact]
    public void AMissingTableIsReportedDespiteDeferredNameResolution() => AssertReported("Warning SQL71502", "[check].[select_missing_table]", "[agency]");

    [Fact]
    public void NothingElseIsReported()
    {
        var expected = new[] { "[dbo].[target_levels]", "[check].[select_wrong_column]", "[check].[insert_wrong_column]", "[check].[update_wrong_column]", "[check].[join_wrong_column]", "[check].[select_missing_table]" };
        var others = fixture.Problems.Where(problem => !expected.Any(name => problem.Contains(name, StringComparison.Ordinal))).ToList();
        Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));
    }

    private void AssertReported(string kind, string element, string wrongName)
    {
        var output = TestContext.Current.TestOutputHelper!;
        fixture.Problems.ToList().ForEach(output.WriteLine);
        Assert.Contains(fixture.Problems, problem =>
            problem.StartsWith(kind, StringComparison.Ordinal) && problem.Contains(element, StringComparison.Ordinal) && problem.Contains(wrongName, StringComparison.Ordinal));
    }
}
