using System.Net;
using System.Text;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Export, edit, import back: nothing the API holds is lost, unchanged documents keep their ids, and only what exists is referred to.</summary>
public sealed class ImportRoundTripTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DocumentInput[] RichDocuments =
    [
        // A list style common in Vietnamese documents: the cell starts with '-', which Excel would take for a formula.
        new("- Bản sao giấy tờ về quyền sử dụng đất", null, 0, 1, null, false, "Cơ sở dữ liệu đất đai quốc gia"),
        new("Giấy đề nghị cấp phép", "Mẫu số 01/TT-BXD", 2, 1, "Đối với công trình cấp I", false, null),
        new("=Bản vẽ thiết kế", "Mẫu 03", 1, 3, null, true, null),
    ];

    private async Task<ProcedureDetail> RichProcedure(string jurisdiction, string code)
    {
        var input = await Build.NewProcedure(jurisdiction, code, documents: RichDocuments);
        var created = await (await client.PostJson("/api/v1/procedures", input)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        await Build.Time(created.Id, "2024-01-01", 20);
        await Build.Time(created.Id, "2025-06-01", 12);
        await Build.Cost(created.Id, "2024-01-01", 500_000, 200_000, 8, 1200);
        return await Detail(jurisdiction, code);
    }

    private async Task<ProcedureDetail> Detail(string jurisdiction, string code) =>
        await (await client.Get($"/api/v1/jurisdictions/{jurisdiction}/procedures/{code}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);

    private async Task<string> Export(string jurisdiction, string query = "") =>
        await (await client.Get($"/api/v1/jurisdictions/{jurisdiction}/export{query}")).Content.ReadAsStringAsync(Cancel);

    private Task<ImportStatus> Import(string jurisdiction, string body, string mediaType, bool createMissing = false, bool dryRun = false) =>
        client.ImportAndWait(jurisdiction, new ByteArrayContent(Encoding.UTF8.GetBytes(body)), mediaType, dryRun, createMissing);

    private static List<(long, string, string?, int, int, string?, bool, string?)> Documents(ProcedureDetail detail) =>
        detail.Documents.Select(document => (document.Id, document.Name, document.TemplateName, document.Originals, document.Copies, document.CaseNote,
            document.ProvidedOnce, document.DataSource)).ToList();

    [Fact]
    public async Task AnNdjsonExportImportsBackUnchangedWithEveryField()
    {
        var before = await RichProcedure("81", "1.900001");
        var ndjson = await Export("81", "?format=ndjson");
        Assert.Contains("\"templateName\":\"Mẫu số 01/TT-BXD\"", ndjson, StringComparison.Ordinal);
        Assert.Contains("\"legalBasis\":[{\"number\":\"59/2020/QH14\"", ndjson, StringComparison.Ordinal);
        var again = await Import("81", ndjson, "application/x-ndjson");
        Assert.Equal(("succeeded", 1L, 0L), (again.Status, again.Unchanged, again.Updated));
        var after = await Detail("81", "1.900001");
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(Documents(before), Documents(after));
    }

    [Fact]
    public async Task AnNdjsonExportWithHistoryRebuildsTheProcedureElsewhere()
    {
        var source = await RichProcedure("82", "1.900002");
        await Build.Jurisdiction("83");
        var ndjson = await Export("82", "?format=ndjson&history=true");
        var copy = await Import("83", ndjson, "application/x-ndjson", createMissing: true);
        Assert.True(copy is { Status: "succeeded", Created: 1 }, string.Join("; ", copy.Errors.Select(error => error.Message)));
        var target = await Detail("83", "1.900002");
        Assert.Equal((source.Name, source.LegalBasis.Count), (target.Name, target.LegalBasis.Count));
        Assert.Equal(Documents(source).Select(document => document with { Item1 = 0 }), Documents(target).Select(document => document with { Item1 = 0 }));
        var times = await (await client.Get($"/api/v1/procedures/{target.Id}/time-history")).ReadAs<List<TimeEntry>>(HttpStatusCode.OK);
        Assert.Equal([(new DateOnly(2024, 1, 1), 20m), (new DateOnly(2025, 6, 1), 12m)], times.Select(entry => (entry.EffectiveFrom, entry.Amount)).ToArray());
        await (await client.Get("/api/v1/jurisdictions/82/export?format=csv&history=true")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EditingOneDocumentOfACsvExportKeepsTheOtherDocumentsWithTheirIdsAndFields()
    {
        var before = await RichProcedure("84", "1.900003");
        var csv = (await Export("84")).TrimStart('\uFEFF');
        // Excel would show the neutralised cells as the text itself; the export wrote them with a leading apostrophe.
        Assert.Contains("\"'- Bản sao giấy tờ", csv, StringComparison.Ordinal);
        var unchanged = await Import("84", csv, "text/csv");
        Assert.Equal((1L, 0L), (unchanged.Unchanged, unchanged.Updated));

        var edited = await Import("84", csv.Replace("Giấy đề nghị cấp phép", "Giấy đề nghị cấp giấy phép", StringComparison.Ordinal), "text/csv");
        Assert.Equal(("succeeded", 1L), (edited.Status, edited.Updated));
        var after = await Detail("84", "1.900003");
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal("Giấy đề nghị cấp giấy phép", after.Documents[1].Name);
        Assert.NotEqual(before.Documents[1].Id, after.Documents[1].Id);
        // The documents the edit did not touch are the same rows, every field kept; the apostrophe is gone again.
        static List<(long, string, string?, int, int, string?, bool, string?)> Untouched(ProcedureDetail detail) =>
            Documents(detail).Where((_, index) => index != 1).ToList();
        Assert.Equal(Untouched(before), Untouched(after));
        Assert.Equal("- Bản sao giấy tờ về quyền sử dụng đất", after.Documents[0].Name);
        Assert.Equal(before.LegalBasis.Count, after.LegalBasis.Count);
    }

    [Fact]
    public async Task AChangeOfDocumentsOnlyRaisesTheVersionTheETagAndTheFeed()
    {
        var before = await RichProcedure("85", "1.900004");
        var response = await client.Get("/api/v1/jurisdictions/85/procedures/1.900004");
        var etag = response.Headers.ETag!.Tag;
        var csv = (await Export("85")).TrimStart('\uFEFF').Replace("* =Bản vẽ", "=Bản vẽ", StringComparison.Ordinal);
        var result = await Import("85", csv, "text/csv");
        Assert.Equal(1L, result.Updated);
        var after = await Detail("85", "1.900004");
        Assert.Equal(before.Version + 1, after.Version);
        Assert.False(after.Documents[2].ProvidedOnce);
        Assert.Equal(before.Documents[2].Id, after.Documents[2].Id);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jurisdictions/85/procedures/1.900004");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(conditional, Cancel)).StatusCode);
        var feed = await (await client.Get("/api/v1/changes?jurisdiction=85&limit=100")).ReadAs<ChangePage>(HttpStatusCode.OK);
        Assert.Equal(("updated", after.Version), (feed.Items[^1].Action, feed.Items[^1].Version));
    }

    [Fact]
    public async Task UnknownAgenciesAndFieldsAreRowErrorsUnlessTheImportAsksToCreateThem()
    {
        await Build.Procedure("86", "1.900005", agency: "Sở Tài chính", field: "Đăng ký kinh doanh");
        var csv = (await Export("86")).TrimStart('\uFEFF');
        var typo = csv.Replace("Sở Tài chính", "Sở Tài chinh", StringComparison.Ordinal);
        var refused = await Import("86", typo, "text/csv");
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("agency", 2, "1.900005"), (error.Field, error.Line, error.Code));
        Assert.Contains("did you mean 'Sở Tài chính'", error.Message, StringComparison.Ordinal);

        // Case and Unicode form do not make another agency.
        var decomposed = csv.Replace("Sở Tài chính", "SỞ TÀI CHÍNH".Normalize(NormalizationForm.FormD), StringComparison.Ordinal);
        Assert.Equal(("succeeded", 1L), ((await Import("86", decomposed, "text/csv")).Status, (await Import("86", decomposed, "text/csv")).Unchanged));

        var newNames = csv.Replace("Sở Tài chính", "Sở Tư pháp", StringComparison.Ordinal).Replace("Đăng ký kinh doanh", "Hộ tịch", StringComparison.Ordinal);
        var dryRun = await Import("86", newNames, "text/csv", createMissing: true, dryRun: true);
        Assert.Equal("succeeded", dryRun.Status);
        Assert.Equal(["Sở Tư pháp"], dryRun.CreatedNames!.Agencies);
        Assert.Equal(["Hộ tịch"], dryRun.CreatedNames.Fields);
        var agencies = await (await client.Get("/api/v1/agencies?jurisdiction=86")).Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Sở Tư pháp", agencies, StringComparison.Ordinal);

        var editor = factory.ClientWithKey(factory.CreateKey("Importer 86", ApiKeyRole.Editor, "86"));
        var byEditor = await editor.ImportAndWait("86", new ByteArrayContent(Encoding.UTF8.GetBytes(newNames)), "text/csv", createMissing: true);
        Assert.Contains(byEditor.Errors, entry => entry.Field == "field" && entry.Message.Contains("only an admin key", StringComparison.Ordinal));
        var onlyAgency = csv.Replace("Sở Tài chính", "Sở Tư pháp", StringComparison.Ordinal);
        var agencyByEditor = await editor.ImportAndWait("86", new ByteArrayContent(Encoding.UTF8.GetBytes(onlyAgency)), "text/csv", createMissing: true);
        Assert.Equal(("succeeded", 1L), (agencyByEditor.Status, agencyByEditor.Updated));
        Assert.Equal(["Sở Tư pháp"], agencyByEditor.CreatedNames!.Agencies.ToArray());
        Assert.Equal("Sở Tư pháp", (await Detail("86", "1.900005")).Agency.Name);
    }

    [Fact]
    public async Task BooleansReadAsTheExportWritesThemAndAsOfficialsTypeThem()
    {
        await Build.Procedure("87", "1.900006");
        var csv = (await Export("87")).TrimStart('\uFEFF');
        Assert.Contains(",có,", csv, StringComparison.Ordinal);
        var typed = csv.Replace(",có,", ",Có,".Normalize(NormalizationForm.FormD), StringComparison.Ordinal);
        var fromTyped = await Import("87", typed, "text/csv");
        Assert.True(fromTyped is { Status: "succeeded", Unchanged: 1 }, string.Join("; ", fromTyped.Errors.Select(error => error.Message)));
        var wrong = await Import("87", csv.Replace(",có,", ",yes please,", StringComparison.Ordinal), "text/csv");
        Assert.Contains(wrong.Errors, error => error.Message.Contains("có or không", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnImportRefusesInvisibleAndControlCharactersAsTheApiDoes()
    {
        await Build.Procedure("88", "1.900007");
        var csv = (await Export("88")).TrimStart('\uFEFF');
        var hidden = await Import("88", csv.Replace("Đăng ký kinh doanh hộ gia đình", "Đăng ký\u200B kinh doanh hộ gia đình", StringComparison.Ordinal), "text/csv");
        var error = Assert.Single(hidden.Errors);
        Assert.Equal(("name", "1.900007"), (error.Field, error.Code));
        Assert.Contains("U+200B", error.Message, StringComparison.Ordinal);
        var nul = await Import("88", csv.Replace("Đăng ký kinh doanh hộ gia đình", "Đăng ký\u0000", StringComparison.Ordinal), "text/csv");
        Assert.Equal(("failed", "name"), (nul.Status, Assert.Single(nul.Errors).Field));
    }
}
