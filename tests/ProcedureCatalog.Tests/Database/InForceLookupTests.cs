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

    private sealed record Subject(long Id, string JurisdictionCode, DateOnly? AbolishedOn);

    /// <summary>Every procedure's figures on a date by the rules of the domain brief (sections 3 and 4), from the histories.</summary>
    private static async Task<List<Figures>> Computed(System.Data.Common.DbConnection connection, DateOnly asOf)
    {
        var baselineDate = DateOnly.Parse((await connection.ExecuteScalarAsync<string>("SELECT baseline_date FROM reduction_programs WHERE code = 'resolution-66'"))!, System.Globalization.CultureInfo.InvariantCulture);
        var tariffs = (await connection.QueryAsync<(string Jurisdiction, long Tariff)>(
            "SELECT jurisdiction_code, hourly_tariff_vnd FROM hourly_tariffs WHERE year = @Year", new { Year = baselineDate.Year })).ToDictionary(row => row.Jurisdiction, row => row.Tariff);
        var subjects = (await connection.QueryAsync<(long Id, string JurisdictionCode, string? AbolishedOn)>("SELECT id, jurisdiction_code, abolished_on FROM procedures ORDER BY id"))
            .Select(row => new Subject(row.Id, row.JurisdictionCode, row.AbolishedOn is null ? null : DateOnly.Parse(row.AbolishedOn, System.Globalization.CultureInfo.InvariantCulture)));
        var times = (await connection.QueryAsync<ProcedureCatalog.Api.History.TimeEntryRow>(
            "SELECT id, procedure_id, effective_from, amount, unit, decision_ref, recorded_at FROM time_history")).ToLookup(entry => entry.ProcedureId);
        var costs = (await connection.QueryAsync<ProcedureCatalog.Api.History.CostEntryRow>(
            "SELECT id, procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings, decision_ref, recorded_at FROM cost_history")).ToLookup(entry => entry.ProcedureId);

        // The entry in force on D: the latest effective_from on or before D, ties to the one recorded last (then the highest id).
        static T? InForce<T>(IEnumerable<T> entries, DateOnly on, Func<T, DateOnly> from, Func<T, DateTime> recorded, Func<T, long> id) where T : class =>
            entries.Where(entry => from(entry) <= on).OrderByDescending(from).ThenByDescending(recorded).ThenByDescending(id).FirstOrDefault();
        static long? Reduction(long? baseline, long? current) => baseline is null || baseline == 0 || current is null
            ? null
            : (long)Math.Round(10_000m * (baseline.Value - current.Value) / baseline.Value, MidpointRounding.AwayFromZero);
        static long Units(ProcedureCatalog.Api.History.TimeEntryRow entry) =>
            (long)Math.Round(entry.Amount * 100m) * entry.Unit switch { "working-days" => 56, "calendar-days" => 40, "hours" => 7, _ => throw new InvalidOperationException(entry.Unit) };

        var figures = new List<Figures>();
        foreach (var subject in subjects)
        {
            var abolished = subject.AbolishedOn <= asOf;
            var hasBaseline = subject.AbolishedOn is null || subject.AbolishedOn > baselineDate;
            var timeBaseline = hasBaseline ? InForce(times[subject.Id], baselineDate, e => e.EffectiveFrom, e => e.RecordedAt, e => e.Id) : null;
            var timeCurrent = InForce(times[subject.Id], asOf, e => e.EffectiveFrom, e => e.RecordedAt, e => e.Id);
            var costBaseline = hasBaseline ? InForce(costs[subject.Id], baselineDate, e => e.EffectiveFrom, e => e.RecordedAt, e => e.Id) : null;
            var costCurrent = InForce(costs[subject.Id], asOf, e => e.EffectiveFrom, e => e.RecordedAt, e => e.Id);
            long? tariff = tariffs.TryGetValue(subject.JurisdictionCode, out var found) ? found : null;
            long? Cost(ProcedureCatalog.Api.History.CostEntryRow? entry) =>
                entry is null || tariff is null ? null : entry.FeeVnd * 100 + entry.OtherCostVnd * 100 + (long)Math.Round(entry.ApplicantHours * 100m) * tariff;
            long? timeB = timeBaseline is null ? null : Units(timeBaseline), timeC = abolished ? 0 : timeCurrent is null ? null : Units(timeCurrent);
            long? costB = Cost(costBaseline), costC = abolished ? 0 : Cost(costCurrent);
            figures.Add(new Figures
            {
                ProcedureId = subject.Id, TimeBaseline = timeB, TimeCurrent = timeC, TimeAbolished = abolished ? 1 : 0, TimeReduction = Reduction(timeB, timeC),
                CostBaseline = costB, CostCurrent = costC, CostAbolished = abolished ? 1 : 0, CostReduction = Reduction(costB, costC),
                BaselineFilings = costBaseline?.AnnualFilings, CurrentFilings = abolished ? 0 : costCurrent?.AnnualFilings,
            });
        }

        return figures;
    }

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
        var expected = (await connection.QueryAsync<Figures>(FromViews, new { AsOf = asOf })).ToList();
        Assert.Equal(await Computed(connection, asOf), expected);
        var dates = new ReportDates("resolution-66", 2024, asOf, asOf.Year);
        var actual = new List<Figures>();
        foreach (var id in expected.Select(row => row.ProcedureId))
        {
            var row = (await ProcedureReductionQueries.ForProcedure(connection, database.Dialect, id, dates, Cancel))!;
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
        var all = Assert.Single(await GroupReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.None, everything, dates, Cancel));
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
            var whole = await GroupReductionQueries.Groups(connection, database.Dialect, groupBy, everything, dates, Cancel);
            Assert.True(whole.Count > 3);
            Assert.Equal(whole, await GroupReductionQueries.Groups(database.OpenAsync, database.Dialect, groupBy, everything, dates, parts: 3, Cancel));
        }
    }
}
