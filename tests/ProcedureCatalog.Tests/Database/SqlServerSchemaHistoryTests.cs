using Microsoft.SqlServer.Dac.Model;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// The model is only the deployed schema if later scripts replace what earlier ones made, as on a server: these
/// play small histories that the real scripts do not have yet (ALTER TABLE, DROP TABLE), so that the first
/// migration to use them is modelled right.
/// </summary>
public sealed class SqlServerSchemaHistoryTests
{
    private const string Table =
        """
        CREATE TABLE things (
            id   INT NOT NULL CONSTRAINT pk_things PRIMARY KEY,
            name NVARCHAR(10) NULL,
            size INT NULL
        );
        CREATE INDEX ix_things_name ON things (name);
        GO
        CREATE TRIGGER tr_things ON things AFTER INSERT AS BEGIN SET NOCOUNT ON; END;
        GO
        """;

    [Fact]
    public void ColumnsAddedDroppedAndAlteredLaterAreTheTablesColumns()
    {
        using var model = SqlServerModel.Build(SqlServerSchemaScripts.Of(
            ("0001", Table),
            ("0002", "DROP INDEX ix_things_name ON things; ALTER TABLE things DROP COLUMN name; ALTER TABLE things ADD label NVARCHAR(20) NULL, CONSTRAINT uq_things_label UNIQUE (label);"),
            ("0003", "ALTER TABLE things ALTER COLUMN size BIGINT NOT NULL;")));

        var columns = model.Model.GetObjects(DacQueryScopes.UserDefined, Microsoft.SqlServer.Dac.Model.Table.TypeClass).Single()
            .GetReferenced(Microsoft.SqlServer.Dac.Model.Table.Columns)
            .ToDictionary(column => column.Name.Parts[^1], column => (Type: column.GetReferenced(Column.DataType).Single().Name.Parts[^1], Nullable: column.GetProperty<bool>(Column.Nullable)));
        Assert.Equal(["id", "size", "label"], columns.Keys);
        Assert.Equal(("bigint", false), columns["size"]);
        Assert.Empty(model.Problems());
    }

    [Fact]
    public void AViewOfADroppedColumnIsReported()
    {
        using var model = SqlServerModel.Build(SqlServerSchemaScripts.Of(
            ("0001", Table),
            ("0002", "DROP INDEX ix_things_name ON things; ALTER TABLE things DROP COLUMN name;"),
            ("views", "CREATE OR ALTER VIEW thing_names AS SELECT t.id, t.name FROM things t;")));

        Assert.Contains(model.Problems(), problem => problem.Number == 71501 && problem.Message.Contains("[thing_names]", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIndexDroppedAndCreatedAgainIsModelledAsItsLastCreation()
    {
        var schema = SqlServerSchemaScripts.Of(
            ("0001", Table),
            ("0002", "DROP INDEX ix_things_name ON things; CREATE INDEX ix_things_name ON things (name, size);"));

        var index = Assert.Single(schema.Objects, item => item.Key == "index dbo.things.ix_things_name");
        Assert.Contains("(name, size)", index.Text, StringComparison.Ordinal);
        using var model = SqlServerModel.Build(schema);
        Assert.Empty(model.Problems());
    }

    [Fact]
    public void ADroppedTableTakesItsIndexesAndTriggersWithIt()
    {
        var schema = SqlServerSchemaScripts.Of(("0001", Table), ("0002", "DROP TABLE things;"));
        Assert.Empty(schema.Objects);
    }

    [Fact]
    public void DataStatementsAreSetAsideAndNamed()
    {
        var schema = SqlServerSchemaScripts.Of(("0001", Table), ("0002", "INSERT INTO things (id, name) VALUES (1, N'a'); UPDATE things SET size = 1; DELETE FROM things WHERE id = 2;"));
        Assert.Equal(3, schema.DataStatements.Count);
        Assert.All(schema.DataStatements, statement => Assert.StartsWith("0002 statement", statement.Origin, StringComparison.Ordinal));
    }

    [Fact]
    public void ASchemaChangeTheModelDoesNotPlayStopsIt() =>
        Assert.Throws<NotSupportedException>(() => SqlServerSchemaScripts.Of(("0001", Table), ("0002", "EXEC sp_rename 'things.name', 'label', 'COLUMN';")));

    [Fact]
    public void DroppingWhatDoesNotExistStopsTheModel() =>
        Assert.Throws<InvalidOperationException>(() => SqlServerSchemaScripts.Of(("0001", Table), ("0002", "DROP INDEX ix_other ON things;")));
}
