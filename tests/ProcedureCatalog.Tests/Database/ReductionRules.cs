using Dapper;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// The domain brief's rules (sections 3 and 4) computed in C# from the histories, independently of the views, and
/// the views' figures of every procedure on a date, in the same shape: the tests hold the two to each other.
/// </summary>
internal static class ReductionRules
{
    internal sealed record Figures
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

    internal const string FromViews =
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

    private sealed record Subject
    {
        public long Id { get; init; }
        public required string JurisdictionCode { get; init; }
        public DateOnly? AbolishedOn { get; init; }
    }

    private sealed record Program
    {
        public DateOnly BaselineDate { get; init; }
    }

    /// <summary>Every procedure's figures on a date by the rules of the domain brief (sections 3 and 4), from the histories.</summary>
    internal static async Task<List<Figures>> Computed(System.Data.Common.DbConnection connection, DateOnly asOf)
    {
        var baselineDate = (await connection.QuerySingleAsync<Program>("SELECT baseline_date FROM reduction_programs WHERE code = 'resolution-66'")).BaselineDate;
        var tariffs = (await connection.QueryAsync<(string Jurisdiction, long Tariff)>(
            "SELECT jurisdiction_code, hourly_tariff_vnd FROM hourly_tariffs WHERE year = @Year", new { Year = baselineDate.Year })).ToDictionary(row => row.Jurisdiction, row => row.Tariff);
        var subjects = await connection.QueryAsync<Subject>("SELECT id, jurisdiction_code, abolished_on FROM procedures ORDER BY id");
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
}
