using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Support;

/// <summary>The service with the sample catalogue, its own database, and (as every test factory) rate limits out of the way.</summary>
public sealed class HostileCatalogApiFactory : CatalogApiFactory;
