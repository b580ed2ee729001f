using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// How SQLite plans the statements the service sends, on a migrated catalogue. Without statistics (the service never runs
/// ANALYZE) SQLite plans by the shape of a statement alone, so these plans are the ones it makes at any size.
/// </summary>
public sealed partial class SqlitePlanTests(SqlitePlanTests.Fixture fixture) : IClassFixture<SqlitePlanTests.Fixture>
{
    private const string HoldingIndex = "ix_reduction_windows_holding";

    public sealed class Fixture : IDisposable
    {
        private readonly TemporarySqliteFile file = new();

        public Fixture()
        {
            Targets.Migrator(Targets.Open(DatabaseProvider.Sqlite, file.ConnectionString)).Migrate();
            // The harvest holds some statements written for SQL Server only (the checks' copies): SQLite cannot plan those.
            Plans = InCodeStatements.Collect(DatabaseProvider.Sqlite).Statements
                .Select(statement => (Statement: statement, Plan: TryPlan(statement.Text)))
                .Where(planned => planned.Plan is not null)
                .Select(planned => new Planned(planned.Statement, planned.Plan!))
                .ToList();
        }

        /// <summary>Every statement the service sends to SQLite, with its plan.</summary>
        public IReadOnlyList<Planned> Plans { get; }

        private IReadOnlyList<string>? TryPlan(string statement)
        {
            try
            {
                return Plan(statement);
            }
            catch (SqliteException)
            {
                return null;
            }
        }

        /// <summary>The plan of a statement, its parameters unbound (NULL): one line per step, as EXPLAIN QUERY PLAN gives them.</summary>
        public IReadOnlyList<string> Plan(string statement)
        {
            using var connection = new SqliteConnection(file.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
            foreach (var name in ParameterName().Matches(statement).Select(match => match.Value).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                command.Parameters.AddWithValue(name, DBNull.Value);
            }

            var lines = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(reader.GetString(3));
            }

            return lines;
        }

        public void Dispose() => file.Dispose();
    }

    public sealed record Planned(RecordedStatement Statement, IReadOnlyList<string> Plan);

    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex ParameterName();

    /// <summary>
    /// The holding index has every column of reduction_windows, so that a statement reading it never looks a row up in the
    /// table: one lookup per row of a national catalogue costs many times reading the table whole (8 s instead of 0.3 s for
    /// the scoreboard's reductions at 610,000 procedures, when a column was missing from it).
    /// </summary>
    [Fact]
    public void NoStatementLooksUpRowsFromTheHoldingIndex()
    {
        var lookups = fixture.Plans
            .SelectMany(planned => planned.Plan.Where(line => line.Contains(HoldingIndex, StringComparison.Ordinal) && !line.Contains("COVERING INDEX", StringComparison.Ordinal))
                .Select(line => $"{planned.Statement.Origin}: {line}"))
            .ToList();

        Assert.Empty(lookups);
    }

    /// <summary>A statement of one jurisdiction or one procedure reads its range of the table, not every window that ends after its date.</summary>
    [Fact]
    public void StatementsOfOneJurisdictionOrProcedureReadTheirOwnRange()
    {
        var ofOne = fixture.Plans.Where(planned => OfOne().IsMatch(planned.Statement.Text)).ToList();
        var holding = ofOne.Where(planned => planned.Plan.Any(line => line.Contains(HoldingIndex, StringComparison.Ordinal)))
            .Select(planned => planned.Statement.Origin).ToList();

        Assert.Contains(ofOne, planned => planned.Plan.Any(line => line.Contains("reduction_windows_procedure (procedure_id=?", StringComparison.Ordinal)));
        Assert.Empty(holding);
    }

    [GeneratedRegex(@"jurisdiction_code = (@Jurisdiction|j\.code)|p\.id = @Id\b")]
    private static partial Regex OfOne();

    [Fact]
    public void TheScoreboardReadsOnlyTheWindowsThatEndAfterItsDate()
    {
        var coverage = CoverageQueries.Statements.ToList();
        var reductions = GroupReductionQueries.Statements([]).Skip(1).First();

        foreach (var statement in coverage.Take(1).Append(reductions))
        {
            Assert.Contains(fixture.Plan(statement), line => line.Contains($"USING COVERING INDEX {HoldingIndex} (program_code=? AND <expr>>?)", StringComparison.Ordinal));
        }

        // Of one jurisdiction: its range of the table.
        Assert.Contains(fixture.Plan(coverage[1]), line => line.Contains("USING PRIMARY KEY (program_code=? AND jurisdiction_code=?)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLaggardsAreSortedByTheirFiguresAloneAndNamedInThatOrder()
    {
        var statement = LaggardQueries.Statements(SqlDialect.For(DatabaseProvider.Sqlite), []).Skip(1).First();

        var plan = fixture.Plan(statement);

        // One sort, inside the page of figures; the names are joined to it in its order, not sorted again with them.
        Assert.Single(plan, line => line.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("CO-ROUTINE", StringComparison.Ordinal) || line.StartsWith("MATERIALIZE", StringComparison.Ordinal));
    }
}
