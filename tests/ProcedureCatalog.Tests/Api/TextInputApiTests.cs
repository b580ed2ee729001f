using System.Net;
using System.Text;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>Every text of a body is NFC and holds no control or invisible characters; unique names ignore case and Unicode form.</summary>
public sealed class TextInputApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);

    public static TheoryData<string> HiddenCharacters() => new(
        "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\t", "\n", "\r",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\uFEFF", "\u00AD", "\u2028");

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public async Task ANameWithAControlOrInvisibleCharacterIsRefusedNamingTheField(string hidden)
    {
        var name = $"Lĩnh vực{hidden} thử";
        var errors = await (await client.PostJson("/api/v1/fields", new FieldInput(name))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains($"U+{(int)hidden[0]:X4}", Assert.Single(errors["name"]), StringComparison.Ordinal);
        Assert.DoesNotContain(await (await client.Get("/api/v1/fields")).ReadAs<List<Field>>(HttpStatusCode.OK), field => field.Name.StartsWith("Lĩnh vực", StringComparison.Ordinal) && field.Name.EndsWith(" thử", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATextInsideAListIsRefusedUnderItsPath()
    {
        var input = await Build.NewProcedure("11", "1.416001", documents: [new DocumentInput("Giấy\u200Bđề nghị", null, 1, 0, null, false, null)]);
        var errors = await (await client.PostJson("/api/v1/procedures", input)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("U+200B", Assert.Single(errors["documents[0].name"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMultiLineNoteKeepsItsLineBreaksButNotANul()
    {
        var procedure = await Build.Procedure("11", "1.416002");
        var url = $"/api/v1/procedures/{procedure.Id}/documents";
        var added = await (await client.PostJson(url, new DocumentInput("Tờ khai", null, 1, 0, "Trường hợp 1:\n\tcó ủy quyền", false, null))).ReadAs<Document>(HttpStatusCode.Created);
        Assert.Equal("Trường hợp 1:\n\tcó ủy quyền", added.CaseNote);
        var errors = await (await client.PostJson(url, new DocumentInput("Tờ khai", null, 1, 0, "Trường hợp\u0000 1", false, null))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("U+0000", Assert.Single(errors["caseNote"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextIsStoredInNfcWhateverFormItWasSentIn()
    {
        var decomposed = "Lĩnh vực tổ hợp".Normalize(NormalizationForm.FormD);
        var created = await (await client.PostJson("/api/v1/fields", new FieldInput(decomposed))).ReadAs<Field>(HttpStatusCode.Created);
        Assert.Equal("Lĩnh vực tổ hợp".Normalize(NormalizationForm.FormC), created.Name);
        Assert.True(created.Name.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task AgencyTwinsDifferingOnlyByFormCaseOrSpacingAreAConflictWithinTheirJurisdiction()
    {
        await Build.Jurisdiction("11");
        await Build.Jurisdiction("92");
        var name = "Sở Nông nghiệp và Môi trường";
        var original = await (await client.PostJson("/api/v1/agencies", new AgencyCreate("11", name))).ReadAs<Agency>(HttpStatusCode.Created);
        foreach (var twin in new[] { name.Normalize(NormalizationForm.FormD), name.ToUpperInvariant(), "sở nông nghiệp  và môi trường " })
        {
            await (await client.PostJson("/api/v1/agencies", new AgencyCreate("11", twin))).Problem(HttpStatusCode.Conflict);
        }

        await (await client.PostJson("/api/v1/agencies", new AgencyCreate("11", "Sở Nông\u200B nghiệp và Môi trường"))).Problem(HttpStatusCode.BadRequest);
        var other = await (await client.PostJson("/api/v1/agencies", new AgencyCreate("11", "Sở Tư pháp"))).ReadAs<Agency>(HttpStatusCode.Created);
        await (await client.PutJson($"/api/v1/agencies/{other.Id}", new AgencyUpdate(name.ToLowerInvariant()), HttpAssertions.Tag(other.Version))).Problem(HttpStatusCode.Conflict);
        await (await client.PutJson($"/api/v1/agencies/{original.Id}", new AgencyUpdate(name.ToUpperInvariant()), HttpAssertions.Tag(original.Version))).ReadAs<Agency>(HttpStatusCode.OK);
        await (await client.PostJson("/api/v1/agencies", new AgencyCreate("92", name))).ReadAs<Agency>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task FieldTwinsDifferingOnlyByFormOrCaseAreAConflict()
    {
        var name = "Đất đai và tài nguyên";
        await (await client.PostJson("/api/v1/fields", new FieldInput(name))).ReadAs<Field>(HttpStatusCode.Created);
        foreach (var twin in new[] { name.Normalize(NormalizationForm.FormD), "ĐẤT ĐAI VÀ TÀI NGUYÊN", " đất đai  và tài nguyên" })
        {
            await (await client.PostJson("/api/v1/fields", new FieldInput(twin))).Problem(HttpStatusCode.Conflict);
        }
    }
}
