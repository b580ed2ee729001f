namespace ProcedureCatalog.Tests.Database;

public sealed class SqliteCatalogDatabaseTests(SqliteTarget target) : CatalogDatabaseSuite<SqliteTarget>(target), IClassFixture<SqliteTarget>;
