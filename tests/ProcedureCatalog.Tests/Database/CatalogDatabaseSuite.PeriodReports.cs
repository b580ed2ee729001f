using Dapper;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Attributes;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.PeriodReports;
using ProcedureCatalog.Api.Procedures;
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

        // The sample's online levels and boundary-free flags of the period (db/seed/sample-attribute-changes.json).
        Assert.Equal(
            [
                (PeriodMove.NewlyOnline, "2.002385", "none", "full", (bool?)true, (bool?)true, new DateOnly(2026, 11, 3), "1868/QĐ-UBND"),
                (PeriodMove.NewlyFullOnline, "2.000983", "partial", "full", true, true, new DateOnly(2026, 11, 16), "1921/QĐ-UBND"),
                (PeriodMove.NewlyFullOnline, "2.002385", "none", "full", true, true, new DateOnly(2026, 11, 3), "1868/QĐ-UBND"),
                (PeriodMove.NewlyBoundaryFree, "2.000355", "partial", "partial", false, true, new DateOnly(2026, 11, 1), "1862/QĐ-UBND"),
            ],
            await MovesOf(connection, database, "92", before, dates.AsOf));
        Assert.Empty(await MovesOf(connection, database, "92", new DateOnly(2026, 9, 22), before));
    }

    /// <summary>Every list of <see cref="PeriodMove"/> of the jurisdiction from one date to the other, in the order of the lists, each procedure by its code (or its name).</summary>
    private async Task<List<(PeriodMove Move, string Procedure, string? OnlineBefore, string? OnlineAfter, bool? BoundaryBefore, bool? BoundaryAfter, DateOnly EffectiveFrom, string? DecisionRef)>> MovesOf(
        System.Data.Common.DbConnection connection, CatalogDatabase database, string jurisdiction, DateOnly before, DateOnly asOf, bool byName = false)
    {
        var moves = new List<(PeriodMove, string, string?, string?, bool?, bool?, DateOnly, string?)>();
        foreach (var move in Enum.GetValues<PeriodMove>())
        {
            moves.AddRange((await PeriodReportQueries.Moves(connection, database.Dialect, move, jurisdiction, before, asOf, Cancel)).Select(row =>
                (move, byName ? row.Name : row.Code, row.OnlineLevelBefore, row.OnlineLevelAfter, row.BoundaryFreeBefore, row.BoundaryFreeAfter, row.EffectiveFrom, row.DecisionRef)));
        }

        return moves;
    }

    /// <summary>
    /// Procedures of jurisdiction 38 whose online level and boundary-free flag change before, inside and after the period of
    /// 23 October to 22 November 2026, by hand: a same-day correction (the entry recorded last wins, with its decision), an
    /// entry removed by mistake, a change and its reversal inside the period, one procedure with nothing in force before,
    /// one abolished in the period (left out), one of another jurisdiction; and the other way (no longer online, fully
    /// online, boundary-free). The effective date and decision are those of the entry in force on the report date.
    /// </summary>
    [Fact]
    public async Task TheOnlineLevelsAndBoundaryFreeFlagsThatMovedInThePeriodAreListedWithTheEntryInForce()
    {
        Assert.SkipWhen(target.UnavailableReason is not null, target.UnavailableReason ?? string.Empty);
        var database = target.Fresh();
        Targets.Migrator(database).Migrate();
        await using var connection = await database.OpenAsync(Cancel);
        var recorded = Now;
        Recorder Next() => Recorder.At(recorded = recorded.AddSeconds(1), ProcedureCatalog.Api.Access.Actor.Service);
        var ids = new Dictionary<string, long>();
        var before = new DateOnly(2026, 10, 22);
        var asOf = new DateOnly(2026, 11, 22);
        async Task<long> Change(System.Data.Common.DbTransaction transaction, string procedure, string from, DatedAttribute attribute, string value, string? decision = "") =>
            Assert.Single(await AttributeQueries.Record(connection, transaction, database.Dialect, ids[procedure], [(attribute, value)],
                DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), decision == "" ? $"{procedure}/{from}" : decision, Next(), Cancel));

        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            var field = await FieldQueries.Insert(connection, transaction, database.Dialect, new FieldInput("Kế hoạch và Đầu tư"), Now, Cancel);
            foreach (var (code, name) in new[] { ("38", "Tỉnh Thanh Hóa"), ("40", "Tỉnh Nghệ An") })
            {
                await JurisdictionQueries.Insert(connection, transaction, new JurisdictionCreate(code, name, JurisdictionLevel.Province), Now, Cancel);
                var agency = await AgencyQueries.Insert(connection, transaction, database.Dialect, new AgencyCreate(code, $"Sở Tài chính {name}"), Now, Cancel);
                foreach (var (procedure, online, boundary) in code == "38"
                    ? new[] { ("Q1", OnlineLevel.None, false), ("Q2", OnlineLevel.Partial, false), ("Q3", OnlineLevel.Full, false), ("Q4", OnlineLevel.None, false),
                              ("Q5", OnlineLevel.None, false), ("Q6", OnlineLevel.Partial, true), ("Q7", OnlineLevel.Partial, false), ("Q8", OnlineLevel.Full, true) }
                    : [("R1", OnlineLevel.None, false)])
                {
                    var outcome = await ProcedureWrites.Create(connection, transaction, database.Dialect, new ProcedureCreate(
                        code, $"1.0{code}00{ids.Count + 1}", procedure, ProcedureLevel.Province, ProcedureKind.External, true, online, false, boundary, field, agency, null, [], []),
                        Next(), Cancel);
                    ids[procedure] = Assert.IsType<ProcedureOutcome.Created>(outcome).Id;
                }
            }

            // Q1: online in part inside the period, boundary-free on the report day itself, fully online after it.
            await Change(transaction, "Q1", "2026-11-05", DatedAttribute.OnlineLevel, "partial");
            await Change(transaction, "Q1", "2026-11-22", DatedAttribute.BoundaryFree, "true");
            await Change(transaction, "Q1", "2026-12-01", DatedAttribute.OnlineLevel, "full");

            // Q2: boundary-free before the period; fully online on 10 November by a same-day correction: "none" recorded first, "full" recorded after it wins.
            await Change(transaction, "Q2", "2026-03-01", DatedAttribute.BoundaryFree, "true");
            await Change(transaction, "Q2", "2026-11-10", DatedAttribute.OnlineLevel, "none", "wrong/2026-11-10");
            await Change(transaction, "Q2", "2026-11-10", DatedAttribute.OnlineLevel, "full", "corrected/2026-11-10");

            // Q3: boundary-free from 15 November, recorded by mistake and removed; fully online before the period, in part inside it.
            var mistake = await Change(transaction, "Q3", "2026-11-15", DatedAttribute.BoundaryFree, "true");
            Assert.Equal(1, await AttributeQueries.RemoveEntry(connection, transaction, ids["Q3"], mistake, Cancel));
            await Change(transaction, "Q3", "2026-11-01", DatedAttribute.OnlineLevel, "partial");

            // Q4: fully online and boundary-free inside the period, abolished before the report day: in none of the lists.
            await Change(transaction, "Q4", "2026-10-30", DatedAttribute.OnlineLevel, "full");
            await Change(transaction, "Q4", "2026-10-23", DatedAttribute.BoundaryFree, "true");
            await ProcedureQueries.ChangeStatus(connection, transaction, ids["Q4"], 1, ProcedureStatus.Abolished, new DateOnly(2026, 11, 20), Now, Cancel);

            // Q5: boundary-free on the previous report day (before the period), online in part on the first day of the period by an entry without a decision.
            await Change(transaction, "Q5", "2026-10-22", DatedAttribute.BoundaryFree, "true");
            await Change(transaction, "Q5", "2026-10-23", DatedAttribute.OnlineLevel, "partial", null);

            // Q6: no longer online nor boundary-free from 2 November.
            await Change(transaction, "Q6", "2026-11-02", DatedAttribute.OnlineLevel, "none");
            await Change(transaction, "Q6", "2026-11-02", DatedAttribute.BoundaryFree, "false");

            // Q7: boundary-free and fully online inside the period, and back again before its end: nothing moved.
            await Change(transaction, "Q7", "2026-11-05", DatedAttribute.BoundaryFree, "true");
            await Change(transaction, "Q7", "2026-11-12", DatedAttribute.BoundaryFree, "false");
            await Change(transaction, "Q7", "2026-11-05", DatedAttribute.OnlineLevel, "full");
            await Change(transaction, "Q7", "2026-11-12", DatedAttribute.OnlineLevel, "partial");

            // R1, of jurisdiction 40: fully online inside the period.
            await Change(transaction, "R1", "2026-11-05", DatedAttribute.OnlineLevel, "full");
            await transaction.CommitAsync(Cancel);
        }

        // Q8: its online level from the beginning lost behind the service's back (nothing in force before), fully online inside the period.
        await connection.ExecuteAsync("DELETE FROM attribute_history WHERE procedure_id = @Id AND attribute = 'online-level'", new { Id = ids["Q8"] });
        await using (var transaction = await connection.BeginTransactionAsync(Cancel))
        {
            await Change(transaction, "Q8", "2026-11-07", DatedAttribute.OnlineLevel, "full");
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(
            [
                (PeriodMove.NewlyOnline, "Q1", "none", "partial", (bool?)false, (bool?)true, new DateOnly(2026, 11, 5), "Q1/2026-11-05"),
                (PeriodMove.NewlyOnline, "Q5", "none", "partial", true, true, new DateOnly(2026, 10, 23), null),
                (PeriodMove.NewlyOnline, "Q8", null, "full", true, true, new DateOnly(2026, 11, 7), "Q8/2026-11-07"),
                (PeriodMove.NewlyFullOnline, "Q2", "partial", "full", true, true, new DateOnly(2026, 11, 10), "corrected/2026-11-10"),
                (PeriodMove.NewlyFullOnline, "Q8", null, "full", true, true, new DateOnly(2026, 11, 7), "Q8/2026-11-07"),
                (PeriodMove.NewlyBoundaryFree, "Q1", "none", "partial", false, true, new DateOnly(2026, 11, 22), "Q1/2026-11-22"),
                (PeriodMove.NoLongerOnline, "Q6", "partial", "none", true, false, new DateOnly(2026, 11, 2), "Q6/2026-11-02"),
                (PeriodMove.NoLongerFullOnline, "Q3", "full", "partial", false, false, new DateOnly(2026, 11, 1), "Q3/2026-11-01"),
                (PeriodMove.NoLongerBoundaryFree, "Q6", "partial", "none", true, false, new DateOnly(2026, 11, 2), "Q6/2026-11-02"),
            ],
            await MovesOf(connection, database, "38", before, asOf, byName: true));

        // The other jurisdiction's own; and the next period, with Q1 fully online from 1 December.
        Assert.Equal(
            [
                (PeriodMove.NewlyOnline, "R1", "none", "full", (bool?)false, (bool?)false, new DateOnly(2026, 11, 5), "R1/2026-11-05"),
                (PeriodMove.NewlyFullOnline, "R1", "none", "full", false, false, new DateOnly(2026, 11, 5), "R1/2026-11-05"),
            ],
            await MovesOf(connection, database, "40", before, asOf, byName: true));
        Assert.Equal(
            [(PeriodMove.NewlyFullOnline, "Q1", "partial", "full", (bool?)true, (bool?)true, new DateOnly(2026, 12, 1), "Q1/2026-12-01")],
            await MovesOf(connection, database, "38", asOf, new DateOnly(2026, 12, 22), byName: true));
        await AssertDerivedInStep(connection);
    }
}
