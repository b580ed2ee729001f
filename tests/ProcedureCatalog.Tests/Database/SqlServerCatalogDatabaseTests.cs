using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

[Trait("Category", Categories.Slow)]
public sealed class SqlServerCatalogDatabaseTests(SqlServerTarget target) : CatalogDatabaseSuite<SqlServerTarget>(target), IClassFixture<SqlServerTarget>;
