namespace ProcedureCatalog.Tests.Database;

public sealed class SqliteTaskReportDatabaseTests(SqliteTarget target) : TaskReportDatabaseSuite<SqliteTarget>(target), IClassFixture<SqliteTarget>;
