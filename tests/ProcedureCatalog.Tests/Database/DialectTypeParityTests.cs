using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.Dac.Model;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// The two dialects' schemas compared column by column, names and kinds of type, from what each engine itself
/// makes of its scripts: DacFx's model of the SQL Server scripts, and a SQLite file the SQLite scripts migrated.
/// </summary>
public sealed class DialectTypeParityTests(DialectTypeParityTests.Fixture fixture) : IClassFixture<DialectTypeParityTests.Fixture>
{
    /// <summary>Each engine indexes search its own way (migration 0005); neither index is part of the shared shape.</summary>
    private static readonly string[] SearchIndexTables = ["procedure_search_suffixes", "procedure_search"];

    /// <summary>SQLite derives a procedure's windows through a work table (views/0100); SQL Server reads the same view straight from the entries.</summary>
    private static readonly string[] SqliteWorkTables = ["procedure_windows_work"];

    public sealed class Fixture : IDisposable
    {
        private readonly TemporarySqliteFile file = new();

        public Fixture()
        {
            using (var model = SqlServerModel.Build(SqlServerSchemaScripts.Load()))
            {
                SqlServerTables = Columns(model.Model, Table.TypeClass, Table.Columns);
                SqlServerViews = Columns(model.Model, View.TypeClass, View.Columns);
            }

            Targets.Migrator(Targets.Open(DatabaseProvider.Sqlite, file.ConnectionString)).Migrate();
            using var connection = new SqliteConnection(file.ConnectionString);

            // pragma_table_list types FTS5's search table 'virtual' and its storage 'shadow'.
            var objects = connection.Query<(string Name, string Type)>(
                "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name <> 'schemaversions' COLLATE NOCASE")
                .ToList();
            foreach (var (name, type) in objects)
            {
                var columns = connection.Query<(string Name, string Type)>("SELECT name, type FROM pragma_table_info(@Name) ORDER BY cid", new { Name = name })
                    .Select(column => new ColumnKind(column.Name, SqliteKind(column.Type))).ToList();
                if (!SqliteWorkTables.Contains(name))
                {
                    (type == "view" ? SqliteViews : SqliteTables)[name] = columns;
                }
            }
        }

        public SortedDictionary<string, List<ColumnKind>> SqlServerTables { get; }

        public SortedDictionary<string, List<ColumnKind>> SqlServerViews { get; }

        public SortedDictionary<string, List<ColumnKind>> SqliteTables { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, List<ColumnKind>> SqliteViews { get; } = new(StringComparer.Ordinal);

        public void Dispose() => file.Dispose();

        private static SortedDictionary<string, List<ColumnKind>> Columns(TSqlModel model, ModelTypeClass type, ModelRelationshipClass columns) =>
            new(model.GetObjects(DacQueryScopes.UserDefined, type)
                .Where(item => !SearchIndexTables.Contains(item.Name.Parts[^1]))
                .ToDictionary(
                    item => item.Name.Parts[^1],
                    item => item.GetReferenced(columns).Select(column => new ColumnKind(column.Name.Parts[^1], SqlServerKind(PlainSource(column)))).ToList()),
                StringComparer.Ordinal);
    }

    /// <summary>A column's name and the kind of value it holds: text, integer, decimal, date, datetime, binary, or "" when the engine does not say.</summary>
    public sealed record ColumnKind(string Name, string Kind)
    {
        public override string ToString() => Kind.Length == 0 ? Name : $"{Name} {Kind}";
    }

    [Fact]
    public void BothDialectsHaveTheSameTablesAndViews()
    {
        Assert.Contains("procedures", fixture.SqliteTables.Keys);
        Assert.Contains("time_in_force", fixture.SqliteViews.Keys);
        Assert.Equal(fixture.SqliteTables.Keys.Where(name => !SearchIndexTables.Contains(name)), fixture.SqlServerTables.Keys);
        Assert.Equal(fixture.SqliteViews.Keys, fixture.SqlServerViews.Keys);
    }

    [Fact]
    public void EveryTableHasTheSameColumnsOfTheSameKindsInBothDialects()
    {
        var sqlServer = fixture.SqlServerTables.ToDictionary(entry => entry.Key, entry => entry.Value.ToList());

        // The change feed follows a rowversion on SQL Server only; SQLite's single writer keeps ids in commit order.
        sqlServer["changes"].RemoveAll(column => column.Name == "row_version");
        var differences = Differences(sqlServer, fixture.SqliteTables, requireKinds: true);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    /// <summary>
    /// Neither engine types a computed view column: SQLite declares the type of a view column only when it is a
    /// plain column of a table (or of another view), and DacFx's model gives a view column no type at all, only
    /// the column it depends on when it is such a plain column. So names are compared everywhere, and kinds
    /// where both engines trace the column to a table's.
    /// </summary>
    [Fact]
    public void EveryViewHasTheSameColumnsInBothDialectsOfTheSameKindsWhereBothEnginesKnowThem()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var differences = Differences(fixture.SqlServerViews.ToDictionary(entry => entry.Key, entry => entry.Value), fixture.SqliteViews, requireKinds: false);
        var compared = fixture.SqlServerViews.Sum(view => view.Value.Count(column => column.Kind.Length > 0
            && fixture.SqliteViews.TryGetValue(view.Key, out var twin) && twin.Any(other => other.Name == column.Name && other.Kind.Length > 0)));
        output.WriteLine($"{compared} of {fixture.SqlServerViews.Sum(view => view.Value.Count)} view columns compared by kind as well as by name");
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.True(compared >= 50, $"only {compared} view columns could be compared by kind");
    }

    private static List<string> Differences(IDictionary<string, List<ColumnKind>> sqlServer, IDictionary<string, List<ColumnKind>> sqlite, bool requireKinds)
    {
        var differences = new List<string>();
        foreach (var (name, columns) in sqlServer)
        {
            if (!sqlite.TryGetValue(name, out var twin))
            {
                differences.Add($"{name}: not in SQLite");
                continue;
            }

            if (!columns.Select(column => column.Name).SequenceEqual(twin.Select(column => column.Name)))
            {
                differences.Add($"{name}: columns{Environment.NewLine}  SQL Server {string.Join(", ", columns.Select(column => column.Name))}{Environment.NewLine}  SQLite     {string.Join(", ", twin.Select(column => column.Name))}");
                continue;
            }

            foreach (var (server, lite) in columns.Zip(twin))
            {
                var known = server.Kind.Length > 0 && lite.Kind.Length > 0;
                if ((requireKinds && !known) || (known && !SameKind(server.Kind, lite.Kind)))
                {
                    differences.Add($"{name}.{server.Name}: SQL Server {Shown(server.Kind)}, SQLite {Shown(lite.Kind)}");
                }
            }
        }

        return differences;
    }

    private static string Shown(string kind) => kind.Length == 0 ? "(no type)" : kind;

    // SQLite has no date type: the service writes dates and times as ISO-8601 text, which sorts and compares as the dates do.
    private static bool SameKind(string sqlServer, string sqlite) =>
        sqlServer == sqlite || (sqlite == "text" && sqlServer is "date" or "datetime");

    /// <summary>
    /// The table column a view column is, when it is a plain column (DacFx links only such view columns to
    /// their source); the view column itself otherwise.
    /// </summary>
    private static TSqlObject PlainSource(TSqlObject column)
    {
        for (var depth = 0; depth < 10 && column.GetReferenced(Column.DataType).FirstOrDefault() is null; depth++)
        {
            var sources = column.GetReferenced(Column.ExpressionDependencies).Where(source => source.ObjectType == Column.TypeClass).ToList();
            if (sources.Count != 1)
            {
                break;
            }

            column = sources[0];
        }

        return column;
    }

    private static string SqlServerKind(TSqlObject column)
    {
        var type = column.GetReferenced(Column.DataType).FirstOrDefault()?.Name.Parts[^1].ToLowerInvariant();
        return type switch
        {
            null => string.Empty,
            "bigint" or "int" or "smallint" or "tinyint" or "bit" => "integer",
            "nvarchar" or "varchar" or "nchar" or "char" or "ntext" or "text" or "uniqueidentifier" => "text",
            "decimal" or "numeric" or "money" or "smallmoney" or "float" or "real" => "decimal",
            "date" => "date",
            "datetime2" or "datetime" or "smalldatetime" or "datetimeoffset" => "datetime",
            "rowversion" or "timestamp" or "binary" or "varbinary" or "image" => "binary",
            _ => type,
        };
    }

    /// <summary>SQLite's type affinity of a declared type (the rules of section 3.1 of its datatype documentation).</summary>
    private static string SqliteKind(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type switch
        {
            "" => string.Empty,
            _ when type.Contains("INT", StringComparison.Ordinal) => "integer",
            _ when type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) => "text",
            _ when type.Contains("BLOB", StringComparison.Ordinal) => "binary",
            _ => "decimal",
        };
    }
}
