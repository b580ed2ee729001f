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
        var (rows, total) = await ProcedureQueries.List(connection, database.Dialect, filter, [("code", true)], 1, 10, ProcedureQueries.Latest, Cancel);
        Assert.Equal((1L, first), (total, Assert.Single(rows).Id));

        var (byCode, _) = await ProcedureQueries.List(connection, database.Dialect, new ProcedureFilter { SearchTerms = [code] }, [("name", false)], 1, 5, ProcedureQueries.Latest, Cancel);
        Assert.Equal(first, Assert.Single(byCode).Id);
        var (secondPage, all) = await ProcedureQueries.List(connection, database.Dialect, new ProcedureFilter { Jurisdiction = "11" }, [("code", false)], 2, 1, ProcedureQueries.Latest, Cancel);
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
        var (rows, total) = await ProcedureQueries.List(connection, database.Dialect, new ProcedureFilter { SearchTerms = terms }, [("code", false)], 1, 100, ProcedureQueries.Latest, Cancel);
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
    /// The derived rows of migrations 0012 and 0018 as stored against what the refresh derives from the histories now: every
    /// procedure's windows, its documents' windows, its baselines and its reduction rows derived again and compared row by row, so that a
    /// stale, missing or extra row shows.
    /// </summary>
    private async Task AssertDerivedInStep(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction = null)
    {
        var stored = await Derived(connection, transaction);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO procedure_windows_refresh (procedure_id) SELECT id FROM procedures", transaction: transaction, cancellationToken: Cancel));
        Assert.Equal(stored, await Derived(connection, transaction));
    }

    private async Task<List<string>> Derived(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction)
    {
        var rows = new List<string>();
        foreach (var query in new[]
        {
            "SELECT * FROM procedure_windows ORDER BY procedure_id, valid_from",
            "SELECT * FROM document_windows ORDER BY document_id, valid_from",
            "SELECT * FROM procedure_baselines ORDER BY procedure_id, program_code",
            "SELECT * FROM reduction_windows ORDER BY program_code, procedure_id, valid_from",
        })
        {
            foreach (IDictionary<string, object?> row in await connection.QueryAsync(new CommandDefinition(query, transaction: transaction, cancellationToken: Cancel)))
            {
                rows.Add(string.Join("|", row.Select(column => $"{column.Key}={Convert.ToString(column.Value, System.Globalization.CultureInfo.InvariantCulture)}")));
            }
        }

        return rows;
    }

    private sealed record BaselineRow
    {
        public long? HourlyTariffVnd { get; init; }
        public long? TimeUnits { get; init; }
        public long? CostCenti { get; init; }
        public long? AnnualFilings { get; init; }
    }

    private async Task<BaselineRow?> BaselineOf(System.Data.Common.DbConnection connection, long id, System.Data.Common.DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<BaselineRow>(new CommandDefinition(
            "SELECT hourly_tariff_vnd, time_units, cost_centi, annual_filings FROM procedure_baselines WHERE program_code = 'resolution-66' AND procedure_id = @Id",
            new { Id = id }, transaction, cancellationToken: Cancel));

    private static BaselineRow Baseline(long? tariff, long? time, long? cost, long? filings) =>
        new() { HourlyTariffVnd = tariff, TimeUnits = time, CostCenti = cost, AnnualFilings = filings };

    /// <summary>The time in force on each date (1/5600 working day), from the one window of the procedure that holds it.</summary>
    private async Task<long?[]> TimeUnitsOn(System.Data.Common.DbConnection connection, long id, string[] dates, System.Data.Common.DbTransaction? transaction = null)
    {
        var units = new List<long?>();
        foreach (var date in dates)
        {
            var holding = (await connection.QueryAsync<long?>(new CommandDefinition(
                "SELECT units FROM time_in_force WHERE procedure_id = @Id AND valid_from <= @On AND (valid_to IS NULL OR valid_to > @On)",
                new { Id = id, On = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) }, transaction, cancellationToken: Cancel))).ToList();
            units.Add(Assert.Single(holding));
        }

        return [.. units];
    }

    private static readonly string[] TrackedDates = ["2023-04-30", "2023-05-01", "2024-12-30", "2024-12-31", "2026-12-31", "2027-01-01", "2030-01-01"];

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
    public async Task WindowsAndBaselinesFollowEveryChangeOfTheHistories()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục có khoảng hiệu lực");
        await using var connection = await database.OpenAsync(Cancel);

        // A procedure has a window for every date from its creation, with nothing in force yet.
        Assert.Equal(new long?[TrackedDates.Length], await TimeUnitsOn(connection, id, TrackedDates));
        Assert.Equal(Baseline(null, null, null, null), await BaselineOf(connection, id));

        long future;
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            future = await AppendTrackedHistories(connection, transaction, database, id);

            // In the transaction of the change: nothing before the first entry, the same-day correction wins (12 h), the future entry from its day.
            Assert.Equal([null, 84_000, 84_000, 8_400, 8_400, 28_000, 28_000], await TimeUnitsOn(connection, id, TrackedDates, transaction));
            Assert.Equal(Baseline(null, 8_400, null, 1_200), await BaselineOf(connection, id, transaction));
            await AssertDerivedInStep(connection, transaction);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(
            (50_000_000L + 20_000_000L, 825L, 1_200L),
            await connection.QuerySingleAsync<(long, long, long)>(
                "SELECT money_centi, hours_hundredths, annual_filings FROM cost_in_force WHERE procedure_id = @Id AND valid_from <= '2025-06-30' AND (valid_to IS NULL OR valid_to > '2025-06-30')", new { Id = id }));

        // A tariff of the baseline year prices the baseline cost; taken away, the cost has none again.
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO hourly_tariffs (jurisdiction_code, year, hourly_tariff_vnd, created_at, updated_at, version) VALUES ('11', 2024, 40000, @Now, @Now, 1)",
                new { Now }, transaction, cancellationToken: Cancel));
            Assert.Equal(Baseline(40_000, 8_400, 70_000_000 + 825 * 40_000, 1_200), await BaselineOf(connection, id, transaction));
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM hourly_tariffs WHERE jurisdiction_code = '11'", transaction: transaction, cancellationToken: Cancel));
            Assert.Equal(Baseline(null, 8_400, null, 1_200), await BaselineOf(connection, id, transaction));
            await transaction.RollbackAsync(Cancel);
        }

        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            Assert.Equal(1, await HistoryQueries.RemoveTime(connection, transaction, id, future, Cancel));
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal([null, 84_000, 84_000, 8_400, 8_400, 8_400, 8_400], await TimeUnitsOn(connection, id, TrackedDates));

        // Written behind the service's back, an entry moved past the baseline date moves its window and the baseline.
        await connection.ExecuteAsync("UPDATE time_history SET effective_from = '2025-01-01' WHERE procedure_id = @Id AND decision_ref = 'B corrected'", new { Id = id });
        Assert.Equal([null, 84_000, 84_000, 78_400, 8_400, 8_400, 8_400], await TimeUnitsOn(connection, id, TrackedDates));
        Assert.Equal(78_400, (await BaselineOf(connection, id))!.TimeUnits);
        await AssertDerivedInStep(connection);

        // Abolished on or before the baseline date: no baseline; abolished later: nothing in force from that day on for the reductions.
        await connection.ExecuteAsync("UPDATE procedures SET status = 'abolished', abolished_on = '2024-06-01' WHERE id = @Id", new { Id = id });
        Assert.Equal(Baseline(null, null, null, null), await BaselineOf(connection, id));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT is_abolished FROM procedure_windows WHERE procedure_id = @Id AND valid_from <= '2024-06-01' AND (valid_to IS NULL OR valid_to > '2024-06-01')", new { Id = id }));
        await connection.ExecuteAsync("UPDATE procedures SET status = 'active', abolished_on = NULL WHERE id = @Id", new { Id = id });
        Assert.Equal(78_400, (await BaselineOf(connection, id))!.TimeUnits);

        await connection.ExecuteAsync("DELETE FROM time_history WHERE procedure_id = @Id", new { Id = id });
        await connection.ExecuteAsync("DELETE FROM cost_history WHERE procedure_id = @Id", new { Id = id });
        Assert.Equal(new long?[TrackedDates.Length], await TimeUnitsOn(connection, id, TrackedDates));
        Assert.Equal(Baseline(null, null, null, null), await BaselineOf(connection, id));
        await AssertDerivedInStep(connection);

        // Derived rows never keep a procedure from being deleted once its history is gone, and go with it.
        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM procedures WHERE id = @Id", new { Id = id }));
        Assert.Null(await BaselineOf(connection, id));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM procedure_windows WHERE procedure_id = @Id", new { Id = id }));
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
        Assert.Equal(84_000L, (await BaselineOf(connection, id, transaction))!.TimeUnits);

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reduction_programs SET baseline_date = '2025-12-31' WHERE code = 'resolution-66'", transaction: transaction, cancellationToken: Cancel));
        Assert.Equal(56_000L, (await BaselineOf(connection, id, transaction))!.TimeUnits);
        await AssertDerivedInStep(connection, transaction);
        await transaction.RollbackAsync(Cancel);
    }

    [Fact]
    public async Task EveryDeployDerivesTheRowsThatAreMissing()
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

        await connection.ExecuteAsync("DELETE FROM procedure_windows WHERE procedure_id = @Id", new { Id = id });
        await connection.ExecuteAsync("DELETE FROM procedure_baselines WHERE procedure_id = @Id", new { Id = id });
        Assert.Null(await BaselineOf(connection, id));

        Targets.Migrator(database).Migrate();
        Assert.Equal([null, 40_000], await TimeUnitsOn(connection, id, ["2023-12-31", "2024-01-01"]));
        Assert.Equal(Baseline(null, 40_000, null, 10), await BaselineOf(connection, id));
        await AssertDerivedInStep(connection);

        // Windows derived before migration 0017 carry the online level and boundary-free flag without the entries that give them.
        var entries = await connection.QuerySingleAsync<(long Online, long Boundary)>(AttributeEntriesOfTheLastWindow, new { Id = id });
        Assert.Equal(
            await connection.QuerySingleAsync<(long, long)>(
                "SELECT MAX(CASE WHEN attribute = 'online-level' THEN id END), MAX(CASE WHEN attribute = 'boundary-free' THEN id END) FROM attribute_history WHERE procedure_id = @Id",
                new { Id = id }),
            entries);
        await connection.ExecuteAsync("UPDATE procedure_windows SET online_level_entry_id = NULL, boundary_free_entry_id = NULL WHERE procedure_id = @Id", new { Id = id });
        Targets.Migrator(database).Migrate();
        Assert.Equal(entries, await connection.QuerySingleAsync<(long, long)>(AttributeEntriesOfTheLastWindow, new { Id = id }));
    }

    private const string AttributeEntriesOfTheLastWindow =
        "SELECT online_level_entry_id, boundary_free_entry_id FROM procedure_windows WHERE procedure_id = @Id AND valid_to IS NULL";

    /// <summary>
    /// Migration 0017 adds the windows' attribute entries empty: the deploy that follows derives again every procedure whose
    /// windows carry a value without its entry, and every window of the sample comes out as a fresh derivation gives it, each
    /// naming the entry of its own value.
    /// </summary>
    [Fact]
    public async Task WindowsDerivedBeforeTheirAttributeEntriesExistedGetThemOnTheNextDeploy()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await Sample(database).SeedIfEmptyAsync(Cancel);
        await using var connection = await database.OpenAsync(Cancel);
        const string EntriesOfOtherValues =
            """
            SELECT COUNT(*) FROM procedure_windows w
            LEFT JOIN attribute_history o ON o.id = w.online_level_entry_id
            LEFT JOIN attribute_history b ON b.id = w.boundary_free_entry_id
            WHERE o.id IS NULL OR o.attribute <> 'online-level' OR o.procedure_id <> w.procedure_id OR o.value <> w.online_level
               OR b.id IS NULL OR b.attribute <> 'boundary-free' OR b.procedure_id <> w.procedure_id OR b.value <> CASE WHEN w.boundary_free = 1 THEN 'true' ELSE 'false' END
            """;
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(EntriesOfOtherValues));
        var derived = await Derived(connection, null);

        await connection.ExecuteAsync("UPDATE procedure_windows SET online_level_entry_id = NULL, boundary_free_entry_id = NULL");
        Targets.Migrator(database).Migrate();
        Assert.Equal(derived, await Derived(connection, null));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(EntriesOfOtherValues));
    }

    [Fact]
    public async Task EveryDeployDerivesTheReductionRowsOfProceduresThatHaveNone()
    {
        var database = Ready();
        var (id, _) = await NewProcedure(database, "Thủ tục chưa có dòng cắt giảm");
        await using var connection = await database.OpenAsync(Cancel);
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2024, 1, 1), 10m, TimeUnit.CalendarDays, "A"), Now, Cancel);
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, id, new TimeEntryInput(new DateOnly(2025, 3, 1), 5m, TimeUnit.CalendarDays, "B"), Now, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        const string Reduction = "SELECT time_reduction_hundredths FROM procedure_reductions WHERE program_code = 'resolution-66' AND id = @Id AND valid_from <= @AsOf AND (valid_to IS NULL OR valid_to > @AsOf)";
        Assert.Equal(5_000L, await connection.ExecuteScalarAsync<long?>(Reduction, new { Id = id, AsOf = "2025-12-31" }));

        // As a catalogue made before migration 0018 has them: windows and baselines, no reduction rows.
        await connection.ExecuteAsync("DELETE FROM reduction_windows");
        Assert.Null(await connection.ExecuteScalarAsync<long?>(Reduction, new { Id = id, AsOf = "2025-12-31" }));

        Targets.Migrator(database).Migrate();
        Assert.Equal(5_000L, await connection.ExecuteScalarAsync<long?>(Reduction, new { Id = id, AsOf = "2025-12-31" }));
        await AssertDerivedInStep(connection);
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

    /// <summary>
    /// The scoreboard of jurisdiction 38 on a date, as the endpoint reads it: the time reduction of the target scope (ΣB − ΣC
    /// and ΣB in 1/5600 working day, the reduction in hundredths) and every coverage indicator of the year.
    /// </summary>
    private async Task<List<(string Indicator, long Numerator, long Denominator, long? Hundredths)>> Board(
        System.Data.Common.DbConnection connection, CatalogDatabase database, int year, string asOf)
    {
        var dates = new ReportDates("resolution-66", 2024, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), year);
        var scope = new ProcedureFilter { Jurisdiction = "38", Kind = ProcedureKind.External, BusinessRelated = true };
        var group = Assert.Single(await GroupReductionQueries.Groups(connection, database.Dialect, ReductionGroupBy.None, scope, dates, Cancel));
        var board = new List<(string, long, long, long?)> { ("time-reduction", group.TimeBaselineUnits!.Value - group.TimeCurrentUnits!.Value, group.TimeBaselineUnits.Value, group.TimeReductionHundredths) };
        board.AddRange((await CoverageQueries.Coverage(connection, "38", dates, Cancel)).Select(row => (row.Indicator, row.Numerator, row.Denominator, row.ValueHundredths)));
        return board;
    }

    /// <summary>
    /// Five procedures of jurisdiction 38 whose attributes, documents' marks, reviews, times and abolition change over 2025
    /// and 2026, and the scoreboard on six dates held to figures worked out by hand from those changes (working days × 5600).
    /// The board of 2025-07-01, read before the later changes are recorded, reads the same after them.
    /// </summary>
    [Fact]
    public async Task TheScoreboardOnSixDatesCountsWhatIsInForceOnEachAndAPastBoardStaysAsItWas()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await using var connection = await database.OpenAsync(Cancel);
        var recorder = ProcedureCatalog.Api.Attributes.Recorder.At(Now, ProcedureCatalog.Api.Access.Actor.Service);
        var ids = new Dictionary<string, long>();
        long secondDocument;
        async Task Change(System.Data.Common.DbTransaction transaction, string procedure, string from, ProcedureCatalog.Api.Attributes.DatedAttribute attribute, string value) =>
            await ProcedureCatalog.Api.Attributes.AttributeQueries.Record(connection, transaction, database.Dialect, ids[procedure], [(attribute, value)],
                DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), "D/" + from, recorder, Cancel);
        async Task Time(System.Data.Common.DbTransaction transaction, string procedure, string from, decimal days) =>
            await HistoryQueries.AppendTime(connection, transaction, database.Dialect, ids[procedure],
                new TimeEntryInput(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days, TimeUnit.WorkingDays, "T/" + from), Now, Cancel);
        async Task Review(System.Data.Common.DbTransaction transaction, string procedure, string on) =>
            await ProcedureCatalog.Api.Attributes.AttributeQueries.AddReview(connection, transaction, database.Dialect, ids[procedure],
                DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), "R/" + on, null, recorder, Cancel);

        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await JurisdictionQueries.Insert(connection, transaction, new JurisdictionCreate("38", "Tỉnh Thanh Hóa", JurisdictionLevel.Province), Now, Cancel);
            var field = await FieldQueries.Insert(connection, transaction, database.Dialect, new FieldInput("Kế hoạch và Đầu tư"), Now, Cancel);
            var agency = await AgencyQueries.Insert(connection, transaction, database.Dialect, new AgencyCreate("38", "Sở Tài chính tỉnh Thanh Hóa"), Now, Cancel);
            async Task Create(string name, ProcedureKind kind, bool business, OnlineLevel online, bool eligible, bool boundary, DateOnly? reviewed, params (string Name, bool Once)[] documents)
            {
                var outcome = await ProcedureWrites.Create(connection, transaction, database.Dialect, new ProcedureCreate(
                    "38", $"1.00038{ids.Count + 1}", name, ProcedureLevel.Province, kind, business, online, eligible, boundary, field, agency, reviewed, [],
                    documents.Select(document => new DocumentInput(document.Name, null, 1, 0, null, document.Once, null)).ToList()), recorder, Cancel);
                ids[name] = Assert.IsType<ProcedureOutcome.Created>(outcome).Id;
            }

            // From the beginning: P1 and P2 external business, P3 external, P4 and P5 internal; 10 and 20 working days for P1 and P2.
            await Create("P1", ProcedureKind.External, true, OnlineLevel.Partial, false, false, null, ("Đơn đề nghị", true), ("Bản sao điều lệ", false));
            await Create("P2", ProcedureKind.External, true, OnlineLevel.None, true, true, null, ("Tờ khai", false));
            await Create("P3", ProcedureKind.External, false, OnlineLevel.Partial, true, false, null);
            await Create("P4", ProcedureKind.InternalWithinAgency, false, OnlineLevel.None, false, true, new DateOnly(2024, 11, 1));
            await Create("P5", ProcedureKind.InternalBetweenAgencies, false, OnlineLevel.Partial, true, true, null);
            await Time(transaction, "P1", "2024-01-01", 10);
            await Time(transaction, "P2", "2024-01-01", 20);
            secondDocument = Assert.Single(await DocumentQueries.List(connection, ids["P2"], Cancel, transaction)).Id;

            // Until 2025-07-01: P2 online in part, P1 boundary-free, P1 cut to 7 days.
            await Change(transaction, "P2", "2025-03-01", ProcedureCatalog.Api.Attributes.DatedAttribute.OnlineLevel, "partial");
            await Change(transaction, "P1", "2025-06-01", ProcedureCatalog.Api.Attributes.DatedAttribute.BoundaryFree, "true");
            await Time(transaction, "P1", "2025-07-01", 7);
            await transaction.CommitAsync(Cancel);
        }

        var july = await Board(connection, database, 2025, "2025-07-01");
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            // After it: a review of P4, P3 business-related, P1 fully online and eligible, P2's document provided once, P4 set by technical
            // regulations and reviewed, P5 fully online, P2 cut to 10 days, P3 abolished.
            await Review(transaction, "P4", "2025-09-15");
            await Change(transaction, "P3", "2025-10-01", ProcedureCatalog.Api.Attributes.DatedAttribute.BusinessRelated, "true");
            await Change(transaction, "P1", "2026-01-10", ProcedureCatalog.Api.Attributes.DatedAttribute.OnlineLevel, "full");
            await Change(transaction, "P1", "2026-01-10", ProcedureCatalog.Api.Attributes.DatedAttribute.FullOnlineEligible, "true");
            await ProcedureCatalog.Api.Attributes.AttributeQueries.RecordProvidedOnce(connection, transaction, database.Dialect, ids["P2"], secondDocument, true,
                new DateOnly(2026, 2, 1), "12/2025/NĐ-CP", recorder, Cancel);
            await Change(transaction, "P4", "2026-01-01", ProcedureCatalog.Api.Attributes.DatedAttribute.TechnicalRegulation, "true");
            await Review(transaction, "P4", "2026-06-01");
            await Change(transaction, "P5", "2026-05-01", ProcedureCatalog.Api.Attributes.DatedAttribute.OnlineLevel, "full");
            await Time(transaction, "P2", "2026-03-01", 10);
            await ProcedureQueries.ChangeStatus(connection, transaction, ids["P3"], 1, ProcedureStatus.Abolished, new DateOnly(2026, 9, 1), Now, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(july, await Board(connection, database, 2025, "2025-07-01"));

        // 2025: ΣB = 30 days; boundary-free over P1-P3, business-online over the external business ones, internal-reviewed over P4 and P5.
        Assert.Equal(
            [("time-reduction", 0, 168_000, 0), ("boundary-free", 1, 3, 3333), ("business-online", 1, 2, 5000), ("internal-reviewed", 0, 2, 0)],
            await Board(connection, database, 2025, "2025-02-01"));
        Assert.Equal(
            [("time-reduction", 16_800, 168_000, 1000), ("boundary-free", 2, 3, 6667), ("business-online", 2, 2, 10000), ("internal-reviewed", 0, 2, 0)],
            july);
        Assert.Equal(
            [("time-reduction", 16_800, 168_000, 1000), ("boundary-free", 2, 3, 6667), ("business-online", 3, 3, 10000), ("internal-reviewed", 1, 2, 5000)],
            await Board(connection, database, 2025, "2025-12-31"));

        // 2026: no reporting regime of 38 (no share), P2's document counts provided once from 2026-02-01, P3 leaves the eligible ones when abolished.
        Assert.Equal(
            [("time-reduction", 16_800, 168_000, 1000), ("business-reporting-electronic", 0, 0, null), ("documents-provided-once", 2, 3, 6667),
             ("full-online-of-eligible", 1, 4, 2500), ("internal-electronic", 0, 2, 0), ("technical-regulation-reviewed", 0, 1, 0)],
            await Board(connection, database, 2026, "2026-02-15"));
        Assert.Equal(
            [("time-reduction", 72_800, 168_000, 4333), ("business-reporting-electronic", 0, 0, null), ("documents-provided-once", 2, 3, 6667),
             ("full-online-of-eligible", 2, 4, 5000), ("internal-electronic", 1, 2, 5000), ("technical-regulation-reviewed", 1, 1, 10000)],
            await Board(connection, database, 2026, "2026-06-30"));
        Assert.Equal(
            [("time-reduction", 72_800, 168_000, 4333), ("business-reporting-electronic", 0, 0, null), ("documents-provided-once", 2, 3, 6667),
             ("full-online-of-eligible", 2, 3, 6667), ("internal-electronic", 1, 2, 5000), ("technical-regulation-reviewed", 1, 1, 10000)],
            await Board(connection, database, 2026, "2026-11-22"));
        await AssertDerivedInStep(connection);
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
            [new DocumentInput("Đơn đề nghị cấp giấy phép", "Mẫu số 01", 1, 2, null, true, "CSDL đất đai")]), ProcedureCatalog.Api.Attributes.Recorder.At(Now, ProcedureCatalog.Api.Access.Actor.Service), Cancel);
        var id = Assert.IsType<ProcedureOutcome.Created>(outcome).Id;
        await transaction.CommitAsync(Cancel);
        return (id, code);
    }
}
