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
    [InlineData("1.830003", "null", "empty item")]
    [InlineData("1.830004", """{"channel":null,"description":null}""", "required")]
    public async Task AnUnknownChannelOrAChannelTwiceIsAProblemNamingTheFieldAndWritesNothing(string code, string channels, string message)
    {
        var input = await Build.NewProcedure("83", code);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(CatalogBuilder.Upsert(input, input.Name), CatalogApiFactory.Json)!;
        body["channels"] = System.Text.Json.Nodes.JsonNode.Parse($"[{channels}]");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await client.PutAsync($"/api/v1/jurisdictions/83/procedures/{code}", content, Cancel);
        var errors = await response.Problem(HttpStatusCode.BadRequest);
        var error = Assert.Single(errors);
        Assert.StartsWith("channels", error.Key, StringComparison.Ordinal);
        Assert.Contains(message, error.Value[0], StringComparison.Ordinal);
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

    [Fact]
    public async Task AChannelsEntriesAreListedRemovedByMistakeRecordedInTheFeedAndAuditAndRaiseTheProcedureVersion()
    {
        var input = await Build.NewProcedure("85", "1.850001");
        var created = await (await client.PostJson("/api/v1/procedures", input with { Channels = [new ChannelInput(FilingChannel.Online, null)] }))
            .ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        var time = await Channels.Time(created.Id, FilingChannel.Online, "2025-01-01", 4);
        var mistake = await Channels.Time(created.Id, FilingChannel.Online, "2025-02-01", 40);
        var fee = await Channels.Fee(created.Id, FilingChannel.Online, "2025-01-01", 10_000);
        var current = await Read($"/api/v1/procedures/{created.Id}");
        Assert.Equal(created.Version + 3, current.Version);

        var url = $"/api/v1/procedures/{created.Id}/channels/online/time-history";
        await (await client.Delete($"{url}/{mistake.Id}", null)).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Delete($"{url}/{mistake.Id}", HttpAssertions.Tag(current.Id, current.Version))).StatusCode);
        await (await client.Delete($"{url}/{mistake.Id}", HttpAssertions.Tag(current.Id, current.Version + 1))).Problem(HttpStatusCode.NotFound);
        Assert.Equal([time.Id], (await (await client.Get(url)).ReadAs<List<ProcedureCatalog.Api.History.TimeEntry>>(HttpStatusCode.OK)).Select(entry => entry.Id).ToArray());
        Assert.Equal(4m, (await Read($"/api/v1/procedures/{created.Id}?asOf=2025-03-01")).Channels.Single().TimeInForce!.Amount);

        var audit = await (await client.Get($"/api/v1/procedures/{created.Id}/audit")).ReadAs<List<ProcedureCatalog.Api.Changes.Change>>(HttpStatusCode.OK);
        Assert.Equal(
            [("channel-time-entry", $"{time.Id}", "created"), ("channel-time-entry", $"{mistake.Id}", "created"), ("channel-fee-entry", $"{fee.Id}", "created"),
             ("channel-time-entry", $"{mistake.Id}", "deleted")],
            audit.Where(change => change.Entity.StartsWith("channel", StringComparison.Ordinal)).Select(change => (change.Entity, change.EntityKey, change.Action)).ToArray());

        // Not a channel: 400; a channel it is not offered through, or another procedure: 404.
        Assert.Contains("in-person, online, post", (await (await client.Get($"/api/v1/procedures/{created.Id}/channels/fax/fee-history")).Problem(HttpStatusCode.BadRequest))["channel"][0],
            StringComparison.Ordinal);
        await (await client.PostJson($"/api/v1/procedures/{created.Id}/channels/post/fee-history", new FeeEntryInput(new DateOnly(2025, 1, 1), 0, "1/QĐ"))).Problem(HttpStatusCode.NotFound);
        await (await client.Get("/api/v1/procedures/999999/channels/online/time-history")).Problem(HttpStatusCode.NotFound);

        // A channel with history is part of the record: a body that leaves it out is refused, and so is deleting the procedure.
        var latest = await Read($"/api/v1/procedures/{created.Id}");
        var update = new ProcedureUpdate(input.Code, input.Name, input.Level, input.Kind, input.BusinessRelated, input.OnlineLevel, input.FullOnlineEligible,
            input.BoundaryFree, input.FieldId, input.AgencyId, input.LastReviewedOn, input.LegalBasis) { Channels = [new ChannelInput(FilingChannel.InPerson, null)] };
        Assert.Contains("online channel", (await (await client.PutJson($"/api/v1/procedures/{created.Id}", update, HttpAssertions.Tag(latest.Id, latest.Version)))
            .ReadAs<Microsoft.AspNetCore.Mvc.ProblemDetails>(HttpStatusCode.Conflict)).Detail, StringComparison.Ordinal);
        await (await client.Delete($"/api/v1/procedures/{created.Id}", HttpAssertions.Tag(latest.Id, latest.Version))).Problem(HttpStatusCode.Conflict);

        // Left out, the channels stay; added beside the online one, they are there, ordered.
        var kept = await (await client.PutJson($"/api/v1/procedures/{created.Id}", update with { Channels = null }, HttpAssertions.Tag(latest.Id, latest.Version)))
            .ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal([FilingChannel.Online], kept.Channels.Select(channel => channel.Channel).ToArray());
        var both = await (await client.PutJson($"/api/v1/procedures/{created.Id}", update with { Channels = [new ChannelInput(FilingChannel.Online, "Trực tuyến"), new ChannelInput(FilingChannel.InPerson, null)] },
            HttpAssertions.Tag(kept.Id, kept.Version))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        Assert.Equal([(FilingChannel.InPerson, (string?)null), (FilingChannel.Online, "Trực tuyến")], both.Channels.Select(channel => (channel.Channel, channel.Description)).ToArray());
    }

    [Fact]
    public async Task SearchFindsAProcedureByItsResultAndItsConditions()
    {
        var body = await Published("86", "1.860001", "VN/1.860000") with { Published = null };
        var created = await (await client.PutJson("/api/v1/jurisdictions/86/procedures/1.860001", body)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
        Assert.Equal(0, (await (await client.Get("/api/v1/procedures?jurisdiction=86&q=giay%20xac%20nhan%20tam%20tru")).ReadAs<ProcedureCatalog.Api.Infrastructure.PageOf<ProcedureSummary>>(HttpStatusCode.OK)).TotalCount);
        var published = new PublishedInput(null, new ProcedureResult("Giấy xác nhận tạm trú", null), ["Người nộp có nơi ở hợp pháp"], null, null, null, null, null);
        var changed = await (await client.PutJson("/api/v1/jurisdictions/86/procedures/1.860001", body with { Published = published }, HttpAssertions.Tag(created.Id, created.Version)))
            .ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        foreach (var q in new[] { "giay xac nhan tam tru", "noi o hop phap", "1.860001 tam tru" })
        {
            var found = await (await client.Get($"/api/v1/procedures?jurisdiction=86&q={Uri.EscapeDataString(q)}")).ReadAs<ProcedureCatalog.Api.Infrastructure.PageOf<ProcedureSummary>>(HttpStatusCode.OK);
            Assert.Equal(created.Id, Assert.Single(found.Items).Id);
        }

        // Renamed through PUT by id (published left out), the procedure is still found by its result.
        var renamed = new ProcedureUpdate(changed.Code, "Thủ tục đổi tên", changed.Level, changed.Kind, changed.BusinessRelated, changed.OnlineLevel, changed.FullOnlineEligible,
            changed.BoundaryFree, changed.Field.Id, changed.Agency.Id, changed.LastReviewedOn, changed.LegalBasis);
        await (await client.PutJson($"/api/v1/procedures/{created.Id}", renamed, HttpAssertions.Tag(changed.Id, changed.Version))).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        var again = await (await client.Get("/api/v1/procedures?jurisdiction=86&q=doi%20ten%20tam%20tru")).ReadAs<ProcedureCatalog.Api.Infrastructure.PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.Equal(created.Id, Assert.Single(again.Items).Id);
    }

    private async Task<long> ChangeCount()
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM changes");
    }
}
