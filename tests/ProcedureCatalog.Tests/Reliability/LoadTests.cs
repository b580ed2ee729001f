using System.Collections.Concurrent;
using System.Net;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Tests.Hostile;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Reliability;

/// <summary>
/// Readers and writers on the same few procedures for a bounded time. Afterwards every accepted write is there
/// exactly once, histories are complete and ordered, the feed holds every event, and nothing failed except by
/// design (412 for a stale If-Match).
/// </summary>
[Trait("Category", Categories.Slow)]
public sealed class LoadTests(HostileCatalogApiFactory factory) : IClassFixture<HostileCatalogApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentReadersAndWritersLoseNothingAndRepeatNothing()
    {
        var client = factory.CreateClient();
        var build = new CatalogBuilder(client);
        var procedures = new List<ProcedureDetail>();
        for (var index = 0; index < 3; index++)
        {
            procedures.Add(await build.Procedure("51", $"1.96000{index}"));
        }

        var start = (await (await client.Get("/api/v1/changes?limit=1000&jurisdiction=51")).ReadAs<ChangePage>(HttpStatusCode.OK)).NextCursor;
        var statuses = new ConcurrentDictionary<int, int>();
        var appended = new ConcurrentBag<(long Procedure, long Entry)>();
        var renamed = new ConcurrentBag<(long Procedure, string Name)>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        void Count(HttpResponseMessage response) => statuses.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);

        async Task Writer(int writer)
        {
            var random = new Random(writer);
            for (var step = 0; !deadline.IsCancellationRequested; step++)
            {
                var procedure = procedures[random.Next(procedures.Count)];
                if (step % 2 == 0)
                {
                    var response = await client.PostJson($"/api/v1/procedures/{procedure.Id}/time-history",
                        new TimeEntryInput(new DateOnly(2024, 1, 1).AddDays(random.Next(900)), random.Next(1, 40), TimeUnit.WorkingDays, $"{writer}-{step}/QĐ"));
                    Count(response);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        appended.Add((procedure.Id, (await response.ReadAs<TimeEntry>(HttpStatusCode.Created)).Id));
                    }
                }
                else
                {
                    var current = await client.Get($"/api/v1/procedures/{procedure.Id}");
                    Count(current);
                    var detail = await current.ReadAs<ProcedureDetail>(HttpStatusCode.OK);
                    var name = $"Thủ tục {writer}-{step}";
                    var update = ProcedureExamplesForTests.Update(detail.Field.Id, detail.Agency.Id) with { Code = detail.Code, Name = name };
                    var response = await client.PutJson($"/api/v1/procedures/{procedure.Id}", update, HttpAssertions.Tag(detail.Id, detail.Version));
                    Count(response);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        renamed.Add((procedure.Id, name));
                    }
                }
            }
        }

        async Task Reader(int reader)
        {
            while (!deadline.IsCancellationRequested)
            {
                Count(await client.Get(reader % 2 == 0 ? "/api/v1/procedures?jurisdiction=51" : $"/api/v1/procedures/{procedures[0].Id}/time-history"));
                Count(await client.Get("/api/v1/reports/reductions?jurisdiction=51&scope=all&groupBy=agency"));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(Writer).Concat(Enumerable.Range(0, 4).Select(Reader)));

        Assert.True(statuses.Keys.All(status => status is 200 or 201 or 412), "only 200, 201 and 412 (by design): " + string.Join(", ", statuses));
        Assert.True(appended.Count > 20 && !renamed.IsEmpty, $"the run did work: {appended.Count} entries, {renamed.Count} renames");

        var feed = new List<Change>();
        var cursor = start;
        while (true)
        {
            var page = await (await client.Get($"/api/v1/changes?limit=1000&jurisdiction=51&after={cursor}")).ReadAs<ChangePage>(HttpStatusCode.OK);
            feed.AddRange(page.Items);
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                break;
            }
        }

        foreach (var procedure in procedures)
        {
            var history = await (await client.Get($"/api/v1/procedures/{procedure.Id}/time-history")).ReadAs<List<TimeEntry>>(HttpStatusCode.OK);
            var accepted = appended.Where(entry => entry.Procedure == procedure.Id).Select(entry => entry.Entry).Order().ToList();
            Assert.Equal(accepted, history.Select(entry => entry.Id).Order().ToList());
            Assert.Equal(history.OrderBy(entry => entry.EffectiveFrom).ThenBy(entry => entry.RecordedAt).ThenBy(entry => entry.Id).Select(entry => entry.Id), history.Select(entry => entry.Id));

            var detail = await (await client.Get($"/api/v1/procedures/{procedure.Id}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
            var writes = accepted.Count + renamed.Count(rename => rename.Procedure == procedure.Id);
            Assert.Equal(procedure.Version + writes, detail.Version);
            var events = feed.Where(change => change.ProcedureId == procedure.Id).ToList();
            Assert.Equal(writes, events.Count);
            Assert.Equal(Enumerable.Range((int)procedure.Version + 1, writes).Select(version => (long?)version), events.Select(change => change.Version));
            Assert.Equal(accepted, events.Where(change => change.Entity == "time-entry").Select(change => long.Parse(change.EntityKey, System.Globalization.CultureInfo.InvariantCulture)).Order());
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{appended.Count} entries and {renamed.Count} renames accepted; statuses {string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}×{pair.Value}"))}");
    }
}
