using System.Net;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Generator;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Generator;

/// <summary>The synthetic national catalogue: reproducible from its seed, as big as asked, and fit for every report.</summary>
public sealed class CatalogGeneratorTests
{
    private const int Procedures = 700;
    private static readonly string[] Tables =
        ["jurisdictions", "hourly_tariffs", "fields", "agencies", "procedures", "legal_basis", "documents", "time_history", "cost_history",
         "procedure_channels", "channel_time_history", "channel_fee_history", "procedure_publications", "procedure_texts"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<GenerationSummary> Generate(string connectionString, int procedures, int seed)
    {
        var database = Targets.Open(DatabaseProvider.Sqlite, connectionString);
        var generator = new CatalogGenerator(database, Targets.Migrator(database), Options.Create(new GeneratorOptions { Procedures = procedures, Seed = seed }));
        return generator.GenerateAsync(TextWriter.Null, Cancel);
    }

    /// <summary>Every row of every catalogue table, in key order, as text.</summary>
    private static async Task<string> Contents(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        var text = new StringBuilder();
        foreach (var table in Tables)
        {
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM {table} ORDER BY 1, 2"))
            {
                text.AppendJoin('|', row.Values).AppendLine();
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameCatalogueAndAnotherSeedAnother()
    {
        using var first = new TemporarySqliteFile();
        using var second = new TemporarySqliteFile();
        using var other = new TemporarySqliteFile();
        await Generate(first.ConnectionString, Procedures, seed: 66);
        await Generate(second.ConnectionString, Procedures, seed: 66);
        await Generate(other.ConnectionString, Procedures, seed: 67);

        var contents = await Contents(first.ConnectionString);
        Assert.Equal(contents, await Contents(second.ConnectionString));
        Assert.NotEqual(contents, await Contents(other.ConnectionString));
    }

    [Fact]
    public async Task CountsAndProportionsAreAsAsked()
    {
        using var file = new TemporarySqliteFile();
        var summary = await Generate(file.ConnectionString, Procedures, seed: 66);
        await using var connection = new SqliteConnection(file.ConnectionString);

        Assert.Equal(Procedures, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM procedures"));
        Assert.Equal(summary.Documents, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM documents"));
        Assert.Equal(35, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM jurisdictions"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM jurisdictions j WHERE NOT EXISTS (SELECT 1 FROM hourly_tariffs t WHERE t.jurisdiction_code = j.code AND t.year = 2024)"));

        var documentsPerProcedure = (double)summary.Documents / Procedures;
        Assert.InRange(documentsPerProcedure, 7, 9);
        var businessShare = await connection.ExecuteScalarAsync<double>("SELECT AVG(business_related * 1.0) FROM procedures");
        Assert.InRange(businessShare, 0.5, 0.7);
        var entries = (await connection.QueryAsync<int>("SELECT COUNT(*) FROM time_history GROUP BY procedure_id")).ToList();
        Assert.Equal(Procedures, entries.Count);
        Assert.All(entries, count => Assert.InRange(count, 1, 4));
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM procedures WHERE status = 'abolished'") > 0);

        // Names carry their diacritics; search_text holds them folded with the result and the conditions, as the API writes it.
        var (code, name, searchText) = await connection.QuerySingleAsync<(string, string, string)>("SELECT code, name, search_text FROM procedures WHERE id = 1");
        Assert.Matches("[àáảãạăâđèéêìíòóôơùúưỳý]", name.ToLowerInvariant());
        var result = await connection.ExecuteScalarAsync<string>("SELECT result_name FROM procedure_publications WHERE procedure_id = 1");
        var conditions = await connection.QueryAsync<string>("SELECT text FROM procedure_texts WHERE procedure_id = 1 AND list = 'condition' ORDER BY position");
        Assert.Equal(SearchText.Fold(string.Join(" ", [code, name, result, .. conditions])), searchText);

        // Every procedure is offered in person, and online where its online level says so, with the online channel's own history.
        Assert.Equal(Procedures, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM procedure_channels WHERE channel = 'in-person'"));
        Assert.Equal(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM procedures WHERE online_level <> 'none'"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM procedure_channels WHERE channel = 'online'"));
        Assert.Equal(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM time_history h INNER JOIN procedures p ON p.id = h.procedure_id WHERE p.online_level <> 'none'"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM channel_time_history WHERE channel = 'online'"));
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM procedure_publications WHERE implements_id IS NOT NULL") > 0);
    }

    [Fact]
    public async Task RefusesADatabaseThatHoldsACatalogue()
    {
        using var file = new TemporarySqliteFile();
        await Generate(file.ConnectionString, 10, seed: 1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Generate(file.ConnectionString, 10, seed: 1));
    }

    [Fact]
    public async Task EveryReportRunsOnTheGeneratedCatalogue()
    {
        await using var factory = new EmptyCatalogApiFactory();
        await Generate(factory.ConnectionString, Procedures, seed: 66);
        var client = factory.CreateClient();

        var groups = await (await client.Get("/api/v1/reports/reductions?groupBy=agency&scope=all&asOf=2025-12-31")).ReadAs<GroupReductionReport>(HttpStatusCode.OK);
        Assert.True(groups.Rows.Count > 100);
        Assert.Equal(Procedures, groups.Rows.Sum(row => row.Procedures));

        var board = await (await client.Get("/api/v1/reports/scoreboard?year=2025")).ReadAs<Scoreboard>(HttpStatusCode.OK);
        Assert.Contains(board.Indicators, indicator => indicator.Indicator == "time-reduction" && indicator.ValuePct is > 0);
        Assert.Contains(board.Indicators, indicator => indicator.Indicator == "cost-reduction" && indicator.ValuePct is > 0);

        var laggards = await (await client.Get("/api/v1/reports/laggards?year=2025&measure=cost")).ReadAs<LaggardReport>(HttpStatusCode.OK);
        Assert.True(laggards.Results.TotalCount > 0);

        var found = await (await client.Get("/api/v1/procedures?q=dang%20ky%20kinh%20doanh")).ReadAs<PageOf<ProcedureSummary>>(HttpStatusCode.OK);
        Assert.True(found.TotalCount > 0);
        Assert.All(found.Items, item => Assert.Contains("kinh doanh", SearchText.Fold(item.Name)));
    }
}
