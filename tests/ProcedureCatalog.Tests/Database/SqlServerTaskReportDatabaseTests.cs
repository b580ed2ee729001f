using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

[Trait("Category", Categories.Slow)]
public sealed class SqlServerTaskReportDatabaseTests(SqlServerTarget target) : TaskReportDatabaseSuite<SqlServerTarget>(target), IClassFixture<SqlServerTarget>;
