using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Generator;
using ProcedureCatalog.Tests.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Reports;

/// <summary>
/// Every report's answer (group reductions by every grouping and both scopes, the scoreboard of all and of each
/// jurisdiction, the laggards of both measures, procedure reductions, the export) on the sample catalogue and on a
/// generated one (6,000 procedures, seed 66), on five dates, held to the figures the reports gave before they were
/// moved into views (issue 13): a SHA-256 per answer in <c>report-figures.json</c>. Set
/// <c>REPORT_FIGURES_WRITE=1</c> to write the fixture anew (only when a change of figures is intended).
/// </summary>
public sealed class ReportFiguresFixtureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Dates = ["2024-06-30", "2024-12-31", "2025-07-01", "2025-12-31", "2026-11-22"];

    private static readonly string[] GroupBys = ["none", "agency", "field", "level", "kind", "jurisdiction"];

    private static string FixturePath => Repository.PathOf("tests", "ProcedureCatalog.Tests", "Reports", "report-figures.json");

    [Fact]
    public async Task TheSampleCatalogueGivesTheFiguresOfTheFixture()
    {
        await using var factory = new CatalogApiFactory();
        await Compare("sample", await Dump(factory.CreateClient(), ["VN", "11", "20", "51", "92"], procedureStep: 1));
    }

    [Fact]
    public async Task AGeneratedCatalogueGivesTheFiguresOfTheFixture()
    {
        await using var factory = new EmptyCatalogApiFactory();
        var database = Targets.Open(DatabaseProvider.Sqlite, factory.ConnectionString);
        await new CatalogGenerator(database, Targets.Migrator(database), Options.Create(new GeneratorOptions { Procedures = 6000, Seed = 66 }))
            .GenerateAsync(TextWriter.Null, Cancel);
        await Compare("generated-6000-66", await Dump(factory.CreateClient(), ["VN", "11", "92"], procedureStep: 37));
    }

    private static async Task<SortedDictionary<string, string>> Dump(HttpClient client, string[] jurisdictions, int procedureStep)
    {
        var dump = new SortedDictionary<string, string>(StringComparer.Ordinal);
        async Task Add(string url, string accept = "application/json")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(accept);
            using var response = await client.SendAsync(request, Cancel);
            var body = await response.Content.ReadAsByteArrayAsync(Cancel);
            dump[url + " " + accept] = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + Convert.ToHexString(SHA256.HashData(body));
        }

        var ids = new List<long>();
        for (var page = 1; ; page++)
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/procedures?sort=code&pageSize=100&page={page}", Cancel));
            var items = list.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()).ToList();
            ids.AddRange(items);
            if (items.Count < 100)
            {
                break;
            }
        }

        ids.Sort();
        foreach (var date in Dates)
        {
            var year = Math.Clamp(int.Parse(date[..4], CultureInfo.InvariantCulture), 2025, 2026);
            var on = $"asOf={date}&year={year}";
            foreach (var groupBy in GroupBys)
            {
                await Add($"/api/v1/reports/reductions?groupBy={groupBy}&{on}");
                await Add($"/api/v1/reports/reductions?groupBy={groupBy}&scope=all&{on}");
            }

            await Add($"/api/v1/reports/reductions?groupBy=agency&jurisdiction={jurisdictions[^1]}&{on}");
            await Add($"/api/v1/reports/scoreboard?{on}");
            foreach (var jurisdiction in jurisdictions)
            {
                await Add($"/api/v1/reports/scoreboard?jurisdiction={jurisdiction}&{on}");
                await Add($"/api/v1/jurisdictions/{jurisdiction}/export?format=csv&asOf={date}", "text/csv");
            }

            foreach (var measure in new[] { "time", "cost" })
            {
                await Add($"/api/v1/reports/laggards?measure={measure}&{on}", "text/csv");
                await Add($"/api/v1/reports/laggards?measure={measure}&pageSize=100&{on}");
                await Add($"/api/v1/reports/laggards?measure={measure}&scope=all&{on}", "text/csv");
            }

            for (var index = 0; index < ids.Count; index += procedureStep)
            {
                await Add($"/api/v1/procedures/{ids[index]}/reduction?{on}");
            }
        }

        return dump;
    }

    private static async Task Compare(string catalogue, SortedDictionary<string, string> dump)
    {
        var fixture = File.Exists(FixturePath)
            ? JsonSerializer.Deserialize<SortedDictionary<string, SortedDictionary<string, string>>>(await File.ReadAllTextAsync(FixturePath, Cancel))!
            : new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("REPORT_FIGURES_WRITE") == "1")
        {
            // The two tests write their own part of the one file; run them one after the other when writing.
            fixture[catalogue] = dump;
            await File.WriteAllTextAsync(FixturePath, JsonSerializer.Serialize(fixture, new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false), Cancel);
            return;
        }

        Assert.True(fixture.ContainsKey(catalogue), $"report-figures.json has no figures of {catalogue}");
        var expected = fixture[catalogue];
        var differing = expected.Keys.Union(dump.Keys)
            .Where(key => !expected.TryGetValue(key, out var before) || !dump.TryGetValue(key, out var now) || before != now)
            .ToList();
        Assert.True(differing.Count == 0, $"{differing.Count} of {expected.Count} answers differ, e.g.:\n" + string.Join("\n", differing.Take(20)));
        Assert.All(dump.Values, value => Assert.StartsWith("200 ", value));
    }
}
