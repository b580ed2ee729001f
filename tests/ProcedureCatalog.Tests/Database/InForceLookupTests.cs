using Dapper;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Generator;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// The views time_reductions and cost_reductions (over the windows of migration 0010) against the domain brief's
/// rules computed here in C# from the histories themselves: on a generated catalogue (abolitions, same-day
/// corrections, unit changes, procedures without history, a jurisdiction without tariff) every figure alike, on
/// every date; the procedure report and the group report read the same figures.
/// </summary>
public sealed class InForceLookupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2023-06-30")]
    [InlineData("2024-12-31")]
    [InlineData("2025-07-01")]
    [InlineData("2025-12-31")]
    [InlineData("2026-11-23")]
    public async Task TheReductionViewsGiveTheFiguresOfTheRulesOnEveryDate(string date)
    {
        using var file = new TemporarySqliteFile();
        var database = Targets.Open(DatabaseProvider.Sqlite, file.ConnectionString);
        await new CatalogGenerator(database, Targets.Migrator(database), Options.Create(new GeneratorOptions { Procedures = 500, Seed = 7 }))
            .GenerateAsync(TextWriter.Null, Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        await connection.ExecuteAsync("DELETE FROM hourly_tariffs WHERE jurisdiction_code = '11'");
        await connection.ExecuteAsync(
            "INSERT INTO procedures (jurisdiction_code, code, name, search_text, level, kind, business_related, online_level, full_online_eligible, boundary_free, field_id, agency_id, status, abolished_on, last_reviewed_on, created_at, updated_at, version) "
            + "SELECT jurisdiction_code, 'no-history', name, search_text, level, kind, business_related, online_level, full_online_eligible, boundary_free, field_id, agency_id, 'abolished', '2025-03-01', NULL, created_at, updated_at, 1 FROM procedures WHERE id = 1");

        var asOf = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var expected = (await connection.QueryAsync<ReductionRules.Figures>(ReductionRules.FromViews, new { AsOf = asOf })).ToList();
        Assert.Equal(await ReductionRules.Computed(connection, asOf), expected);
        var dates = new ReportDates("resolution-66", 2024, asOf, asOf.Year);
        var actual = new List<ReductionRules.Figures>();
        foreach (var id in expected.Select(row => row.ProcedureId))
        {
            var row = (await ProcedureReductionQueries.ForProcedure(connection, database.Dialect, id, dates, Cancel))!;
            actual.Add(new ReductionRules.Figures
            {
                ProcedureId = row.ProcedureId, TimeBaseline = row.TimeBaselineUnits, TimeCurrent = row.TimeCurrentUnits, TimeAbolished = row.TimeAbolished,
                TimeReduction = row.TimeReductionHundredths, CostBaseline = row.CostBaselineCenti, CostCurrent = row.CostCurrentCenti,
                CostAbolished = row.CostAbolished, CostReduction = row.CostReductionHundredths, BaselineFilings = row.BaselineAnnualFilings,
                CurrentFilings = row.CurrentAnnualFilings,
            });
        }

        Assert.Equal(501, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Contains(expected, row => row.CostBaseline is null && row.BaselineFilings is not null);

        // The group report adds up the same figures: pairs with both values (withBaseline counts exactly those), counts, and the yearly burden.
        var everything = new ProcedureCatalog.Api.Procedures.ProcedureFilter();
        var all = Assert.Single(await GroupReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.None, everything, dates, Cancel));
        var time = expected.Where(row => row.TimeBaseline is not null && row.TimeCurrent is not null).ToList();
        var cost = expected.Where(row => row.CostBaseline is not null && row.CostCurrent is not null).ToList();
        var yearly = cost.Where(row => row.BaselineFilings is not null && row.CurrentFilings is not null).ToList();
        Assert.Equal(
            (501L, expected.Count(row => row.TimeAbolished == 1), time.Count, time.Sum(row => row.TimeBaseline), time.Sum(row => row.TimeCurrent)),
            (all.Procedures, (int)all.Abolished, (int)all.TimeWithBaseline, all.TimeBaselineUnits, all.TimeCurrentUnits));
        Assert.Equal(
            (cost.Count, cost.Sum(row => row.CostBaseline), cost.Sum(row => row.CostCurrent), yearly.Count,
             yearly.Sum(row => row.CostBaseline * row.BaselineFilings), yearly.Sum(row => row.CostCurrent * row.CurrentFilings)),
            ((int)all.CostWithBaseline, all.CostBaselineCenti, all.CostCurrentCenti, (int)all.WithAnnualFilings, all.BaselineYearlyCenti, all.CurrentYearlyCenti));

        // Split by agency and by field into parts read at once, the groups are those of one statement.
        foreach (var groupBy in new[] { ReductionGroupBy.Agency, ReductionGroupBy.Field })
        {
            var whole = await GroupReductionQueries.Groups(connection, database.Dialect, groupBy, everything, dates, Cancel);
            Assert.True(whole.Count > 3);
            Assert.Equal(whole, await GroupReductionQueries.Groups(database.OpenAsync, database.Dialect, groupBy, everything, dates, parts: 3, Cancel));
        }
    }
}
