using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.PeriodReports;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Tests.Database;

/// <summary>The queries of the periodic reports (what moved in a period), on each engine.</summary>
public abstract partial class CatalogDatabaseSuite<TTarget>
{
    /// <summary>
    /// Cần Thơ's November 2026 period in the sample (db/seed/sample-period-changes.json), by hand: time in units of
    /// 1/5600 working day, cost in hundredths of a đồng at 40,000 đ an hour.
    /// </summary>
    [Fact]
    public async Task PeriodQueriesFindTheCutsAndTheAbolitionOfThePeriod()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await Sample(database).SeedIfEmptyAsync(Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        var dates = new ReportDates("resolution-66", 2024, new DateOnly(2026, 11, 22), 2026);
        var before = new DateOnly(2026, 10, 22);

        var time = await PeriodReportQueries.Cuts(connection, database.Dialect, ReductionMeasure.Time, "92", dates, before, Cancel);
        Assert.Equal(
            [
                ("1.009650", 67_200L, 44_800L, 3333L, (long?)4400L, new DateOnly(2026, 11, 5), "1893/QĐ-UBND"),
                ("2.000355", 84_000L, 56_000L, 3333L, 5000L, new DateOnly(2026, 10, 28), "1850/QĐ-UBND"),
            ],
            time.Select(row => (row.Code, row.BeforeValue, row.AfterValue, row.CutHundredths, row.ReductionHundredths, row.EffectiveFrom, row.DecisionRef)));

        var cost = await PeriodReportQueries.Cuts(connection, database.Dialect, ReductionMeasure.Cost, "92", dates, before, Cancel);
        Assert.Equal(
            [
                ("2.000355", 188_000_000L, 152_000_000L, 1915L, new DateOnly(2026, 10, 28), "1850/QĐ-UBND"),
                ("2.000983", 169_000_000L, 130_000_000L, 2308L, new DateOnly(2026, 11, 16), "1921/QĐ-UBND"),
            ],
            cost.Select(row => (row.Code, row.BeforeValue, row.AfterValue, row.CutHundredths, row.EffectiveFrom, row.DecisionRef)));

        // Nothing was cut in the period before, and the abolition falls in November's.
        Assert.Empty(await PeriodReportQueries.Cuts(connection, database.Dialect, ReductionMeasure.Time, "92", dates with { AsOf = before }, new DateOnly(2026, 9, 22), Cancel));
        var abolished = Assert.Single(await PeriodReportQueries.Abolished(connection, "92", before, dates.AsOf, Cancel));
        Assert.Equal(("2.000884", new DateOnly(2026, 11, 12)), (abolished.Code, abolished.AbolishedOn));
        Assert.Empty(await PeriodReportQueries.Abolished(connection, "92", dates.AsOf, new DateOnly(2026, 12, 22), Cancel));
    }
}
