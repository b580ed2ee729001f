using System.Net;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>A procedure as the national database publishes it: its channels with their own time and fee, who may file, the result, the conditions, the steps, the agencies, the national procedure it implements.</summary>
public sealed class ChannelApiTests(EmptyCatalogApiFactory factory) : IClassFixture<EmptyCatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();
    private CatalogBuilder Build => new(client);
    private ChannelBuilder Channels => new(client);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A day well ahead of today in Vietnam, whatever day the tests run.</summary>
    private static readonly DateOnly Future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

    private async Task<ProcedureUpsert> Published(string jurisdiction, string code, string implements)
    {
        var input = await Build.NewProcedure(jurisdiction, code, "Đăng ký thành lập doanh nghiệp tư nhân");
        var coordinating = await Build.Agency(jurisdiction, "Sở Tư pháp");
        return CatalogBuilder.Upsert(input, input.Name) with
        {
            Channels = ChannelBuilder.ThreeChannels,
            Published = new PublishedInput(
                [ApplicantType.Foreigners, ApplicantType.Citizens], new ProcedureResult("Giấy chứng nhận đăng ký doanh nghiệp", "Mẫu số 01"),
                ["Ngành, nghề đăng ký không bị cấm đầu tư", "Hồ sơ hợp lệ"], ["Bước 1: Nộp hồ sơ", "Bước 2: Nhận kết quả"],
                input.AgencyId, [input.AgencyId!.Value], [coordinating], implements),
        };
    }

    private async Task<ProcedureDetail> Read(string url) => await (await client.Get(url)).ReadAs<ProcedureDetail>(HttpStatusCode.OK);

    private static (long? Fee, decimal? Time) Online(ProcedureDetail detail) =>
        detail.Channels.Single(channel => channel.Channel == FilingChannel.Online) is var online ? (online.FeeInForce?.FeeVnd, online.TimeInForce?.Amount) : default;

    private async Task<string> Export(string jurisdiction, string query) =>
        (await (await client.Get($"/api/v1/jurisdictions/{jurisdiction}/export{query}")).Content.ReadAsStringAsync(Cancel)).TrimStart('\uFEFF');

    private Task<ImportStatus> Import(string jurisdiction, string body, string mediaType, bool createMissing = false) =>
        client.ImportAndWait(jurisdiction, new ByteArrayContent(Encoding.UTF8.GetBytes(body)), mediaType, createMissing: createMissing);

    [Fact]
    public async Task AProcedureWithThreeChannelsReadsItsFutureOnlineFeeOnBothSidesOfItsDateByIdByCodeAndThroughExportAndImport()
    {
        await Channels.National(Build, "1.001612");
        var body = await Published("81", "1.001612.000.00.00.H81", "VN/1.001612");
        var created = await (await client.PutJson("/api/v1/jurisdictions/81/procedures/1.001612.000.00.00.H81", body)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        Assert.Equal([FilingChannel.InPerson, FilingChannel.Online, FilingChannel.Post], created.Channels.Select(channel => channel.Channel).ToArray());
        Assert.Equal(("VN/1.001612", "Giấy chứng nhận đăng ký doanh nghiệp", 2), (created.Published.Implements!.Key, created.Published.Result!.Name, created.Published.Steps.Count));
        Assert.Equal([ApplicantType.Citizens, ApplicantType.Foreigners], created.Published.ApplicantTypes);
        Assert.Equal("Sở Tư pháp", Assert.Single(created.Published.CoordinatingAgencies).Name);

        await Channels.Time(created.Id, FilingChannel.InPerson, "2024-01-01", 3);
        await Channels.Time(created.Id, FilingChannel.Online, "2024-01-01", 2);
        await Channels.Fee(created.Id, FilingChannel.InPerson, "2024-01-01", 50_000);
        await Channels.Fee(created.Id, FilingChannel.Online, "2024-01-01", 25_000);
        var cut = await Channels.Fee(created.Id, FilingChannel.Online, Future.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 0, "99/QĐ-UBND");

        var before = Future.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var after = Future.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var url in new[] { $"/api/v1/procedures/{created.Id}", "/api/v1/jurisdictions/81/procedures/1.001612.000.00.00.H81" })
        {
            Assert.Equal(((long?)25_000, (decimal?)2m), Online(await Read($"{url}?asOf={before}")));
            var later = await Read($"{url}?asOf={after}");
            Assert.Equal(((long?)0, (decimal?)2m), Online(later));
            Assert.Equal(cut.Id, later.Channels[1].FeeInForce!.Id);
            Assert.Equal(50_000, later.Channels[0].FeeInForce!.FeeVnd);
            Assert.Null(later.Channels[2].FeeInForce);
        }

        var fees = await (await client.Get($"/api/v1/procedures/{created.Id}/channels/online/fee-history")).ReadAs<List<FeeEntry>>(HttpStatusCode.OK);
        Assert.Equal([25_000L, 0L], fees.Select(entry => entry.FeeVnd).ToArray());

        // The same body again: nothing changes. The export on either side of the date says that side's fee, and imports back unchanged.
        var detail = await Read($"/api/v1/procedures/{created.Id}");
        Assert.Equal(detail.Version, (await (await client.PutJson("/api/v1/jurisdictions/81/procedures/1.001612.000.00.00.H81", body)).ReadAs<ProcedureDetail>(HttpStatusCode.OK)).Version);
        foreach (var (asOf, fee) in new[] { (before, ",25000,"), (after, ",0,99/QĐ-UBND") })
        {
            var csv = await Export("81", $"?format=csv&asOf={asOf}");
            Assert.Contains(fee, csv, StringComparison.Ordinal);
            Assert.Contains("VN/1.001612", csv, StringComparison.Ordinal);
            var again = await Import("81", csv, "text/csv");
            Assert.True(again is { Status: "succeeded", Unchanged: 1, Updated: 0 }, string.Join("; ", again.Errors.Select(error => error.Message)));
        }

        var ndjson = await Export("81", "?format=ndjson&history=true");
        Assert.Equal(("succeeded", 1L), ((await Import("81", ndjson, "application/x-ndjson")) is var same ? same.Status : null, same.Unchanged));
        Assert.Equal(detail.Version, (await Read($"/api/v1/procedures/{created.Id}")).Version);

        // Imported elsewhere, the procedure comes back whole: channels, their histories, what is published.
        await Build.Jurisdiction("82");
        var copy = await Import("82", ndjson, "application/x-ndjson", createMissing: true);
        Assert.True(copy is { Status: "succeeded", Created: 1 }, string.Join("; ", copy.Errors.Select(error => error.Message)));
        var rebuilt = await Read($"/api/v1/jurisdictions/82/procedures/1.001612.000.00.00.H81?asOf={after}");
        var original = await Read($"/api/v1/procedures/{created.Id}?asOf={after}");
        Assert.Equal(Shape(original), Shape(rebuilt));
        Assert.Equal(((long?)25_000, (decimal?)2m), Online(await Read($"/api/v1/jurisdictions/82/procedures/1.001612.000.00.00.H81?asOf={before}")));
    }

    /// <summary>What a copy in another jurisdiction holds the same: everything but ids, agencies' ids and entries' times.</summary>
    private static string Shape(ProcedureDetail detail) => System.Text.Json.JsonSerializer.Serialize(new
    {
        Channels = string.Join("|", detail.Channels.Select(channel =>
            $"{channel.Channel}:{channel.Description}:{channel.TimeInForce?.Amount}:{channel.TimeInForce?.EffectiveFrom}:{channel.FeeInForce?.FeeVnd}:{channel.FeeInForce?.EffectiveFrom}:{channel.FeeInForce?.DecisionRef}")),
        detail.Published.ApplicantTypes, detail.Published.Result, detail.Published.Conditions, detail.Published.Steps,
        Deciding = detail.Published.DecidingAgency?.Name, Receiving = detail.Published.ReceivingAgencies.Select(agency => agency.Name),
        Coordinating = detail.Published.CoordinatingAgencies.Select(agency => agency.Name), Implements = detail.Published.Implements?.Key,
    }, CatalogApiFactory.Json);

    [Theory]
    [InlineData("1.830001", """{"channel":"fax","description":null}""", "in-person, online, post")]
    [InlineData("1.830002", """{"channel":"online","description":null},{"channel":"online","description":"again"}""", "more than once")]
    public async Task AnUnknownChannelOrAChannelTwiceIsAProblemNamingTheFieldAndWritesNothing(string code, string channels, string message)
    {
        var input = await Build.NewProcedure("83", code);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(CatalogBuilder.Upsert(input, input.Name), CatalogApiFactory.Json)!;
        body["channels"] = System.Text.Json.Nodes.JsonNode.Parse($"[{channels}]");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await client.PutAsync($"/api/v1/jurisdictions/83/procedures/{code}", content, Cancel);
        var errors = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains(message, Assert.Single(errors, error => error.Key.StartsWith("channels", StringComparison.OrdinalIgnoreCase)).Value[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/api/v1/jurisdictions/83/procedures/{code}")).StatusCode);
    }

    [Theory]
    [InlineData("VN/9.999999", "No procedure has the key")]
    [InlineData("84/1.840000", "not a national one")]
    public async Task AnImplementsThatDoesNotExistOrIsNotNationalIsAProblemNamingTheFieldAndWritesNothing(string implements, string message)
    {
        if ((await client.Get("/api/v1/jurisdictions/84/procedures/1.840000")).StatusCode == HttpStatusCode.NotFound)
        {
            await Build.Procedure("84", "1.840000");
        }

        var body = await Published("84", "1.840001", implements);
        var feed = await ChangeCount();
        var errors = await (await client.PutJson("/api/v1/jurisdictions/84/procedures/1.840001", body)).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(message, Assert.Single(errors["published.implements"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get("/api/v1/jurisdictions/84/procedures/1.840001")).StatusCode);
        Assert.Equal(feed, await ChangeCount());

        var csv = "code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,implements,channels\n"
            + $"1.840001,Thủ tục,province,external,true,full,true,true,Đăng ký kinh doanh,Sở Tài chính,{implements},online\n"
            + "1.840003,Thủ tục khác,province,external,true,full,true,true,Đăng ký kinh doanh,Sở Tài chính,,\"online\nfax\"\n";
        var import = await Import("84", csv, "text/csv");
        Assert.Equal("failed", import.Status);
        Assert.Equal(["channels", "implements"], import.Errors.Select(error => error.Field ?? string.Empty).Order().ToArray());
        Assert.Equal(feed, await ChangeCount());
    }

    private async Task<long> ChangeCount()
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM changes");
    }
}
