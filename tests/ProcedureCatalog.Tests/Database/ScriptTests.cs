using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// SQL Server cannot run here, so its scripts are checked by parsing them with SQL Server's own parser, and
/// compared with the SQLite scripts (which do run) for the same tables, views and columns.
/// </summary>
public sealed class ScriptTests
{
    private static readonly string SqlServerScripts = Repository.PathOf("db", "sqlserver");
    private static readonly string SqliteScripts = Repository.PathOf("db", "sqlite");

    /// <summary>
    /// Each engine indexes search its own way (migration 0005): SQLite with an FTS5 table, SQL Server with this
    /// table of word suffixes. Neither is part of the catalogue's shape that both dialects share.
    /// </summary>
    private static readonly string[] SqlServerSearchIndexTables = ["table procedure_search_suffixes"];

    /// <summary>
    /// SQLite derives a procedure's windows through this work table (views/0100: it does not push a procedure's id through
    /// the aggregate); SQL Server reads the same view straight from the entries.
    /// </summary>
    private static readonly string[] SqliteWorkTables = ["table procedure_windows_work"];

    public static TheoryData<string> TransactSqlScripts() =>
        new(Directory.GetFiles(SqlServerScripts, "*.sql", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(SqlServerScripts, path)).Order());

    [Theory]
    [MemberData(nameof(TransactSqlScripts))]
    public void TransactSqlScriptParsesWithoutError(string script)
    {
        var errors = Parse(Path.Combine(SqlServerScripts, script), out _);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(error => $"{script}({error.Line},{error.Column}): {error.Message}")));
    }

    [Fact]
    public void EveryScriptHasItsTwinInTheOtherDialect()
    {
        string[] Names(string root) => Directory.GetFiles(root, "*.sql", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order().ToArray();
        Assert.Equal(Names(SqliteScripts), Names(SqlServerScripts));
    }

    [Fact]
    public async Task BothDialectsCreateTheSameTablesViewsAndColumns()
    {
        using var file = new TemporarySqliteFile();
        Targets.Migrator(Targets.Open(DatabaseProvider.Sqlite, file.ConnectionString)).Migrate();
        await using var connection = new SqliteConnection(file.ConnectionString);
        // pragma_table_list types FTS5's search table 'virtual' and its storage 'shadow': the search index is
        // engine-specific (see SearchIndexTables), like SQL Server's suffix table below.
        var objects = await connection.QueryAsync<(string Name, string Type)>(
            "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name <> 'schemaversions' COLLATE NOCASE");
        var sqlite = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type) in objects)
        {
            var columns = await connection.QueryAsync<string>("SELECT name FROM pragma_table_info(@Name)", new { Name = name });
            sqlite[$"{type} {name}"] = string.Join(", ", columns);
        }

        foreach (var work in SqliteWorkTables)
        {
            Assert.True(sqlite.Remove(work), work);
        }

        var sqlServer = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // In the order DbUp runs them, so that a later ALTER TABLE adds to the table an earlier script created.
        var visitor = new SchemaVisitor();
        foreach (var path in Directory.GetFiles(SqlServerScripts, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            Parse(path, out var fragment);
            fragment.Accept(visitor);
        }

        foreach (var (name, columns) in visitor.Objects.Where(entry => !SqlServerSearchIndexTables.Contains(entry.Key)))
        {
            sqlServer[name] = columns;
        }

        // The change feed follows a rowversion on SQL Server only; SQLite's single writer keeps ids in commit order.
        sqlServer["table changes"] = sqlServer["table changes"].Replace("row_version, ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("table procedures", sqlite.Keys);
        Assert.Contains("view time_in_force", sqlite.Keys);
        Assert.Equal(sqlite, sqlServer);
    }

    [Fact]
    public void StatementsWrittenInCodeParseAsTransactSql()
    {
        var statements = ProcedureCatalog.Api.Reports.ReportQueries.Statements(SqlDialect.For(DatabaseProvider.SqlServer))
            .Concat(ProcedureCatalog.Api.Changes.ChangeQueries.Statements())
            .Concat(ProcedureCatalog.Api.Transfers.ExportQueries.Statements())
            .Append(ProcedureCatalog.Api.Procedures.ProcedureQueries.SearchStatement(SqlDialect.For(DatabaseProvider.SqlServer)))
            .ToList();
        Assert.True(statements.Count >= 10);
        foreach (var statement in statements)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement), out var errors);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(error => $"({error.Line},{error.Column}): {error.Message}")) + Environment.NewLine + statement);
        }
    }

    private static IList<ParseError> Parse(string path, out TSqlFragment fragment)
    {
        using var reader = new StreamReader(path);
        fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        return errors;
    }

    private sealed class SchemaVisitor : TSqlFragmentVisitor
    {
        public Dictionary<string, string> Objects { get; } = [];

        public override void ExplicitVisit(CreateTableStatement node) =>
            Objects[$"table {node.SchemaObjectName.BaseIdentifier.Value}"] =
                string.Join(", ", node.Definition.ColumnDefinitions.Select(column => column.ColumnIdentifier.Value));

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            var table = $"table {node.SchemaObjectName.BaseIdentifier.Value}";
            Objects[table] = string.Join(", ", new[] { Objects.GetValueOrDefault(table) }.Concat(node.Definition.ColumnDefinitions.Select(column => column.ColumnIdentifier.Value))
                .Where(part => !string.IsNullOrEmpty(part)));
        }

        public override void ExplicitVisit(DropTableStatement node)
        {
            foreach (var name in node.Objects)
            {
                Objects.Remove($"table {name.BaseIdentifier.Value}");
            }
        }

        public override void ExplicitVisit(DropViewStatement node)
        {
            foreach (var name in node.Objects)
            {
                Objects.Remove($"view {name.BaseIdentifier.Value}");
            }
        }

        public override void ExplicitVisit(CreateOrAlterViewStatement node) => View(node);

        public override void ExplicitVisit(CreateViewStatement node) => View(node);

        private void View(ViewStatementBody node)
        {
            var query = node.SelectStatement.QueryExpression;
            while (query is BinaryQueryExpression union)
            {
                query = union.FirstQueryExpression;
            }

            while (query is QueryParenthesisExpression parenthesis)
            {
                query = parenthesis.QueryExpression;
            }

            var columns = ((QuerySpecification)query).SelectElements.Select(element => element switch
            {
                SelectScalarExpression { ColumnName: { } alias } => alias.Value,
                SelectScalarExpression { Expression: ColumnReferenceExpression column } => column.MultiPartIdentifier.Identifiers[^1].Value,
                _ => element.ToString() ?? "?",
            });
            Objects[$"view {node.SchemaObjectName.BaseIdentifier.Value}"] = string.Join(", ", columns);
        }
    }
}
