using ProcedureCatalog.Api;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Reports;

using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

[Trait("Category", Categories.Slow)]
public sealed class SqlServerCatalogDatabaseTests(SqlServerTarget target) : CatalogDatabaseSuite<SqlServerTarget>(target), IClassFixture<SqlServerTarget>;
