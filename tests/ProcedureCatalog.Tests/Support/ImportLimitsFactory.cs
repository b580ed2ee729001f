using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Support;

/// <summary>Small limits, so that hostile files and uploads can be tried in a test: 4 MiB an upload, 8 MiB pending, batches of 50.</summary>
public sealed class ImportLimitsFactory : CatalogApiFactory
{
    protected override bool SeedSample => false;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:MaxImportBytes"] = (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Imports:MaxPendingUploadBytes"] = (8 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Imports:BatchRows"] = "50",
    };
}
