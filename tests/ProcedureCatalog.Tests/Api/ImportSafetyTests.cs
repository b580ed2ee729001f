using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>What a hostile or broken file, or a broken upload, does to an import: it ends failed with a reason, bounded, leaving nothing behind.</summary>
public sealed class ImportSafetyTests(ImportLimitsFactory factory) : IClassFixture<ImportLimitsFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Header = "code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency";
    private const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string Row(int number, string level = "province") =>
        $"1.{number:D6},Thủ tục số {number},{level},external,true,full,true,true,Xây dựng,Sở Xây dựng";

    private Task<ImportStatus> Import(string jurisdiction, byte[] body, string mediaType = "text/csv", bool createMissing = true) =>
        client.ImportAndWait(jurisdiction, new ByteArrayContent(body), mediaType, createMissing: createMissing);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private async Task AssertNoUploadIsLeft()
    {
        // The upload of an ended import is deleted when it ends; give the worker a moment to do so.
        for (var attempt = 0; attempt < 50 && Directory.Exists(factory.ImportsFolder) && Directory.EnumerateFiles(factory.ImportsFolder).Any(); attempt++)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.Empty(Directory.Exists(factory.ImportsFolder) ? Directory.EnumerateFiles(factory.ImportsFolder) : []);
    }

    [Fact]
    public async Task AFileOfBadRowsKeepsAThousandErrorsCountsEveryOneAndQuotesNoWholeCell()
    {
        await Build.Jurisdiction("71");
        var hostile = new string('x', 1000);
        var csv = new StringBuilder(Header).Append('\n');
        for (var row = 0; row < 3000; row++)
        {
            csv.Append(Row(row, level: hostile)).Append('\n');
        }

        var result = await Import("71", Utf8(csv.ToString()));
        Assert.Equal(("failed", 1000, 3000L), (result.Status, result.Errors.Count, result.ErrorCount));
        Assert.All(result.Errors, error => Assert.True(error.Message.Length < 300, error.Message));
        Assert.Equal((2, "1.000000"), (result.Errors[0].Line, result.Errors[0].Code));
        await AssertNoUploadIsLeft();
    }

    private static byte[] Workbook(Func<string, string> changeSheet)
    {
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, new[] { new Dictionary<string, object?> { ["code"] = "1.000001", ["name"] = "Thủ tục" } }, excelType: ExcelType.XLSX);
        using var edited = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(buffer.ToArray()), ZipArchiveMode.Read))
        using (var target = new ZipArchive(edited, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(entry.FullName.Contains("worksheets/sheet", StringComparison.Ordinal) ? changeSheet(text) : text);
            }
        }

        return edited.ToArray();
    }

    [Theory]
    [InlineData("unclosed tag")]
    [InlineData("document type definition")]
    public async Task AWorkbookWithMalformedXmlEndsFailedWithAReasonAndItsUploadIsDeleted(string defect)
    {
        await Build.Jurisdiction("72");
        var workbook = Workbook(sheet => defect == "unclosed tag"
            ? sheet[..(sheet.Length / 2)]
            : sheet.Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>", StringComparison.Ordinal));
        var result = await Import("72", workbook, XlsxMediaType);
        Assert.Equal("failed", result.Status);
        var error = Assert.Single(result.Errors, error => error.Line == 0);
        Assert.Contains("workbook cannot be read", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        await AssertNoUploadIsLeft();
    }

    private static byte[] WorkbookOf(Dictionary<string, object?> row)
    {
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, new[] { row }, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    [Fact]
    public async Task AWorkbookCellBeyondExcelsOwnLimitOrARowOfTooManyCellsIsRefusedBeforeItIsRead()
    {
        await Build.Jurisdiction("72");
        var longCell = await Import("72", WorkbookOf(new Dictionary<string, object?> { ["code"] = "1.000001", ["name"] = new string('x', 40_000) }), XlsxMediaType);
        Assert.Contains("32,767 characters", Assert.Single(longCell.Errors).Message, StringComparison.Ordinal);
        var wide = await Import("72", WorkbookOf(Enumerable.Range(0, 150).ToDictionary(column => $"c{column}", column => (object?)"x")), XlsxMediaType);
        Assert.Contains("more than 100 cells", Assert.Single(wide.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonWorkbookSentAsXlsxEndsFailedWithAReason()
    {
        await Build.Jurisdiction("72");
        var result = await Import("72", Utf8("code,name\n1.000001,x\n"), XlsxMediaType);
        Assert.Contains("not an XLSX workbook", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvLineOfAMillionColumnsFailsTheFileWithoutHoldingIt()
    {
        await Build.Jurisdiction("73");
        var line = string.Join(',', Enumerable.Repeat("c", 1_000_000));
        var result = await Import("73", Utf8(line + "\n1.000001\n"));
        Assert.Equal("failed", result.Status);
        Assert.Contains("1,000,000 columns", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvRecordBeyondTheBoundNamesItsRow()
    {
        await Build.Jurisdiction("73");
        var csv = Header + "\n" + Row(1) + "\n" + "1.000002,\"" + new string('x', 2 * 1024 * 1024) + "\",province\n";
        var result = await Import("73", Utf8(csv));
        Assert.Equal("failed", result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Contains("Row 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await (await client.Get("/api/v1/procedures?jurisdiction=73")).ReadAs<ProcedureCatalog.Api.Infrastructure.PageOf<ProcedureCatalog.Api.Procedures.ProcedureSummary>>(HttpStatusCode.OK)).TotalCount);
    }

    [Fact]
    public async Task AJsonArrayCutOffOrWithAnOversizedItemEndsFailed()
    {
        await Build.Jurisdiction("74");
        var item = "{\"code\":\"1.000001\",\"name\":\"Thủ tục\",\"level\":\"province\",\"kind\":\"external\",\"businessRelated\":true,\"onlineLevel\":\"full\","
            + "\"fullOnlineEligible\":true,\"boundaryFree\":true,\"field\":\"Xây dựng\",\"agency\":\"Sở Xây dựng\"}";
        var cut = await Import("74", Utf8("[" + item + "," + item[..40]), "application/json");
        Assert.Contains("cut off", Assert.Single(cut.Errors).Message, StringComparison.Ordinal);
        var oversized = await Import("74", Utf8("[" + item + ",{\"code\":\"" + new string('9', 1_500_000) + "\"}]"), "application/json");
        Assert.Contains("Item 2 is longer", Assert.Single(oversized.Errors).Message, StringComparison.Ordinal);
        var fine = await Import("74", Utf8("\uFEFF[" + item + "]"), "application/json");
        Assert.Equal(("succeeded", 1L), (fine.Status, fine.Created));
    }

    [Fact]
    public async Task AChunkedUploadOverTheLimitIsRefusedAndLeavesNoFile()
    {
        await Build.Jurisdiction("75");
        var content = new StreamContent(new MemoryStream(new byte[5 * 1024 * 1024]));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jurisdictions/75/imports") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request, Cancel);
        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
        await AssertNoUploadIsLeft();
    }

    /// <summary>A body that breaks off after a megabyte, as a client that loses its connection sends it.</summary>
    private sealed class BrokenStream() : MemoryStream(new byte[8 * 1024 * 1024])
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position > 1024 * 1024 ? throw new IOException("The connection was lost.") : base.Read(buffer, offset, Math.Min(count, 64 * 1024));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 1024 * 1024 ? throw new IOException("The connection was lost.") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 64 * 1024)], cancellationToken);
    }

    [Fact]
    public async Task AnUploadCutOffHalfwayLeavesNoFile()
    {
        await Build.Jurisdiction("76");
        var content = new StreamContent(new BrokenStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jurisdictions/76/imports") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(request, Cancel));
        await AssertNoUploadIsLeft();
        var pending = await ScalarAsync("SELECT COUNT(*) FROM imports WHERE jurisdiction_code = '76'");
        Assert.Equal(0, pending);
    }

    [Fact]
    public async Task UploadsBeyondThePendingBudgetAreRefusedWithRetryAfter()
    {
        await Build.Jurisdiction("77");
        // An import that waits with 7.5 MiB of upload: 0.5 MiB of the 8 MiB budget is left.
        await ExecuteAsync(
            """
            INSERT INTO imports (id, jurisdiction_code, format, dry_run, status, processed_rows, created_count, updated_count, unchanged_count, key_name, created_at,
                                 attempts, applied_rows, create_missing, error_count, upload_bytes)
            VALUES ('waiting', '77', 'csv', 0, 'queued', 0, 0, 0, 0, 'tests-admin', '2026-11-30 08:00:00', 0, 0, 0, 0, 7864320)
            """);
        try
        {
            var content = new ByteArrayContent(new byte[1024 * 1024]);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var response = await client.PostAsync("/api/v1/jurisdictions/77/imports", content, Cancel);
            await response.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            await AssertNoUploadIsLeft();
        }
        finally
        {
            await ExecuteAsync("DELETE FROM imports WHERE id = 'waiting'");
        }
    }

    [Fact]
    public async Task LeftoverUploadsAreSweptAtStartAndAnImportStoppedTooOftenEndsFailed()
    {
        await Build.Jurisdiction("78");
        Directory.CreateDirectory(factory.ImportsFolder);
        var stray = Path.Combine(factory.ImportsFolder, "0123456789abcdef.upload");
        var partial = Path.Combine(factory.ImportsFolder, "fedcba9876543210.partial");
        var interrupted = Path.Combine(factory.ImportsFolder, "00000000000000000000000000000042.upload");
        foreach (var path in new[] { stray, partial, interrupted })
        {
            await File.WriteAllTextAsync(path, Header + "\n" + Row(1) + "\n", Cancel);
        }

        // As a crash leaves it: running, after its third start.
        await ExecuteAsync(
                """
                INSERT INTO imports (id, jurisdiction_code, format, dry_run, status, processed_rows, created_count, updated_count, unchanged_count, key_name, created_at,
                                     attempts, applied_rows, create_missing, error_count, upload_bytes)
                VALUES ('00000000000000000000000000000042', '78', 'csv', 0, 'running', 0, 0, 0, 0, 'tests-admin', '2026-11-30 08:00:00', 3, 0, 1, 0, 100)
                """);

        await using var restarted = new RestartedServiceFactory(factory.ConnectionString, factory.ImportsFolder);
        var after = restarted.CreateClient();
        var status = await after.WaitForImport("00000000000000000000000000000042");
        Assert.Equal("failed", status.Status);
        Assert.Contains("3 times", Assert.Single(status.Errors).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(stray));
        Assert.False(File.Exists(partial));
        Assert.False(File.Exists(interrupted));
    }

    [Fact]

    [Trait("Category", Categories.Slow)]
    public async Task AnotherWriterGetsInBetweenTheBatchesOfALargeImport()
    {
        await Build.Jurisdiction("79");
        await Build.Jurisdiction("80");
        var csv = new StringBuilder(Header).Append('\n');
        for (var row = 0; row < 20_000; row++)
        {
            csv.Append(Row(row)).Append('\n');
        }

        var content = new ByteArrayContent(Utf8(csv.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var accepted = await (await client.PostAsync("/api/v1/jurisdictions/79/imports?createMissing=true", content, Cancel)).ReadAs<ImportStatus>(HttpStatusCode.Accepted);
        ImportStatus running;
        do
        {
            await Task.Delay(20, Cancel);
            running = await (await client.Get($"/api/v1/imports/{accepted.Id}")).ReadAs<ImportStatus>(HttpStatusCode.OK);
        }
        while (running.Status != "succeeded" && running.AppliedRows == 0);

        // A write of another jurisdiction while the import applies its batches: it does not wait for the whole file.
        var agency = await (await client.PostJson("/api/v1/agencies", new AgencyCreate("80", "Sở Tư pháp"))).ReadAs<Agency>(HttpStatusCode.Created);
        var finished = await client.WaitForImport(accepted.Id);
        Assert.Equal(("succeeded", 20_000L), (finished.Status, finished.Created));
        var agencyChange = await ScalarAsync($"SELECT id FROM changes WHERE entity = 'agency' AND entity_key = '{agency.Id}'");
        var lastImportChange = await ScalarAsync("SELECT MAX(id) FROM changes WHERE jurisdiction_code = '79'");
        Assert.True(agencyChange < lastImportChange, $"the agency ({agencyChange}) was written before the import's last change ({lastImportChange})");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
