namespace ProcedureCatalog.Tests.Support;

/// <summary>The sample catalogue on a server whose chart font (Charts:FontFile) is not there: the chart cannot be drawn.</summary>
public sealed class NoChartFontCatalogApiFactory : CatalogApiFactory
{
    public const string MissingFont = "/nonexistent/fonts/NoSuchFont.ttf";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Charts:FontFile"] = MissingFont };
}
