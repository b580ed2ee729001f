using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// The SQL Server schema a deploy leaves behind, as one CREATE statement per object: the migrations applied in
/// order (a later DROP or ALTER replaces what an earlier script created), then every view and trigger of the
/// views folder, re-created on each deploy. DacFx models objects, not a history of changes, so the history is
/// played here; statements that only move data are set aside and named.
/// </summary>
public sealed class SqlServerSchemaScripts
{
    public static readonly string Folder = Repository.PathOf("db", "sqlserver");

    private readonly Dictionary<string, SchemaObject> objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Origin, string Text)> dataStatements = [];
    private int order;

    /// <summary>An object's CREATE statement, named for DacFx by the script and the statement it came from.</summary>
    public sealed record SchemaObject(string Key, string SourceName, TSqlStatement Statement, string Text, int Order);

    /// <summary>Every .sql file under db/sqlserver, migrations first, each folder in name order (as DbUp runs them).</summary>
    public static IReadOnlyList<string> ScriptPaths() =>
        new[] { "migrations", "views" }.SelectMany(folder => Directory.GetFiles(Path.Combine(Folder, folder), "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .ToList();

    /// <summary>The end state of scripts given by name and text, in the order given.</summary>
    public static SqlServerSchemaScripts Of(params (string Name, string Text)[] scripts)
    {
        var schema = new SqlServerSchemaScripts();
        foreach (var (name, text) in scripts)
        {
            schema.Apply(name, text);
        }

        return schema;
    }

    /// <summary>The end state of all scripts; <paramref name="edit"/> may change a script's text first (to show that a fault is found).</summary>
    public static SqlServerSchemaScripts Load(Func<string, string, string>? edit = null)
    {
        var extra = Directory.GetFiles(Folder, "*.sql", SearchOption.AllDirectories).Except(ScriptPaths()).ToList();
        if (extra.Count > 0)
        {
            // DbUp only runs the two folders: a script elsewhere would never reach a database.
            throw new InvalidOperationException("Scripts outside migrations/ and views/: " + string.Join(", ", extra));
        }

        var schema = new SqlServerSchemaScripts();
        foreach (var path in ScriptPaths())
        {
            var relative = Path.GetRelativePath(Folder, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            schema.Apply(relative, edit is null ? text : edit(relative, text));
        }

        return schema;
    }

    public IEnumerable<SchemaObject> Objects => objects.Values.OrderBy(item => item.Order);

    /// <summary>INSERT, UPDATE, DELETE and MERGE statements of the scripts: they change rows, not the schema.</summary>
    public IReadOnlyList<(string Origin, string Text)> DataStatements => dataStatements;

    private void Apply(string script, string text)
    {
        var parsed = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{script}({errors[0].Line},{errors[0].Column}): {errors[0].Message}");
        }

        var index = 0;
        foreach (var statement in parsed.Batches.SelectMany(batch => batch.Statements))
        {
            index++;
            var source = text.Substring(statement.StartOffset, statement.FragmentLength);
            var origin = $"{script} statement {index} (line {statement.StartLine})";
            switch (statement)
            {
                case CreateTableStatement table:
                    Create(Key("table", table.SchemaObjectName), origin, statement, source);
                    break;
                case CreateIndexStatement createIndex:
                    Create(IndexKey(createIndex.OnName, createIndex.Name), origin, statement, source);
                    break;
                case CreateColumnStoreIndexStatement columnStore:
                    Create(IndexKey(columnStore.OnName, columnStore.Name), origin, statement, source);
                    break;
                case CreateOrAlterViewStatement or CreateViewStatement or AlterViewStatement:
                    Create(Key("view", ((ViewStatementBody)statement).SchemaObjectName), origin, statement, source);
                    break;
                case CreateOrAlterTriggerStatement or CreateTriggerStatement or AlterTriggerStatement:
                    Create(Key("trigger", ((TriggerStatementBody)statement).Name), origin, statement, source);
                    break;
                case CreateOrAlterProcedureStatement or CreateProcedureStatement or AlterProcedureStatement:
                    Create(Key("procedure", ((ProcedureStatementBody)statement).ProcedureReference.Name), origin, statement, source);
                    break;
                case CreateOrAlterFunctionStatement or CreateFunctionStatement or AlterFunctionStatement:
                    Create(Key("function", ((FunctionStatementBody)statement).Name), origin, statement, source);
                    break;
                case DropIndexStatement dropIndex:
                    foreach (var clause in dropIndex.DropIndexClauses.Cast<DropIndexClause>())
                    {
                        Drop(IndexKey(clause.Object, clause.Index), origin, dropIndex.IsIfExists);
                    }

                    break;
                case DropTableStatement dropTable:
                    foreach (var name in dropTable.Objects)
                    {
                        Drop(Key("table", name), origin, dropTable.IsIfExists);
                        DropDependents(name);
                    }

                    break;
                case DropViewStatement dropView:
                    foreach (var name in dropView.Objects)
                    {
                        Drop(Key("view", name), origin, dropView.IsIfExists);
                        DropDependents(name);
                    }

                    break;
                case DropTriggerStatement dropTrigger:
                    dropTrigger.Objects.ToList().ForEach(name => Drop(Key("trigger", name), origin, dropTrigger.IsIfExists));
                    break;
                case DropProcedureStatement dropProcedure:
                    dropProcedure.Objects.ToList().ForEach(name => Drop(Key("procedure", name), origin, dropProcedure.IsIfExists));
                    break;
                case DropFunctionStatement dropFunction:
                    dropFunction.Objects.ToList().ForEach(name => Drop(Key("function", name), origin, dropFunction.IsIfExists));
                    break;
                case AlterTableAddTableElementStatement add:
                    AlterTable(add.SchemaObjectName, origin, definition =>
                    {
                        foreach (var column in add.Definition.ColumnDefinitions)
                        {
                            definition.ColumnDefinitions.Add(column);
                        }

                        foreach (var constraint in add.Definition.TableConstraints)
                        {
                            definition.TableConstraints.Add(constraint);
                        }

                        foreach (var tableIndex in add.Definition.Indexes)
                        {
                            definition.Indexes.Add(tableIndex);
                        }
                    });
                    break;
                case AlterTableDropTableElementStatement drop:
                    AlterTable(drop.SchemaObjectName, origin, definition =>
                    {
                        foreach (var element in drop.AlterTableDropTableElements)
                        {
                            var name = element.Name.Value;
                            var removed = element.TableElementType switch
                            {
                                TableElementType.Column => definition.ColumnDefinitions.Remove(definition.ColumnDefinitions.SingleOrDefault(column => Same(column.ColumnIdentifier, name))!),
                                TableElementType.Constraint or TableElementType.NotSpecified => DropConstraint(definition, name),
                                _ => throw new NotSupportedException($"{origin}: dropping a {element.TableElementType} is not modelled"),
                            };
                            if (!removed)
                            {
                                throw new InvalidOperationException($"{origin}: {name} not found on {Name(drop.SchemaObjectName)}");
                            }
                        }
                    });
                    break;
                case AlterTableAlterColumnStatement alter when alter.AlterTableAlterColumnOption is AlterTableAlterColumnOption.NoOptionDefined or AlterTableAlterColumnOption.Null or AlterTableAlterColumnOption.NotNull:
                    AlterTable(alter.SchemaObjectName, origin, definition =>
                    {
                        var column = definition.ColumnDefinitions.SingleOrDefault(column => Same(column.ColumnIdentifier, alter.ColumnIdentifier.Value))
                            ?? throw new InvalidOperationException($"{origin}: no column {alter.ColumnIdentifier.Value} on {Name(alter.SchemaObjectName)}");
                        column.DataType = alter.DataType;
                        column.Collation = alter.Collation;

                        // Without NULL or NOT NULL, ALTER COLUMN makes the column nullable.
                        foreach (var nullable in column.Constraints.OfType<NullableConstraintDefinition>().ToList())
                        {
                            column.Constraints.Remove(nullable);
                        }

                        column.Constraints.Add(new NullableConstraintDefinition { Nullable = alter.AlterTableAlterColumnOption != AlterTableAlterColumnOption.NotNull });
                    });
                    break;
                case InsertStatement or UpdateStatement or DeleteStatement or MergeStatement:
                    dataStatements.Add((origin, source));
                    break;
                case SelectStatement { Into: null }:
                    // A migration with nothing to do on SQL Server (its SQLite twin has) reads a constant: no change.
                    dataStatements.Add((origin, source));
                    break;
                default:
                    // Anything else would change the schema in a way this model does not play yet: better to stop than to
                    // validate something the deploy would not build.
                    throw new NotSupportedException($"{origin}: {statement.GetType().Name} is not modelled; teach SqlServerSchemaScripts what it does.");
            }
        }
    }

    private static bool DropConstraint(TableDefinition definition, string name)
    {
        if (definition.TableConstraints.Remove(definition.TableConstraints.SingleOrDefault(constraint => Same(constraint.ConstraintIdentifier, name))!))
        {
            return true;
        }

        foreach (var column in definition.ColumnDefinitions)
        {
            if (column.Constraints.Remove(column.Constraints.SingleOrDefault(constraint => Same(constraint.ConstraintIdentifier, name))!))
            {
                return true;
            }

            if (Same(column.DefaultConstraint?.ConstraintIdentifier, name))
            {
                column.DefaultConstraint = null;
                return true;
            }
        }

        return false;
    }

    private static bool Same(Identifier? identifier, string name) => identifier is not null && string.Equals(identifier.Value, name, StringComparison.OrdinalIgnoreCase);

    private void Create(string key, string origin, TSqlStatement statement, string text)
    {
        var isCreateOrAlter = statement is CreateOrAlterViewStatement or CreateOrAlterTriggerStatement or CreateOrAlterProcedureStatement or CreateOrAlterFunctionStatement
            or AlterViewStatement or AlterTriggerStatement or AlterProcedureStatement or AlterFunctionStatement;
        if (!isCreateOrAlter && objects.TryGetValue(key, out var existing))
        {
            throw new InvalidOperationException($"{origin}: {key} already exists ({existing.SourceName})");
        }

        // DacFx models what exists, as a database project declares it: with CREATE. Given CREATE OR ALTER it
        // files a view's common table expressions under their bare names, so two views with a CTE of the same
        // name collide (SQL71508) and their columns stop resolving (SQL71502).
        if (isCreateOrAlter)
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, @"^(CREATE\s+OR\s+ALTER|ALTER)\b", "CREATE", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        }

        objects[key] = new SchemaObject(key, $"{origin}: {key}", statement, text, order++);
    }

    /// <summary>Indexes and triggers go with their table or view.</summary>
    private void DropDependents(SchemaObjectName table)
    {
        foreach (var dependent in objects.Values.Where(item => item.Key.StartsWith(IndexKey(table, null), StringComparison.OrdinalIgnoreCase)
                     || (item.Statement is TriggerStatementBody trigger && string.Equals(Name(trigger.TriggerObject.Name), Name(table), StringComparison.OrdinalIgnoreCase))).ToList())
        {
            objects.Remove(dependent.Key);
        }
    }

    private void Drop(string key, string origin, bool ifExists)
    {
        if (!objects.Remove(key) && !ifExists)
        {
            throw new InvalidOperationException($"{origin}: drops {key}, which does not exist at that point");
        }
    }

    private void AlterTable(SchemaObjectName table, string origin, Action<TableDefinition> change)
    {
        var key = Key("table", table);
        if (!objects.TryGetValue(key, out var existing))
        {
            throw new InvalidOperationException($"{origin}: alters {key}, which does not exist at that point");
        }

        var create = (CreateTableStatement)existing.Statement;
        change(create.Definition);
        new Sql160ScriptGenerator().GenerateScript(create, out var script);
        objects[key] = existing with { SourceName = $"{existing.SourceName}, altered by {origin}", Text = script };
    }

    private static string Name(SchemaObjectName name) => $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}";

    private static string Key(string kind, SchemaObjectName name) => $"{kind} {Name(name)}";

    private static string IndexKey(SchemaObjectName table, Identifier? index) => $"index {Name(table)}.{index?.Value}";
}
