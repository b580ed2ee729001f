using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// Every statement the service sends to SQL Server, and every data statement of the scripts, compiled by DacFx
/// as a procedure against the deployed schema: a misspelt table or column fails here, not in production.
/// </summary>
public sealed partial class InCodeStatementTests(InCodeStatementTests.Fixture fixture) : IClassFixture<InCodeStatementTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Harvest = InCodeStatements.Collect(DatabaseProvider.SqlServer);
            SqliteHarvest = InCodeStatements.Collect(DatabaseProvider.Sqlite);
            var sent = Harvest.Statements.Concat(SqliteHarvest.Statements).Select(statement => InCodeStatements.AsWritten(statement.Text)).ToList();
            WholeTexts = InCodeStatements.WholeStatementsNotSent(sent);
            Model = SqlServerModel.Build(SqlServerSchemaScripts.Load());
            Model.Add(CheckProcedures.Schema, "check schema");
            var index = 0;
            foreach (var statement in Harvest.Statements.Concat(WholeTexts))
            {
                Add($"stmt_{++index}", statement);
            }

            index = 0;
            foreach (var (origin, text) in Model.Schema.DataStatements)
            {
                Add($"script_{++index}", new RecordedStatement(text, [], origin));
            }

            Problems = Model.Problems().Select(SqlServerModel.Describe).ToList();
        }

        public InCodeStatements.Harvest Harvest { get; }

        public InCodeStatements.Harvest SqliteHarvest { get; }

        public IReadOnlyList<RecordedStatement> WholeTexts { get; }

        public SqlServerModel Model { get; }

        public Dictionary<string, RecordedStatement> Procedures { get; } = [];

        public List<string> ParseErrors { get; } = [];

        public IReadOnlyList<string> Problems { get; }

        private void Add(string name, RecordedStatement statement)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement.Text), out var errors);
            if (errors.Count > 0)
            {
                ParseErrors.Add($"{statement.Origin}({errors[0].Line},{errors[0].Column}): {errors[0].Message}{Environment.NewLine}{statement.Text}");
                return;
            }

            Procedures[name] = statement;
            Model.Add(CheckProcedures.Wrap(name, statement), $"{name} from {statement.Origin}");
        }

        public void Dispose() => Model.Dispose();
    }

    [Fact]
    public void EveryStatementTheServiceSendsCompilesAgainstTheMigratedSchema()
    {
        var output = TestContext.Current.TestOutputHelper!;
        foreach (var (name, statement) in fixture.Procedures)
        {
            var text = InCodeStatements.Normalise(statement.Text);
            output.WriteLine($"{name} from {statement.Origin}: {text[..Math.Min(100, text.Length)]}");
            output.WriteLine("    " + InCodeStatements.Normalise(CheckProcedures.Declaration(name, statement)));
        }

        foreach (var note in fixture.Harvest.Notes)
        {
            output.WriteLine("note: " + note);
        }

        Assert.True(fixture.ParseErrors.Count == 0, string.Join(Environment.NewLine, fixture.ParseErrors));
        var explained = fixture.Problems.Select(problem =>
        {
            var procedure = CheckName().Match(problem);
            return procedure.Success && fixture.Procedures.TryGetValue(procedure.Groups[1].Value, out var statement)
                ? $"{problem}{Environment.NewLine}  sent by {statement.Origin}:{Environment.NewLine}{CheckProcedures.Wrap(procedure.Groups[1].Value, statement)}"
                : problem;
        }).ToList();
        Assert.True(explained.Count == 0, string.Join(Environment.NewLine, explained));
    }

    [Fact]
    public void EveryPieceOfSqlInTheServiceIsPartOfAStatementThatIsChecked()
    {
        var statements = fixture.Harvest.Statements.Concat(fixture.SqliteHarvest.Statements).Concat(fixture.WholeTexts).Select(statement => InCodeStatements.AsWritten(statement.Text)).ToList();
        var unchecked_ = InCodeStatements.SqlTextInTheService()
            .Where(piece => !statements.Any(statement => statement.Contains(piece.Text, StringComparison.Ordinal)))
            .Select(piece => $"{piece.Method}: {piece.Text}")
            .ToList();
        Assert.True(unchecked_.Count == 0, "SQL that no run of the service sent:" + Environment.NewLine + string.Join(Environment.NewLine, unchecked_));
    }

    [GeneratedRegex(@"\[check\]\.\[(\w+)\]")]
    private static partial Regex CheckName();
}
