namespace ProcedureCatalog.Api.Reports;

/// <summary>What a reduction report is measured against, so that a figure can be checked by hand.</summary>
/// <param name="Program">The reduction program, e.g. resolution-66.</param>
/// <param name="ProgramName">Its name, e.g. Nghị quyết 66/NQ-CP.</param>
/// <param name="BaselineDate">Values in force on this date are the baseline (B).</param>
/// <param name="AsOf">Values in force on this date are the current values (C).</param>
/// <param name="TargetYear">The program year whose targets the figures are judged against.</param>
/// <param name="Normalisation">How times and costs are made comparable.</param>
public sealed partial record ReportBasis(
    string Program, string ProgramName, DateOnly BaselineDate, DateOnly AsOf, int TargetYear, Normalisation Normalisation);

/// <param name="TimeUnit">Times are added up in working days.</param>
/// <param name="WorkingDaysPer">Working days per unit of a processing time: working-days 1, calendar-days 5/7, hours 1/8.</param>
/// <param name="CostUnit">Costs are in đồng per filing.</param>
/// <param name="CostFormula">Compliance cost per filing (Standard Cost Model).</param>
/// <param name="TariffYear">The hourly tariffs of this year (the baseline year) price the applicant's hours, before and after.</param>
/// <param name="Rounding">How percentages are rounded.</param>
public sealed record Normalisation(
    string TimeUnit, IReadOnlyDictionary<string, string> WorkingDaysPer, string CostUnit, string CostFormula, int TariffYear, string Rounding)
{
    public static Normalisation For(int tariffYear) => new(
        "working-days",
        new Dictionary<string, string> { ["working-days"] = "1", ["calendar-days"] = "5/7", ["hours"] = "1/8" },
        "vnd",
        "feeVnd + otherCostVnd + applicantHours × hourlyTariffVnd",
        tariffYear,
        "100 × (B − C) / B, rounded half away from zero to 2 decimals; negative is an increase");
}

/// <summary>How far one procedure's processing time or cost has come since the baseline.</summary>
/// <param name="Baseline">B: the value in force on the baseline date; null when nothing was in force then (noBaseline).</param>
/// <param name="Current">C: the value in force on asOf; 0 once abolished.</param>
/// <param name="ReductionPct">100 × (B − C) / B; null without a baseline or when B is 0.</param>
/// <param name="TargetPct">The target of the report's year (targetYear; default the year of asOf); null when the program has none for that year.</param>
/// <param name="MeetsTarget">reductionPct ≥ targetPct; null when either is null.</param>
/// <param name="GapPct">Percentage points still missing to the target (0 when met).</param>
/// <param name="Abolished">Abolished on or before asOf.</param>
public sealed record MeasureReduction(
    decimal? Baseline, decimal? Current, decimal? ReductionPct, decimal? TargetPct, bool? MeetsTarget, decimal? GapPct, bool Abolished);

/// <summary>The compliance cost per filing of one procedure against the baseline, and its yearly burden.</summary>
/// <param name="HourlyTariffVnd">The tariff of the procedure's jurisdiction for the baseline year.</param>
/// <param name="Reduction">Cost per filing, in đồng.</param>
/// <param name="BaselineAnnualFilings">Filings a year at the baseline, when known.</param>
/// <param name="CurrentAnnualFilings">Filings a year on asOf, when known.</param>
/// <param name="BaselineYearlyBurdenVnd">Cost per filing × filings a year at the baseline.</param>
/// <param name="CurrentYearlyBurdenVnd">Cost per filing × filings a year on asOf.</param>
public sealed record CostReduction(
    long? HourlyTariffVnd, MeasureReduction Reduction, long? BaselineAnnualFilings, long? CurrentAnnualFilings,
    decimal? BaselineYearlyBurdenVnd, decimal? CurrentYearlyBurdenVnd);

/// <summary>The reduction of one procedure's processing time (working days) and compliance cost (đồng).</summary>
public sealed record ProcedureReduction(
    long ProcedureId, string Jurisdiction, string Code, string Name, ReportBasis Basis, MeasureReduction Time, CostReduction Cost);

/// <summary>The group a row of a group report stands for. Which members are set depends on groupBy.</summary>
/// <param name="Id">Agency or field id.</param>
/// <param name="Code">Level, kind or jurisdiction code.</param>
/// <param name="Jurisdiction">The jurisdiction of an agency.</param>
/// <param name="Name">Agency, field or jurisdiction name.</param>
public sealed record GroupKey(long? Id, string? Code, string? Jurisdiction, string? Name);

/// <summary>A group's reduction: sums, not an average of percentages.</summary>
/// <param name="SumBaseline">ΣB over the procedures with a baseline.</param>
/// <param name="SumCurrent">ΣC over the same procedures.</param>
/// <param name="ReductionPct">100 × (ΣB − ΣC) / ΣB; null when ΣB is 0 or nothing has a baseline.</param>
/// <param name="TargetPct">The target of the report's year (targetYear; default the year of asOf).</param>
/// <param name="MeetsTarget">The group's reductionPct ≥ targetPct.</param>
/// <param name="GapPct">Percentage points still missing to the target (0 when met).</param>
/// <param name="WithBaseline">Procedures with a baseline and a value on asOf: exactly those that make the sums.</param>
/// <param name="NoBaseline">Procedures left out of the sums: nothing in force on the baseline date (or abolished by then), or, before their first entry, on asOf.</param>
/// <param name="MeetingTarget">Procedures whose own reduction meets the target; null without a target.</param>
public sealed record GroupMeasure(
    decimal? SumBaseline, decimal? SumCurrent, decimal? ReductionPct, decimal? TargetPct, bool? MeetsTarget, decimal? GapPct,
    long WithBaseline, long NoBaseline, long? MeetingTarget);

/// <param name="WithAnnualFilings">Procedures with a baseline whose filings a year are known at both dates.</param>
/// <param name="BaselineYearlyBurdenVnd">Σ cost × filings a year at the baseline, over those procedures.</param>
/// <param name="CurrentYearlyBurdenVnd">The same on asOf.</param>
public sealed record YearlyBurden(long WithAnnualFilings, decimal? BaselineYearlyBurdenVnd, decimal? CurrentYearlyBurdenVnd);

/// <param name="Procedures">Procedures of the group (active or abolished).</param>
/// <param name="Abolished">Of which abolished on or before asOf.</param>
/// <param name="Time">Processing time, in working days.</param>
/// <param name="Cost">Compliance cost per filing, in đồng.</param>
/// <param name="YearlyBurden">Yearly burden where filings a year are known.</param>
public sealed record GroupReduction(GroupKey Group, long Procedures, long Abolished, GroupMeasure Time, GroupMeasure Cost, YearlyBurden YearlyBurden);

/// <param name="GroupBy">none, agency, field, level, kind or jurisdiction.</param>
/// <param name="Scope">target: external, business-related procedures, as the targets are judged; all: every procedure the filters keep.</param>
/// <param name="Rows">One row per group that has procedures; with groupBy none, always one row.</param>
public sealed record GroupReductionReport(ReportBasis Basis, ReductionGroupBy GroupBy, ReportScope Scope, IReadOnlyList<GroupReduction> Rows);

/// <summary>One indicator of a program year for a jurisdiction (or all).</summary>
/// <param name="Indicator">time-reduction, cost-reduction, business-online, …</param>
/// <param name="TargetPct">The target.</param>
/// <param name="JudgedOn">The date the target is judged on.</param>
/// <param name="Scope">What the indicator counts.</param>
/// <param name="ValuePct">The value on asOf; null when the denominator is 0.</param>
/// <param name="Numerator">Reductions: ΣB − ΣC; shares: the items that qualify.</param>
/// <param name="Denominator">Reductions: ΣB; shares: the items in scope.</param>
/// <param name="Unit">Unit of numerator and denominator: working-days, vnd, procedures, documents or reporting-regimes.</param>
/// <param name="Met">valuePct ≥ targetPct; null when there is nothing to judge.</param>
/// <param name="GapPct">Percentage points still missing (0 when met).</param>
/// <param name="Missing">
/// What the data lacks for a value, instead of a 0 % or a "not met" over nothing: baseline (no procedure in scope has a value
/// on the baseline date and on asOf), tariff (cost-reduction: a jurisdiction in scope has no hourly tariff for the baseline
/// year), procedures or documents (nothing in the indicator's scope is active on asOf), reporting-regimes (no business
/// reporting regime of the jurisdiction is recorded, or active, on asOf). Left out when nothing is.
/// </param>
public sealed record ScoreboardIndicator(
    string Indicator, decimal TargetPct, DateOnly JudgedOn, string Scope, decimal? ValuePct, decimal Numerator, decimal Denominator,
    string Unit, bool? Met, decimal? GapPct,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Missing = null);

/// <param name="Jurisdiction">The jurisdiction, or null for all together.</param>
/// <param name="IndicatorsMet">Indicators met.</param>
/// <param name="IndicatorsJudged">Indicators with a value.</param>
/// <param name="Provisional">asOf is before the year's judging date: the figures are those of a day before the target is judged, not the verdict.</param>
/// <param name="JudgedOn">The date the year's targets are judged on (31 December when the year has none).</param>
/// <param name="Missing">What the board lacks, each named instead of counted as a 0: targets (the program has none for the year: no indicator to judge), tariff (see jurisdictionsWithoutTariff). Left out when nothing is; each indicator names its own.</param>
/// <param name="JurisdictionsWithoutTariff">Jurisdictions in scope with cost history but no hourly tariff for the baseline year (set them with PUT /api/v1/tariffs/{jurisdiction}/{year}); cost-reduction has no value until then.</param>
public sealed record Scoreboard(
    ReportBasis Basis, string? Jurisdiction, int IndicatorsMet, int IndicatorsJudged, IReadOnlyList<ScoreboardIndicator> Indicators, bool Provisional, DateOnly JudgedOn,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Missing = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? JurisdictionsWithoutTariff = null);

/// <summary>A procedure short of its target, with how far.</summary>
public sealed record Laggard(
    long ProcedureId, string Jurisdiction, string Code, string Name, long AgencyId, string AgencyName, string FieldName,
    decimal Baseline, decimal Current, decimal ReductionPct, decimal TargetPct, decimal GapPct);

/// <param name="Measure">time (working days) or cost (đồng per filing).</param>
/// <param name="TargetPct">The target of the year.</param>
/// <param name="Results">The procedures with a reduction below the target, lowest reduction first.</param>
public sealed record LaggardReport(ReportBasis Basis, ReductionMeasure Measure, ReportScope Scope, decimal TargetPct, Infrastructure.PageOf<Laggard> Results);

public enum ReductionGroupBy
{
    None,
    Agency,
    Field,
    Level,
    Kind,
    Jurisdiction,
}

public enum ReductionMeasure
{
    Time,
    Cost,
}

public enum ReportScope
{
    Target,
    All,
}

/// <summary>422: the compliance cost cannot be computed because jurisdictions lack the hourly tariff of the baseline year.</summary>
public sealed class MissingTariffProblem : Microsoft.AspNetCore.Mvc.ProblemDetails
{
    /// <summary>The jurisdictions whose tariff is missing.</summary>
    public required IReadOnlyList<string> JurisdictionsWithoutTariff { get; init; }

    /// <summary>The year whose tariff is needed (the program's baseline year).</summary>
    public required int TariffYear { get; init; }

    public static MissingTariffProblem For(IReadOnlyList<string> jurisdictions, int year) => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Hourly tariff missing",
        Detail = $"The compliance cost of procedures of {string.Join(", ", jurisdictions)} cannot be computed: there is no hourly tariff for {year} "
            + $"(the baseline year). Set it with {string.Join(" and ", jurisdictions.Select(jurisdiction => $"PUT /api/v1/tariffs/{jurisdiction}/{year}"))}.",
        JurisdictionsWithoutTariff = jurisdictions,
        TariffYear = year,
    };
}
