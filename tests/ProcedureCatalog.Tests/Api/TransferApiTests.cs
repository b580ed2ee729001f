using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Bulk import (CSV, XLSX, JSON, NDJSON; dry run; all or nothing) and streamed export.</summary>
public sealed class TransferApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Header =
        "code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,lastReviewedOn,status,abolishedOn,"
        + "timeEffectiveFrom,timeAmount,timeUnit,timeDecisionRef,costEffectiveFrom,feeVnd,otherCostVnd,applicantHours,annualFilings,costDecisionRef,documents";

    private static string Row(string code, string name = "Cấp giấy phép xây dựng", string level = "province", string status = "active", string abolishedOn = "") =>
        $"{code},\"{name}\",{level},external,true,full,true,false,Xây dựng,Sở Xây dựng,2025-06-01,{status},{abolishedOn},"
        + "2024-01-01,15,working-days,12/QĐ-UBND,2024-01-01,100000,50000,2.5,400,12/QĐ-UBND,\"Đơn đề nghị\n* Bản sao căn cước\"";

    // These tests let the file create its agencies and fields; ImportReferenceTests holds what happens without createMissing.
    private Task<ImportStatus> Import(string jurisdiction, string body, string mediaType = "text/csv", bool dryRun = false) =>
        client.ImportAndWait(jurisdiction, new ByteArrayContent(Encoding.UTF8.GetBytes(body)), mediaType, dryRun, createMissing: true);

    private Task<ImportStatus> Import(string jurisdiction, HttpContent content, string mediaType, bool dryRun = false) =>
        client.ImportAndWait(jurisdiction, content, mediaType, dryRun, createMissing: true);

    private async Task<long> ProceduresOf(string jurisdiction) =>
        (await (await client.Get($"/api/v1/procedures?jurisdiction={jurisdiction}&pageSize=1")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK)).TotalCount;

    [Fact]
    public async Task ACsvCatalogueIsImportedWholeAndItsExportImportsBackUnchanged()
    {
        await Build.Jurisdiction("61");
        var csv = string.Join("\r\n", Header, Row("1.800001"), Row("1.800002", "Cấp phép sửa chữa, cải tạo"), Row("1.800003", status: "abolished", abolishedOn: "2025-09-01")) + "\r\n";
        var result = await Import("61", csv);
        Assert.Equal(("succeeded", 3L, 3L, 0L, 0L), (result.Status, result.TotalRows, result.Created, result.Updated, result.Unchanged));
        Assert.Empty(result.Errors);

        var first = await (await client.Get("/api/v1/jurisdictions/61/procedures/1.800001?asOf=2025-12-31")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal(("Xây dựng", "Sở Xây dựng", 15m, 2.5m), (first.Field.Name, first.Agency.Name, first.TimeInForce!.Amount, first.CostInForce!.ApplicantHours));
        Assert.Equal([("Đơn đề nghị", false), ("Bản sao căn cước", true)], first.Documents.Select(document => (document.Name, document.ProvidedOnce)).ToArray());
        var abolished = await (await client.Get("/api/v1/jurisdictions/61/procedures/1.800003")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal((ProcedureStatus.Abolished, new DateOnly(2025, 9, 1)), (abolished.Status, abolished.AbolishedOn));

        var export = await client.Get("/api/v1/jurisdictions/61/export?asOf=2025-12-31");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var exported = await export.Content.ReadAsStringAsync(Cancel);
        Assert.StartsWith(Header, exported.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var again = await Import("61", exported);
        Assert.Equal(("succeeded", 0L, 0L, 3L), (again.Status, again.Created, again.Updated, again.Unchanged));

        var changed = await Import("61", string.Join("\r\n", Header, Row("1.800002", "Cấp phép sửa chữa nhà ở")));
        Assert.Equal((1L, 0L), (changed.Updated, changed.Created));
        var trail = await (await client.Get($"/api/v1/procedures/{first.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal(("created", "tests-admin"), (Assert.Single(trail).Action, trail[0].ChangedBy));
    }

    [Fact]
    public async Task ADryRunReportsEveryBadRowWithItsLineAndWritesNothing()
    {
        await Build.Jurisdiction("62");
        // Each row spans two lines of the file (its documents cell holds two); errors name the row as Excel numbers it
        // (the header is row 1), not the line of the file, and the code the row gives.
        var csv = string.Join("\r\n", Header, Row("1.810001"), Row("1.810002", level: "tinh"), Row("1.810001"), Row("bad code!", name: ""), "1.810004,x") + "\r\n";
        var result = await Import("62", csv, dryRun: true);
        Assert.Equal("failed", result.Status);
        Assert.Contains(new ImportError(3, "level", "'tinh' is not allowed; use one of: central, province, district, commune.", "1.810002"), result.Errors);
        Assert.Contains(result.Errors, error => error is { Line: 4, Field: "code", Code: "1.810001" } && error.Message.Contains("row 2", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error is { Line: 5, Field: "name", Code: "bad code!" });
        Assert.Contains(result.Errors, error => error is { Line: 5, Field: "code" });
        Assert.Contains(result.Errors, error => error is { Line: 6, Field: "level", Code: "1.810004" });
        Assert.Equal(result.Errors.Count, result.ErrorCount);
        Assert.Equal(0, await ProceduresOf("62"));

        var good = await Import("62", string.Join("\r\n", Header, Row("1.810001")), dryRun: true);
        Assert.Equal(("succeeded", 1L), (good.Status, good.Created));
        Assert.Equal(0, await ProceduresOf("62"));
    }

    [Fact]
    public async Task AFailedImportLeavesTheDatabaseUntouched()
    {
        await Build.Jurisdiction("63");
        var before = await (await client.Get("/api/v1/changes?limit=1000&jurisdiction=63")).ReadAs<ChangePage>(HttpStatusCode.OK);
        var fields = await (await client.Get("/api/v1/fields")).Content.ReadAsStringAsync(Cancel);
        var csv = string.Join("\r\n", Header, Row("1.820001"), Row("1.820002").Replace("Xây dựng,Sở Xây dựng", "Đất đai mới,Sở Nông nghiệp mới", StringComparison.Ordinal), Row("1.820003", level: "none")) + "\r\n";
        var result = await Import("63", csv);
        Assert.Equal(("failed", 1), (result.Status, result.Errors.Count));
        Assert.Equal(0, await ProceduresOf("63"));
        Assert.Equal(fields, await (await client.Get("/api/v1/fields")).Content.ReadAsStringAsync(Cancel));
        var after = await (await client.Get("/api/v1/changes?limit=1000&jurisdiction=63")).ReadAs<ChangePage>(HttpStatusCode.OK);
        Assert.Equal(before.Items.Count, after.Items.Count);
    }

    [Fact]
    public async Task XlsxAndNdjsonExportsImportBack()
    {
        await Build.Jurisdiction("64");
        await Import("64", string.Join("\r\n", Header, Row("1.830001"), Row("1.830002")));
        foreach (var (format, mediaType) in new[] { ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("ndjson", "application/x-ndjson") })
        {
            var export = await client.Get($"/api/v1/jurisdictions/64/export?format={format}");
            Assert.Equal((HttpStatusCode.OK, mediaType), (export.StatusCode, export.Content.Headers.ContentType?.MediaType));
            var bytes = await export.Content.ReadAsByteArrayAsync(Cancel);
            var back = await Import("64", new ByteArrayContent(bytes), mediaType, dryRun: true);
            Assert.Equal(("succeeded", 2L, 0L), (back.Status, back.Unchanged, back.Created));
        }

        using (var byAccept = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jurisdictions/64/export"))
        {
            byAccept.Headers.Accept.ParseAdd("application/json;q=0.5, application/x-ndjson");
            Assert.Equal("application/x-ndjson", (await client.SendAsync(byAccept, Cancel)).Content.Headers.ContentType?.MediaType);
        }

        var json = "[" + string.Join(",", (await (await client.Get("/api/v1/jurisdictions/64/export?format=ndjson")).Content.ReadAsStringAsync(Cancel))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]";
        var fromJson = await Import("64", json.Replace("1.830002", "1.830003", StringComparison.Ordinal), "application/json");
        Assert.Equal(("succeeded", 1L, 1L), (fromJson.Status, fromJson.Created, fromJson.Unchanged));
    }

    [Fact]
    public async Task ImportsAreRefusedOutsideTheKeysJurisdictionAndForBadFiles()
    {
        await Build.Jurisdiction("65");
        var editor = factory.ClientWithKey(factory.CreateKey("Cần Thơ importer", ApiKeyRole.Editor, "65"));
        var content = new StringContent(Header + "\n" + Row("1.840001"), Encoding.UTF8, "text/csv");
        await (await editor.PostAsync("/api/v1/jurisdictions/11/imports", content, Cancel)).Problem(HttpStatusCode.Forbidden);
        await (await client.PostAsync("/api/v1/jurisdictions/88/imports", new StringContent("x", Encoding.UTF8, "text/csv"), Cancel)).Problem(HttpStatusCode.NotFound);
        await (await client.PostAsync("/api/v1/jurisdictions/65/imports", new StringContent("x", Encoding.UTF8, "text/plain"), Cancel)).Problem(HttpStatusCode.UnsupportedMediaType);
        await (await client.PostAsync("/api/v1/jurisdictions/65/imports", new StringContent(string.Empty, Encoding.UTF8, "text/csv"), Cancel)).Problem(HttpStatusCode.BadRequest);
        await (await factory.ClientWithKey(null).PostAsync("/api/v1/jurisdictions/65/imports", content, Cancel)).Problem(HttpStatusCode.Unauthorized);

        var unknownColumn = await Import("65", Header + ",ghiChu\n" + Row("1.840002") + ",x\n");
        Assert.Contains(unknownColumn.Errors, error => error is { Line: 1, Field: "ghiChu" });
        var notJson = await Import("65", "{ not json", "application/json");
        Assert.Equal((0, "failed"), (Assert.Single(notJson.Errors).Line, notJson.Status));
        await (await client.Get("/api/v1/imports/unknown")).Problem(HttpStatusCode.NotFound);
        await (await client.Get("/api/v1/jurisdictions/88/export")).Problem(HttpStatusCode.NotFound);
        await (await client.Get("/api/v1/jurisdictions/65/export?format=pdf")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HistoryEntriesInTheFileAreAddedOnceAndTheValueInForceFollows()
    {
        await Build.Jurisdiction("66");
        await Import("66", string.Join("\r\n", Header, Row("1.850001")));
        var later = Row("1.850001").Replace("2024-01-01,15,working-days", "2025-07-01,9,working-days", StringComparison.Ordinal);
        var result = await Import("66", string.Join("\r\n", Header, later));
        Assert.Equal(1L, result.Updated);
        var detail = await (await client.Get("/api/v1/jurisdictions/66/procedures/1.850001")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        var history = await (await client.Get($"/api/v1/procedures/{detail.Id}/time-history")).ReadAs<List<TimeEntry>>(HttpStatusCode.OK);
        Assert.Equal([15m, 9m], history.Select(entry => entry.Amount).ToArray());
        var before = await (await client.Get("/api/v1/jurisdictions/66/export?format=ndjson&asOf=2025-06-30")).Content.ReadAsStringAsync(Cancel);
        var after = await (await client.Get("/api/v1/jurisdictions/66/export?format=ndjson&asOf=2025-07-01")).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("\"timeAmount\":15", before, StringComparison.Ordinal);
        Assert.Contains("\"timeEffectiveFrom\":\"2024-01-01\"", before, StringComparison.Ordinal);
        Assert.Contains("\"timeAmount\":9", after, StringComparison.Ordinal);
        Assert.Equal(1L, (await Import("66", string.Join("\r\n", Header, later))).Unchanged);
    }
}
