using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Tests.Support;

/// <summary>The same service with an empty catalogue, for tests that build their own data.</summary>
public sealed class EmptyCatalogApiFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;
}
