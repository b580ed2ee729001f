using System.Net;
using ProcedureCatalog.Api.PeriodReports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.PeriodReports;

/// <summary>The chart's font: found among the Debian fonts, and when it is missing a clear answer, never a chart of empty boxes.</summary>
public sealed class ChartFontTests(NoChartFontCatalogApiFactory factory) : IClassFixture<NoChartFontCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public void AFontWithEveryVietnameseLetterIsFoundOnThisMachine()
    {
        var (family, error) = ChartFonts.Find(null);
        Assert.Null(error);
        Assert.StartsWith("ProcedureCatalog ", family, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfiguredFontThatIsNotThereIsNamedInTheError()
    {
        var (family, error) = ChartFonts.Find(NoChartFontCatalogApiFactory.MissingFont);
        Assert.Null(family);
        Assert.Contains(NoChartFontCatalogApiFactory.MissingFont, error, StringComparison.Ordinal);
        Assert.Contains(ChartFonts.Setting, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFontWithoutVietnameseLettersIsNotTaken()
    {
        // DejaVu Sans Mono has them; a font of another script does not. Taken from the Debian fonts when there (fonts-noto-core).
        const string thai = "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf";
        Assert.SkipUnless(File.Exists(thai), "fonts-noto-core is not installed");
        Assert.Null(ChartFonts.Find(thai).Family);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/svg+xml")]
    public async Task WithoutTheFontTheChartIs503NamingWhatToInstallOrSet(string mediaType)
    {
        var response = await client.GetAs("/api/v1/reports/trend?jurisdiction=92", mediaType);
        await response.Problem(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(ChartFonts.Setting, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheFontTheFiguresAndTheDocumentAreStillThereWithoutTheChart()
    {
        await (await client.Get("/api/v1/reports/trend?jurisdiction=92")).ReadAs<TrendReport>(HttpStatusCode.OK);
        var docx = await client.Download("/api/v1/reports/monthly?jurisdiction=92&month=2026-11", OfficeFiles.Docx);
        Assert.Contains(OfficeFiles.Paragraphs(docx), paragraph => paragraph.StartsWith("(Không vẽ được biểu đồ trên máy chủ:", StringComparison.Ordinal));
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(document.MainDocumentPart!.ImageParts);
    }
}
