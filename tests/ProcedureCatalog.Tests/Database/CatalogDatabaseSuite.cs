using Dapper;
using ProcedureCatalog.Api;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Reports;

using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// Every migration, query and write of the catalogue against a real database. One concrete class per
/// provider runs it: SQLite always, SQL Server wherever Docker answers.
/// </summary>
public abstract partial class CatalogDatabaseSuite<TTarget>(TTarget target) where TTarget : IDatabaseTarget
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    private static int codes;

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private CatalogDatabase Ready()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        Targets.Migrator(target.Database).Migrate();
        return target.Database;
    }

    [Fact]
    public async Task MigrationsApplyFromEmptyAndOnlyOnce()
    {
        var database = Ready();
        Assert.Empty(Targets.Migrator(database).Migrate());
        await using var connection = await database.OpenAsync(Cancel);
        foreach (var table in new[] { "jurisdictions", "fields", "agencies", "procedures", "legal_basis", "documents", "time_history", "cost_history" })
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table} WHERE 1 = 0"));
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM time_in_force WHERE 1 = 0"));
    }

    [Fact]
    public async Task EveryProcedureColumnIsReadBack()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Cấp giấy phép xây dựng nhà ở riêng lẻ");
        await using var connection = await database.OpenAsync(Cancel);
        var row = (await ProcedureQueries.Find(connection, id, Cancel))!;
        Assert.Equal(("11", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "commune", "internal-within-agency", "full"),
            (row.JurisdictionCode, row.Name, row.Level, row.Kind, row.OnlineLevel));
        Assert.Equal((true, true, false, "active", new DateOnly(2025, 6, 15), 1L),
            (row.BusinessRelated, row.FullOnlineEligible, row.BoundaryFree, row.Status, row.LastReviewedOn, row.Version));
        Assert.Equal(("Xây dựng", "Sở Xây dựng tỉnh Điện Biên"), (row.FieldName, row.AgencyName));
        Assert.Equal(Now, DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc));

        var legal = Assert.Single(await ProcedureQueries.LegalBasis(connection, id, Cancel));
        Assert.Equal(("50/2014/QH13", new DateOnly(2014, 6, 18), "Quốc hội"), (legal.Number, legal.IssuedOn, legal.Issuer));
        var document = Assert.Single(await DocumentQueries.List(connection, id, Cancel));
        Assert.Equal(("Đơn đề nghị cấp giấy phép", "Mẫu số 01", 1, 2, true, "CSDL đất đai", 1), (document.Name, document.TemplateName, document.Originals, document.Copies, document.ProvidedOnce, document.DataSource, document.Position));
    }

    [Fact]
    public async Task ValueInForceIsTheLatestEffectiveEntryAndTheLastRecordedOnATie()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục có lịch sử");
        await using var connection = await database.OpenAsync(Cancel);
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2023, 5, 1), 15m, TimeUnit.WorkingDays, "A"), Now, Cancel);
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2025, 4, 1), 14.5m, TimeUnit.CalendarDays, "B"), Now.AddSeconds(1), Cancel);
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2025, 4, 1), 12m, TimeUnit.Hours, "C"), Now.AddSeconds(2), Cancel);
            await HistoryQueries.AppendCost(connection, transaction, database.Dialect, id, new CostEntryInput(new DateOnly(2024, 1, 1), 500_000, 200_000, 8.25m, 1_200, "D"), Now, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Null(await HistoryQueries.TimeInForce(connection, id, new DateOnly(2023, 4, 30), Cancel));
        Assert.Equal("A", (await HistoryQueries.TimeInForce(connection, id, new DateOnly(2025, 3, 31), Cancel))!.DecisionRef);
        var tie = (await HistoryQueries.TimeInForce(connection, id, new DateOnly(2025, 4, 1), Cancel))!;
        Assert.Equal(("C", 12m, "hours"), (tie.DecisionRef, tie.Amount, tie.Unit));
        var cost = (await HistoryQueries.CostInForce(connection, id, new DateOnly(2026, 1, 1), Cancel))!;
        Assert.Equal((500_000L, 200_000L, 8.25m, (long?)1_200), (cost.FeeVnd, cost.OtherCostVnd, cost.ApplicantHours, cost.AnnualFilings));
        Assert.Equal(["A", "B", "C"], (await HistoryQueries.TimeEntries(connection, id, Cancel)).Select(entry => entry.DecisionRef).ToArray());
    }

    [Fact]
    public async Task SearchFiltersSortAndPageInTheDatabase()
    {
        var database = Ready();
        var (first, code) = await NewProcedure(database, "Đăng ký biến động đất đai ở Điện Biên");
        await NewProcedure(database, "Đăng ký khai sinh");
        await using var connection = await database.OpenAsync(Cancel);
        var filter = new ProcedureFilter { Jurisdiction = "11", Kind = ProcedureKind.InternalWithinAgency, SearchTerms = SearchText.Terms("DANG KY dat dai dien bien", 8) };
        var (rows, total) = await ProcedureQueries.List(connection, database.Dialect, filter, [("code", true)], 1, 10, Cancel);
        Assert.Equal((1L, first), (total, Assert.Single(rows).Id));

        var (byCode, _) = await ProcedureQueries.List(connection, database.Dialect, new ProcedureFilter { SearchTerms = [code] }, [("name", false)], 1, 5, Cancel);
        Assert.Equal(first, Assert.Single(byCode).Id);
        var (secondPage, all) = await ProcedureQueries.List(connection, database.Dialect, new ProcedureFilter { Jurisdiction = "11" }, [("code", false)], 2, 1, Cancel);
        Assert.True(all >= 2);
        Assert.Single(secondPage);
    }

    [Fact]
    public async Task TheDatabaseRefusesADuplicateKeyAndOrphanedHistory()
    {
        var database = Ready();
        var (id, code) = await NewProcedure(database, "Thủ tục trùng mã");
        var (other, _) = await NewProcedure(database, "Thủ tục khác");
        await using var connection = await database.OpenAsync(Cancel);
        var duplicate = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "UPDATE procedures SET code = @Code WHERE id = @Other", new { Code = code, Other = other }));
        Assert.True(database.Dialect.IsUniqueViolation(duplicate), duplicate.Message);

        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2024, 1, 1), 1m, TimeUnit.WorkingDays, "X"), Now, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        var orphan = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM procedures WHERE id = @Id", new { Id = id }));
        Assert.True(database.Dialect.IsForeignKeyViolation(orphan), orphan.Message);
    }

    [Fact]
    public async Task SampleCatalogueLoadsThroughTheWritePathOnce()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        Assert.True(await Sample(database).SeedIfEmptyAsync(Cancel));
        Assert.False(await Sample(database).SeedIfEmptyAsync(Cancel));

        await using var connection = await database.OpenAsync(Cancel);
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jurisdictions"));
        Assert.InRange(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM procedures"), 40, 100);
        Assert.Equal(40_000, await connection.ExecuteScalarAsync<long>("SELECT hourly_tariff_vnd FROM hourly_tariffs WHERE jurisdiction_code = '92' AND year = 2024"));
    }

    [Theory]
    [InlineData("1.009645", "2025-12-31", 3333L)]
    [InlineData("1.009645", "2026-11-22", 5333L)]
    [InlineData("1.009650", "2025-12-31", 1600L)]
    [InlineData("1.013410", "2025-12-31", null)]
    public async Task ReductionViewsReproduceTheWorkedExample(string code, string asOf, long? expectedHundredths)
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await Sample(database).SeedIfEmptyAsync(Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        var reduction = await connection.QuerySingleAsync<long?>(
            """
            SELECT w.reduction_hundredths
            FROM time_reductions w
            WHERE w.program_code = 'resolution-66' AND w.jurisdiction_code = '92' AND w.code = @Code
              AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)
            """,
            new { Code = code, AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(expectedHundredths, reduction);
        if (code == "1.009645" && asOf == "2025-12-31")
        {
            var cost = await connection.QuerySingleAsync<(long Baseline, long Current, long Reduction)>(
                """
                SELECT w.baseline_value, w.current_value, w.reduction_hundredths
                FROM cost_reductions w
                WHERE w.program_code = 'resolution-66' AND w.jurisdiction_code = '92' AND w.code = @Code
                  AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)
                """,
                new { Code = code, AsOf = new DateOnly(2025, 12, 31) });
            Assert.Equal((102_000_000L, 56_000_000L, 4510L), cost);
        }
    }

    [Theory]
    [InlineData("dang ky kinh doanh")]
    [InlineData("cap giay phep")]
    [InlineData("xay dung")]
    [InlineData("ky")]
    [InlineData("1.00")]
    [InlineData("thu tuc hanh chinh khong co")]
    public async Task SearchFindsExactlyTheRowsWhoseFoldedTextHoldsEveryWord(string q)
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await Sample(database).SeedIfEmptyAsync(Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        var terms = SearchText.Terms(q, ProcedureQueries.MaxSearchTerms);
        var (rows, total) = await ProcedureQueries.List(connection, database.Dialect, new ProcedureFilter { SearchTerms = terms }, [("code", false)], 1, 100, Cancel);
        var expected = (await connection.QueryAsync<(long Id, string SearchText)>("SELECT id, search_text FROM procedures"))
            .Where(row => terms.All(term => row.SearchText.Contains(term, StringComparison.Ordinal)))
            .Select(row => row.Id).Order().ToList();
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, rows.Select(row => row.Id).Order().ToList());
    }

    [Fact]
    public async Task ReportQueriesReproduceTheWorkedExampleGroup()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await Sample(database).SeedIfEmptyAsync(Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        var dates = new ReportDates("resolution-66", 2024, new DateOnly(2025, 12, 31), 2025);
        var scope = new ProcedureFilter { Jurisdiction = "92", Kind = ProcedureKind.External, BusinessRelated = true };

        // A, B and C share one agency in the sample: ΣB = 15 + 14.2857 working days, ΣC = 10 + 12 (1 working day = 5600 units).
        var groups = await GroupReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.Agency, scope, dates, Cancel);
        var example = groups.Single(group => group.Procedures == 3 && group.TimeNoBaseline == 1);
        Assert.Equal((164_000L, 123_200L, 2488L, 3000L, 0L, 512L), (example.TimeBaselineUnits!.Value, example.TimeCurrentUnits!.Value,
            example.TimeReductionHundredths!.Value, example.TimeTargetHundredths!.Value, example.TimeMeetsTarget!.Value, example.TimeGapHundredths!.Value));
        Assert.Equal((2L, 1L, 102_000_000L, 56_000_000L, 4510L), (example.TimeWithBaseline, example.TimeMeetingTarget!.Value,
            example.CostBaselineCenti!.Value, example.CostCurrentCenti!.Value, example.CostReductionHundredths!.Value));

        // Read in parts at once, the same groups come back in the same order.
        Assert.Equal(groups, await GroupReductionQueries.Groups(database.OpenAsync, database.Dialect, ReductionGroupBy.Agency, scope, dates, parts: 3, Cancel));
        var all = Assert.Single(await GroupReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.None, scope, dates, Cancel));
        Assert.Equal(groups.Sum(group => group.Procedures), all.Procedures);
        Assert.Equal(groups.Sum(group => group.TimeBaselineUnits), all.TimeBaselineUnits);

        var (laggards, total) = await LaggardQueries.Laggards(connection, database.Dialect, ReductionMeasure.Time, scope, dates, 1, 100, Cancel);
        Assert.Equal(total, laggards.Count);
        Assert.Contains(laggards, laggard => laggard.Code == "1.009650" && laggard.ReductionHundredths == 1600 && laggard.GapHundredths == 1400);
        Assert.Equal(laggards.OrderBy(laggard => laggard.ReductionHundredths).ThenBy(laggard => laggard.ProcedureId).Select(l => l.ProcedureId), laggards.Select(l => l.ProcedureId));

        var coverage = await CoverageQueries.Coverage(connection, "92", dates, Cancel);
        Assert.Equal(["boundary-free", "business-online", "internal-reviewed"], coverage.Select(row => row.Indicator).ToArray());
        Assert.All(coverage, row => Assert.Equal(row.Denominator == 0 ? null : (20_000 * row.Numerator + row.Denominator) / (2 * row.Denominator), row.ValueHundredths));
    }

    [Fact]
    public async Task AnAbolishedProcedureCostsNothingWhetherOrNotItsJurisdictionHasATariff()
    {
        var database = Ready();
        var (id, code) = await NewProcedure(database, "Thủ tục đã bãi bỏ ở tỉnh chưa có đơn giá giờ công");
        await using var connection = await database.OpenAsync(Cancel);
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2024, 1, 1), 10m, TimeUnit.WorkingDays, "A"), Now, Cancel);
            await HistoryQueries.AppendCost(connection, transaction, database.Dialect, id, new CostEntryInput(new DateOnly(2024, 1, 1), 100_000, 0, 2m, 10, "B"), Now, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        await connection.ExecuteAsync("UPDATE procedures SET status = 'abolished', abolished_on = '2025-06-01' WHERE id = @Id", new { Id = id });
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM hourly_tariffs WHERE jurisdiction_code = '11'"));
        var asOf = new DateOnly(2025, 12, 31);

        // The report lookups: C = 0 for time and cost alike; only the baseline cost needs the tariff.
        var row = (await ProcedureReductionQueries.ForProcedure(connection, database.Dialect, id, new ReportDates("resolution-66", 2024, asOf, 2025), Cancel))!;
        Assert.Equal((0L, 0L, 1L, 1L), (row.TimeCurrentUnits!.Value, row.CostCurrentCenti!.Value, row.TimeAbolished, row.CostAbolished));
        Assert.Equal((56_000L, (long?)null, 10_000L, (long?)0), (row.TimeBaselineUnits!.Value, row.CostBaselineCenti, row.TimeReductionHundredths!.Value, row.CurrentAnnualFilings));

        // The window views say the same.
        var window = await connection.QuerySingleAsync<(long? Current, long Abolished)>(
            """
            SELECT w.current_value, w.is_abolished FROM cost_reductions w
            WHERE w.program_code = 'resolution-66' AND w.id = @Id AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)
            """,
            new { Id = id, AsOf = asOf });
        Assert.Equal(((long?)0, 1L), window);

        // A group of it alone: abolished, its time counted; its cost has no baseline without the tariff.
        var group = Assert.Single(await GroupReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.None,
            new ProcedureFilter { SearchTerms = [code] }, new ReportDates("resolution-66", 2024, asOf, 2025), Cancel));
        Assert.Equal((1L, 1L, 0L, 10_000L, 0L), (group.Procedures, group.Abolished, group.TimeCurrentUnits!.Value, group.TimeReductionHundredths!.Value, group.CostWithBaseline));
    }

    /// <summary>
    /// Rows of procedure_figures that differ from what procedure_figures_computed derives from the histories now,
    /// either way: the stored rows of every procedure with history, and no stored row the histories would not give.
    /// </summary>
    private const string FigureColumns = "program_code, procedure_id, time_baseline_units, time_latest_from, time_latest_units, cost_baseline_money_centi, cost_baseline_hours_hundredths, cost_baseline_annual_filings, cost_latest_from, cost_latest_money_centi, cost_latest_hours_hundredths, cost_latest_annual_filings";

    private const string FiguresOutOfStep =
        $"""
        SELECT COUNT(*) FROM (
            SELECT {FigureColumns}
            FROM procedure_figures_computed WHERE procedure_id IN (SELECT id FROM procedures_with_history)
            EXCEPT
            SELECT {FigureColumns}
            FROM procedure_figures
        ) missing_or_stale
        """;

    private const string StoredFiguresNotDerived =
        $"""
        SELECT COUNT(*) FROM (
            SELECT {FigureColumns}
            FROM procedure_figures
            EXCEPT
            SELECT {FigureColumns}
            FROM procedure_figures_computed
        ) extra
        """;

    private async Task AssertFiguresInStep(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction = null)
    {
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(new CommandDefinition(FiguresOutOfStep, transaction: transaction, cancellationToken: Cancel)));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(new CommandDefinition(StoredFiguresNotDerived, transaction: transaction, cancellationToken: Cancel)));
    }

    private sealed record FigureRow
    {
        public long? TimeBaselineUnits { get; init; }
        public DateOnly? TimeLatestFrom { get; init; }
        public long? TimeLatestUnits { get; init; }
        public long? CostBaselineMoneyCenti { get; init; }
        public long? CostLatestHoursHundredths { get; init; }
    }

    private static FigureRow Figures(long? timeBaseline, string? timeLatestFrom, long? timeLatest, long? costBaselineMoney, long? costLatestHours) => new()
    {
        TimeBaselineUnits = timeBaseline, TimeLatestFrom = timeLatestFrom is null ? null : DateOnly.Parse(timeLatestFrom, System.Globalization.CultureInfo.InvariantCulture),
        TimeLatestUnits = timeLatest, CostBaselineMoneyCenti = costBaselineMoney, CostLatestHoursHundredths = costLatestHours,
    };

    private async Task<FigureRow?> FiguresOf(System.Data.Common.DbConnection connection, long id) =>
        await connection.QuerySingleOrDefaultAsync<FigureRow>(new CommandDefinition(
            "SELECT time_baseline_units, time_latest_from, time_latest_units, cost_baseline_money_centi, cost_latest_hours_hundredths FROM procedure_figures WHERE program_code = 'resolution-66' AND procedure_id = @Id",
            new { Id = id }, cancellationToken: Cancel));

    /// <summary>
    /// The histories the derived tables are followed through: an entry, a same-day correction (12 h wins over 14 days),
    /// a cost, and a future entry, whose id is returned so that a test can remove it.
    /// </summary>
    private async Task<long> AppendTrackedHistories(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CatalogDatabase database, long id)
    {
        await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2023, 5, 1), 15m, TimeUnit.WorkingDays, "A"), Now, Cancel);
        await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2024, 12, 31), 14m, TimeUnit.WorkingDays, "B"), Now, Cancel);
        await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2024, 12, 31), 12m, TimeUnit.Hours, "B corrected"), Now.AddSeconds(1), Cancel);
        await HistoryQueries.AppendCost(connection, transaction, database.Dialect, id, new CostEntryInput(new DateOnly(2024, 1, 1), 500_000, 200_000, 8.25m, 1_200, "C"), Now, Cancel);
        return await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2027, 1, 1), 5m, TimeUnit.WorkingDays, "D"), Now, Cancel);
    }

    [Fact]
    public async Task FiguresFollowEveryChangeOfTheHistories()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục có số liệu theo dõi");
        await using var connection = await database.OpenAsync(Cancel);
        Assert.Null(await FiguresOf(connection, id));

        long future;
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            future = await AppendTrackedHistories(connection, transaction, database, id);
            await AssertFiguresInStep(connection, transaction);
            await transaction.CommitAsync(Cancel);
        }

        // The baseline is the same-day correction (12 h = 84 units per hundredth); the latest is the future entry.
        Assert.Equal(Figures(8_400, "2027-01-01", 28_000, 70_000_000, 825), await FiguresOf(connection, id));

        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            Assert.Equal(1, await HistoryQueries.RemoveTime(connection, transaction, id, future, Cancel));
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(Figures(8_400, "2024-12-31", 8_400, 70_000_000, 825), await FiguresOf(connection, id));

        // Written behind the service's back, an entry moved past the baseline date re-derives the baseline too.
        await connection.ExecuteAsync("UPDATE time_history SET effective_from = '2025-01-01' WHERE procedure_id = @Id AND decision_ref = 'B corrected'", new { Id = id });
        Assert.Equal(Figures(78_400, "2025-01-01", 8_400, 70_000_000, 825), await FiguresOf(connection, id));
        await AssertFiguresInStep(connection);

        await connection.ExecuteAsync("DELETE FROM time_history WHERE procedure_id = @Id", new { Id = id });
        await connection.ExecuteAsync("DELETE FROM cost_history WHERE procedure_id = @Id", new { Id = id });
        Assert.Equal(Figures(null, null, null, null, null), await FiguresOf(connection, id));
        await AssertFiguresInStep(connection);

        // Derived rows never keep a procedure from being deleted once its history is gone.
        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM procedures WHERE id = @Id", new { Id = id }));
        Assert.Null(await FiguresOf(connection, id));
    }

    [Fact]
    public async Task MovingAProgramsBaselineDateReDerivesEveryBaseline()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục có mốc mới");
        await using var connection = await database.OpenAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2023, 5, 1), 15m, TimeUnit.WorkingDays, "A"), Now, Cancel);
        await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2025, 6, 1), 10m, TimeUnit.WorkingDays, "B"), Now, Cancel);
        const string Baseline = "SELECT time_baseline_units FROM procedure_figures WHERE program_code = 'resolution-66' AND procedure_id = @Id";
        Assert.Equal(84_000L, await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Baseline, new { Id = id }, transaction, cancellationToken: Cancel)));

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reduction_programs SET baseline_date = '2025-12-31' WHERE code = 'resolution-66'", transaction: transaction, cancellationToken: Cancel));
        Assert.Equal(56_000L, await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Baseline, new { Id = id }, transaction, cancellationToken: Cancel)));
        await AssertFiguresInStep(connection, transaction);
        await transaction.RollbackAsync(Cancel);
    }

    [Fact]
    public async Task EveryDeployDerivesTheFiguresThatAreMissing()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục mất số liệu");
        await using var connection = await database.OpenAsync(Cancel);
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await HistoryQueries.AppendCost(connection, transaction, database.Dialect, id, new CostEntryInput(new DateOnly(2024, 1, 1), 100_000, 0, 2m, 10, "A"), Now, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        await connection.ExecuteAsync("DELETE FROM procedure_figures WHERE procedure_id = @Id", new { Id = id });
        Assert.Null(await FiguresOf(connection, id));

        Targets.Migrator(database).Migrate();
        Assert.Equal(10_000_000L, (await FiguresOf(connection, id))!.CostBaselineMoneyCenti);
        await AssertFiguresInStep(connection);
    }

    /// <summary>
    /// Windows of migration 0010 that differ from what the *_windows_computed views derive from the histories now,
    /// either way, for both measures: none.
    /// </summary>
    private async Task AssertWindowsInStep(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction = null)
    {
        foreach (var (table, columns) in new[] { ("time_windows", "procedure_id, valid_from, valid_to, entry_id, units"), ("cost_windows", "procedure_id, valid_from, valid_to, entry_id, money_centi, hours_hundredths, annual_filings") })
        {
            foreach (var (from, to) in new[] { (table + "_computed", table), (table, table + "_computed") })
            {
                Assert.Equal(0, await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    $"SELECT COUNT(*) FROM (SELECT {columns} FROM {from} EXCEPT SELECT {columns} FROM {to}) d", transaction: transaction, cancellationToken: Cancel)));
            }
        }
    }

    private sealed record WindowRow
    {
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public long? Units { get; init; }
    }

    private async Task<List<WindowRow>> TimeWindowsOf(System.Data.Common.DbConnection connection, long id, System.Data.Common.DbTransaction? transaction = null) =>
        (await connection.QueryAsync<WindowRow>(new CommandDefinition(
            "SELECT valid_from, valid_to, units FROM time_in_force WHERE procedure_id = @Id ORDER BY valid_from", new { Id = id }, transaction, cancellationToken: Cancel))).ToList();

    private static WindowRow Window(string from, string? to, long? units) => new()
    {
        ValidFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        ValidTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        Units = units,
    };

    [Fact]
    public async Task WindowsInForceFollowEveryChangeOfTheHistories()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục có khoảng hiệu lực");
        await using var connection = await database.OpenAsync(Cancel);
        Assert.Empty(await TimeWindowsOf(connection, id));

        long future;
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            future = await AppendTrackedHistories(connection, transaction, database, id);

            // In the transaction of the change: nothing before the first entry, the same-day correction wins (12 h), the future entry from its day.
            Assert.Equal(
                [Window("0001-01-01", "2023-05-01", null), Window("2023-05-01", "2024-12-31", 84_000), Window("2024-12-31", "2027-01-01", 8_400), Window("2027-01-01", null, 28_000)],
                await TimeWindowsOf(connection, id, transaction));
            await AssertWindowsInStep(connection, transaction);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(
            (50_000_000L + 20_000_000L, 825L, 1_200L),
            await connection.QuerySingleAsync<(long, long, long)>(
                "SELECT money_centi, hours_hundredths, annual_filings FROM cost_in_force WHERE procedure_id = @Id AND valid_from <= '2025-06-30' AND (valid_to IS NULL OR valid_to > '2025-06-30')", new { Id = id }));

        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            Assert.Equal(1, await HistoryQueries.RemoveTime(connection, transaction, id, future, Cancel));
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(Window("2024-12-31", null, 8_400), (await TimeWindowsOf(connection, id))[^1]);

        // Written behind the service's back, an entry moved to another day moves its window.
        await connection.ExecuteAsync("UPDATE time_history SET effective_from = '2025-01-01' WHERE procedure_id = @Id AND decision_ref = 'B corrected'", new { Id = id });
        Assert.Equal(
            [Window("0001-01-01", "2023-05-01", null), Window("2023-05-01", "2024-12-31", 84_000), Window("2024-12-31", "2025-01-01", 78_400), Window("2025-01-01", null, 8_400)],
            await TimeWindowsOf(connection, id));
        await AssertWindowsInStep(connection);

        await connection.ExecuteAsync("DELETE FROM time_history WHERE procedure_id = @Id", new { Id = id });
        await connection.ExecuteAsync("DELETE FROM cost_history WHERE procedure_id = @Id", new { Id = id });
        Assert.Empty(await TimeWindowsOf(connection, id));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM cost_windows WHERE procedure_id = @Id", new { Id = id }));
        await AssertWindowsInStep(connection);

        // Derived rows never keep a procedure from being deleted once its history is gone.
        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM procedures WHERE id = @Id", new { Id = id }));
    }

    [Fact]
    public async Task EveryDeployDerivesTheWindowsThatAreMissing()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục mất khoảng hiệu lực");
        await using var connection = await database.OpenAsync(Cancel);
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2024, 1, 1), 10m, TimeUnit.CalendarDays, "A"), Now, Cancel);
            await HistoryQueries.AppendCost(connection, transaction, database.Dialect, id, new CostEntryInput(new DateOnly(2024, 1, 1), 100_000, 0, 2m, 10, "A"), Now, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        await connection.ExecuteAsync("DELETE FROM time_windows WHERE procedure_id = @Id", new { Id = id });
        await connection.ExecuteAsync("DELETE FROM cost_windows WHERE procedure_id = @Id", new { Id = id });
        Assert.Empty(await TimeWindowsOf(connection, id));

        Targets.Migrator(database).Migrate();
        Assert.Equal([Window("0001-01-01", "2024-01-01", null), Window("2024-01-01", null, 40_000)], await TimeWindowsOf(connection, id));
        await AssertWindowsInStep(connection);
    }

    [Fact]
    public async Task TheReductionViewsGiveTheFiguresOfTheRulesOnAGeneratedCatalogue()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        await new ProcedureCatalog.Api.Generator.CatalogGenerator(database, Targets.Migrator(database),
            Microsoft.Extensions.Options.Options.Create(new ProcedureCatalog.Api.Generator.GeneratorOptions { Procedures = 300, Seed = 13 })).GenerateAsync(TextWriter.Null, Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        foreach (var asOf in new[] { new DateOnly(2024, 6, 30), new DateOnly(2024, 12, 31), new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 11, 22) })
        {
            var views = (await connection.QueryAsync<ReductionRules.Figures>(ReductionRules.FromViews, new { AsOf = asOf })).ToList();
            Assert.Equal(300, views.Count);
            Assert.Equal(await ReductionRules.Computed(connection, asOf), views);
        }
    }

    [Fact]
    public async Task TheRegimeCoverageViewGivesTheShareOfEveryDateFromTheElectronicHistoriesAndAbolitions()
    {
        var database = Ready();
        await using var connection = await database.OpenAsync(Cancel);
        var regimes = new Dictionary<string, long>();
        long laterEntry = 0;
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await JurisdictionQueries.Insert(connection, transaction, new JurisdictionCreate("37", "Tỉnh chế độ báo cáo", JurisdictionLevel.Province), Now, Cancel);
            var agency = await AgencyQueries.Insert(connection, transaction, database.Dialect, new AgencyCreate("37", "Sở Nội vụ tỉnh chế độ báo cáo"), Now, Cancel);
            var recorded = Now;
            async Task<long> Regime(string name, DateOnly? abolishedOn, params (string From, bool Electronic)[] entries)
            {
                var description = new ProcedureCatalog.Api.ReportingRegimes.RegimeDescription(name, "Nghị định 145/2020/NĐ-CP", agency,
                    ProcedureCatalog.Api.ReportingRegimes.ReportingFrequency.Yearly, abolishedOn is null ? ProcedureStatus.Active : ProcedureStatus.Abolished, abolishedOn);
                var id = await ProcedureCatalog.Api.ReportingRegimes.RegimeQueries.Insert(connection, transaction, database.Dialect, "37", description, Now, Cancel);
                foreach (var (from, electronic) in entries)
                {
                    recorded = recorded.AddSeconds(1);
                    laterEntry = await ProcedureCatalog.Api.ReportingRegimes.RegimeQueries.AppendEntry(connection, transaction, database.Dialect, id, electronic,
                        DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), "QĐ", recorded, "tests", Cancel);
                }

                regimes[name] = id;
                return id;
            }

            await Regime("R1", null, ("2025-03-01", false), ("2025-09-01", true));
            await Regime("R2", new DateOnly(2026, 2, 1), ("2024-06-01", true));
            await Regime("R3", null);
            await Regime("R5", new DateOnly(2025, 1, 1), ("2024-01-01", true));
            // The same day twice: the one recorded last (true) is in force.
            await Regime("R4", null, ("2026-01-01", false), ("2026-01-01", true), ("2026-06-01", false));
            await transaction.CommitAsync(Cancel);
        }

        async Task<(long Numerator, long Denominator, long? Hundredths, long Rows)> On(string asOf)
        {
            var date = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
            var row = (await CoverageQueries.Coverage(connection, "37", new ReportDates("resolution-66", 2024, date, 2026), Cancel))
                .Single(coverage => coverage.Indicator == "business-reporting-electronic");
            var rows = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM reporting_regime_coverage WHERE jurisdiction_code = '37' AND program_code = 'resolution-66' AND year = 2026 "
                + "AND valid_from <= @AsOf AND (valid_to IS NULL OR valid_to > @AsOf)", new { AsOf = date });
            return (row.Numerator, row.Denominator, row.ValueHundredths, rows);
        }

        // Each regime has one row holding each date (5); active: not abolished on or before the date; electronic: the entry in force.
        Assert.Equal((2L, 5L, (long?)4000, 5L), await On("2024-12-31"));
        Assert.Equal((1L, 4L, (long?)2500, 5L), await On("2025-01-01"));
        Assert.Equal((2L, 4L, (long?)5000, 5L), await On("2025-09-01"));
        Assert.Equal((3L, 4L, (long?)7500, 5L), await On("2026-01-01"));
        Assert.Equal((2L, 3L, (long?)6667, 5L), await On("2026-02-01"));
        Assert.Equal((1L, 3L, (long?)3333, 5L), await On("2026-06-01"));

        // An entry removed by mistake, or moved behind the service's back, moves the windows in the same transaction.
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            Assert.Equal(1, await ProcedureCatalog.Api.ReportingRegimes.RegimeQueries.RemoveEntry(connection, transaction, regimes["R4"], laterEntry, Cancel));
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal((2L, 3L, (long?)6667, 5L), await On("2026-06-01"));
        await connection.ExecuteAsync("UPDATE reporting_regime_electronic SET effective_from = '2026-03-01' WHERE regime_id = @Id AND electronic = 1", new { Id = regimes["R1"] });
        Assert.Equal((1L, 4L, (long?)2500, 5L), await On("2025-09-01"));

        // Every deploy derives the windows that are missing.
        await connection.ExecuteAsync("DELETE FROM reporting_regime_windows WHERE regime_id IN @Ids", new { Ids = new[] { regimes["R2"], regimes["R3"] } });
        Assert.Equal((0L, 2L, (long?)0, 3L), await On("2025-09-01"));
        Targets.Migrator(database).Migrate();
        Assert.Equal((1L, 4L, (long?)2500, 5L), await On("2025-09-01"));
    }

    [Fact]
    public async Task TheCommittedPositionFollowsTheFeedAndWaitsForAChangeStillOpen()
    {
        var database = Ready();
        await using var reader = await database.OpenAsync(Cancel);
        var before = await ProcedureCatalog.Api.Caching.FeedPosition.Read(reader, database.Dialect, Cancel);
        await RecordChange(database);
        var after = await ProcedureCatalog.Api.Caching.FeedPosition.Read(reader, database.Dialect, Cancel);

        Assert.True(after > before, $"the position went from {before} to {after}");
        Assert.Equal(await ProcedureCatalog.Api.Changes.ChangeQueries.Latest(reader, database.Dialect, Cancel), after);
        if (database.Provider != DatabaseProvider.SqlServer)
        {
            return; // SQLite has one writer at a time: a change cannot commit while an earlier one is open.
        }

        // A change numbered first but still open holds the position back, as it holds back the feed, even after a later one commits.
        await using var open = await database.OpenAsync(Cancel);
        await using var transaction = await open.BeginTransactionAsync(Cancel);
        await ProcedureCatalog.Api.Changes.ChangeLog.Record(open, transaction, new ProcedureCatalog.Api.Changes.ChangeEntry("field", "1", "updated"),
            ProcedureCatalog.Api.Access.Actor.Service, Now, Cancel);
        await RecordChange(database);
        Assert.Equal(after, await ProcedureCatalog.Api.Caching.FeedPosition.Read(reader, database.Dialect, Cancel));

        await transaction.CommitAsync(Cancel);
        Assert.Equal(await ProcedureCatalog.Api.Changes.ChangeQueries.Latest(reader, database.Dialect, Cancel),
            await ProcedureCatalog.Api.Caching.FeedPosition.Read(reader, database.Dialect, Cancel));
    }

    private async Task RecordChange(CatalogDatabase database)
    {
        await using var connection = await database.OpenAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await ProcedureCatalog.Api.Changes.ChangeLog.Record(connection, transaction, new ProcedureCatalog.Api.Changes.ChangeEntry("field", "1", "updated"),
            ProcedureCatalog.Api.Access.Actor.Service, Now, Cancel);
        await transaction.CommitAsync(Cancel);
    }

    [Theory]
    [InlineData("2025-06-30")]
    [InlineData("2025-12-31")]
    public async Task TheLocalAgainstNationalReportGivesTheHandComputedRowsOfTheSample(string asOf)
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await Sample(database).SeedIfEmptyAsync(Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        var rows = await LocalVsNationalQueries.Rows(connection, "92", DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), Cancel);

        // 92/1.009645 (A of the worked example): fee 300,000 đ from 2025-03-01 against the national 0; time 10 against 15 working days.
        // 92/2.000355: 15 working days from 2025-03-01 against the national 20, cut to 10 from 2025-07-01; fee 700,000 đ on both sides.
        // Not implemented by 92: the national 1.001612 and 2.001922 (performed by the provinces, implemented by 11, 20 only).
        var exceeding = new List<(string, string?, long?, long?, long?, long?, long?, long?)>
        {
            ("exceeds", "1.009645", 56_000L, 84_000L, 0L, 30_000_000L, 0L, 1L),
        };
        if (asOf == "2025-12-31")
        {
            exceeding.Add(("exceeds", "2.000355", 84_000L, 56_000L, 1L, 70_000_000L, 70_000_000L, 0L));
        }

        Assert.Equal(
            [.. exceeding, ("not-implemented", null, null, null, null, null, null, null), ("not-implemented", null, null, null, null, null, null, null)],
            rows.Select(row => (row.Finding, row.LocalCode, row.LocalTimeUnits, row.NationalTimeUnits, row.TimeExceeds, row.LocalFeeCenti, row.NationalFeeCenti, row.FeeExceeds)).ToList());
        Assert.Equal(["1.009645", .. asOf == "2025-12-31" ? new[] { "2.000355" } : [], "1.001612", "2.001922"], rows.Select(row => row.NationalCode).ToArray());
        Assert.All(rows, row => Assert.Equal("VN", row.NationalJurisdiction));
    }

    [Fact]
    public async Task OneChannelsReductionsFollowItsOwnHistoryWithTheRulesOfTheReductions()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await Sample(database).SeedIfEmptyAsync(Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        var online = new ReportDates("resolution-66", 2024, new DateOnly(2025, 12, 31), 2025) { Channel = ProcedureCatalog.Api.Channels.FilingChannel.Online };
        var scope = new ProcedureFilter { Jurisdiction = "92", Kind = ProcedureKind.External, BusinessRelated = true };

        // A of the worked example online: 15 → 8 working days (46.67 %), fee 400,000 → 200,000 đ (50 %); of its agency's three
        // procedures only A is offered online. 2.000355 online: 20 → 12 working days (40 %), fee 700,000 đ both dates (0 %).
        var groups = await GroupReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.Agency, scope, online, Cancel);
        var agency = groups.Single(group => group.GroupName == "Sở Tài chính thành phố Cần Thơ");
        Assert.Equal((1L, 84_000L, 44_800L, 4667L, 40_000_000L, 20_000_000L, 5000L), (agency.Procedures, agency.TimeBaselineUnits!.Value, agency.TimeCurrentUnits!.Value,
            agency.TimeReductionHundredths!.Value, agency.CostBaselineCenti!.Value, agency.CostCurrentCenti!.Value, agency.CostReductionHundredths!.Value));
        var health = groups.Single(group => group.GroupName == "Sở Y tế thành phố Cần Thơ");
        Assert.Equal((1L, 4000L, 0L), (health.Procedures, health.TimeReductionHundredths!.Value, health.CostReductionHundredths!.Value));

        var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM procedures WHERE jurisdiction_code = '92' AND code = '1.009645'");
        var one = (await ProcedureReductionQueries.ForProcedure(connection, database.Dialect, id, online with { AsOf = new DateOnly(2026, 11, 22), Year = 2026 }, Cancel))!;
        Assert.Equal((84_000L, 28_000L, 6667L, 5000L, (long?)null), (one.TimeBaselineUnits!.Value, one.TimeCurrentUnits!.Value, one.TimeReductionHundredths!.Value,
            one.CostReductionHundredths!.Value, one.HourlyTariffVnd));

        // Abolished, its burden is gone from that day on: C = 0 for the channel as for the procedure.
        await connection.ExecuteAsync("UPDATE procedures SET status = 'abolished', abolished_on = '2025-10-01' WHERE id = @Id", new { Id = id });
        var abolished = (await ProcedureReductionQueries.ForProcedure(connection, database.Dialect, id, online, Cancel))!;
        Assert.Equal((0L, 10_000L, 1L, 10_000L), (abolished.TimeCurrentUnits!.Value, abolished.TimeReductionHundredths!.Value, abolished.TimeAbolished, abolished.CostReductionHundredths!.Value));
        var (laggards, _) = await LaggardQueries.Laggards(connection, database.Dialect, ReductionMeasure.Cost, scope, online, 1, 100, Cancel);
        Assert.Equal(["2.000355"], laggards.Select(laggard => laggard.Code).ToArray());
    }

    private static ProcedureCatalog.Api.SampleData.SampleCatalogue Sample(CatalogDatabase database)
    {
        var json = new Microsoft.AspNetCore.Http.Json.JsonOptions();
        CatalogSetup.Configure(json.SerializerOptions);
        json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
        json.SerializerOptions.PropertyNameCaseInsensitive = true;
        return new(database, Microsoft.Extensions.Options.Options.Create(json), new CatalogClock(TimeProvider.System),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ProcedureCatalog.Api.SampleData.SampleCatalogue>.Instance);
    }

    /// <summary>A procedure with everything set, under jurisdiction 11, with a code unique to this run.</summary>
    private async Task<(long Id, string Code)> NewProcedure(CatalogDatabase database, string name)
    {
        await using var connection = await database.OpenAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        if (await JurisdictionQueries.Find(connection, "11", Cancel, transaction) is null)
        {
            await JurisdictionQueries.Insert(connection, transaction, new JurisdictionCreate("11", "Tỉnh Điện Biên", JurisdictionLevel.Province), Now, Cancel);
            await FieldQueries.Insert(connection, transaction, database.Dialect, new FieldInput("Xây dựng"), Now, Cancel);
            await AgencyQueries.Insert(connection, transaction, database.Dialect, new AgencyCreate("11", "Sở Xây dựng tỉnh Điện Biên"), Now, Cancel);
        }

        var fieldId = (await FieldQueries.IdOfName(connection, transaction, "Xây dựng", Cancel))!.Value;
        var agencyId = (await AgencyQueries.IdOfName(connection, transaction, "11", "Sở Xây dựng tỉnh Điện Biên", Cancel))!.Value;
        var code = $"9.{Interlocked.Increment(ref codes):D6}.{typeof(TTarget).Name[..3]}";
        var outcome = await ProcedureWrites.Create(connection, transaction, database.Dialect, new ProcedureCreate(
            "11", code, name, ProcedureLevel.Commune, ProcedureKind.InternalWithinAgency, true, OnlineLevel.Full, true, false,
            fieldId, agencyId, new DateOnly(2025, 6, 15),
            [new LegalBasisEntry("50/2014/QH13", "Luật Xây dựng", new DateOnly(2014, 6, 18), "Quốc hội")],
            [new DocumentInput("Đơn đề nghị cấp giấy phép", "Mẫu số 01", 1, 2, null, true, "CSDL đất đai")]), Now, Cancel);
        var id = Assert.IsType<ProcedureOutcome.Created>(outcome).Id;
        await transaction.CommitAsync(Cancel);
        return (id, code);
    }
}
