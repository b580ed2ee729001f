using Dapper;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Generator;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// The reports look up each procedure's values in force with index seeks instead of reading the
/// *_reduction_windows views; on a generated catalogue (abolitions, same-day corrections, unit changes,
/// procedures without history, a jurisdiction without tariff) both must give every figure alike, on every date.
/// </summary>
public sealed class InForceLookupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Figures
    {
        public long ProcedureId { get; init; }
        public long? TimeBaseline { get; init; }
        public long? TimeCurrent { get; init; }
        public long TimeAbolished { get; init; }
        public long? TimeReduction { get; init; }
        public long? CostBaseline { get; init; }
        public long? CostCurrent { get; init; }
        public long CostAbolished { get; init; }
        public long? CostReduction { get; init; }
        public long? BaselineFilings { get; init; }
        public long? CurrentFilings { get; init; }
    }

    private const string FromViews =
        """
        SELECT tw.id AS procedure_id, tw.baseline_value AS time_baseline, tw.current_value AS time_current, tw.is_abolished AS time_abolished,
               tw.reduction_hundredths AS time_reduction, cw.baseline_value AS cost_baseline, cw.current_value AS cost_current,
               cw.is_abolished AS cost_abolished, cw.reduction_hundredths AS cost_reduction,
               cw.baseline_annual_filings AS baseline_filings, cw.current_annual_filings AS current_filings
        FROM time_reductions tw
        INNER JOIN cost_reductions cw
            ON cw.id = tw.id AND cw.program_code = tw.program_code
           AND cw.valid_from <= @AsOf AND (cw.valid_to IS NULL OR cw.valid_to > @AsOf)
        WHERE tw.program_code = 'resolution-66' AND tw.valid_from <= @AsOf AND (tw.valid_to IS NULL OR tw.valid_to > @AsOf)
        ORDER BY tw.id
        """;

    [Theory]
    [InlineData("2023-06-30")]
    [InlineData("2024-12-31")]
    [InlineData("2025-07-01")]
    [InlineData("2025-12-31")]
    [InlineData("2026-11-23")]
    public async Task ReportLookupsGiveTheFiguresOfTheWindowViews(string date)
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
        var expected = (await connection.QueryAsync<Figures>(FromViews, new { AsOf = asOf })).ToList();
        var dates = new ReportDates("resolution-66", 2024, asOf, asOf.Year);
        var actual = new List<Figures>();
        foreach (var id in expected.Select(row => row.ProcedureId))
        {
            var row = (await ReductionQueries.ForProcedure(connection, database.Dialect, id, dates, Cancel))!;
            actual.Add(new Figures
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

        // The group report adds up the same figures: pairs with both values, counts, and the yearly burden.
        var everything = new ProcedureCatalog.Api.Procedures.ProcedureFilter();
        var all = Assert.Single(await ReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.None, everything, dates, Cancel));
        var time = expected.Where(row => row.TimeBaseline is not null && row.TimeCurrent is not null).ToList();
        var cost = expected.Where(row => row.CostBaseline is not null && row.CostCurrent is not null).ToList();
        var yearly = cost.Where(row => row.BaselineFilings is not null && row.CurrentFilings is not null).ToList();
        Assert.Equal(
            (501L, expected.Count(row => row.TimeAbolished == 1), expected.Count(row => row.TimeBaseline is not null), time.Sum(row => row.TimeBaseline), time.Sum(row => row.TimeCurrent)),
            (all.Procedures, (int)all.Abolished, (int)all.TimeWithBaseline, all.TimeBaselineUnits, all.TimeCurrentUnits));
        Assert.Equal(
            (expected.Count(row => row.CostBaseline is not null), cost.Sum(row => row.CostBaseline), cost.Sum(row => row.CostCurrent), yearly.Count,
             yearly.Sum(row => row.CostBaseline * row.BaselineFilings), yearly.Sum(row => row.CostCurrent * row.CurrentFilings)),
            ((int)all.CostWithBaseline, all.CostBaselineCenti, all.CostCurrentCenti, (int)all.WithAnnualFilings, all.BaselineYearlyCenti, all.CurrentYearlyCenti));

        // Split by agency and by field into parts read at once, the groups are those of one statement.
        foreach (var groupBy in new[] { ReductionGroupBy.Agency, ReductionGroupBy.Field })
        {
            var whole = await ReductionQueries.Groups(connection, database.Dialect, groupBy, everything, dates, Cancel);
            Assert.True(whole.Count > 3);
            Assert.Equal(whole, await ReductionQueries.Groups(database.OpenAsync, database.Dialect, groupBy, everything, dates, parts: 3, Cancel));
        }
    }
}
