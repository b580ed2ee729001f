using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Targets;

/// <summary>The indicators of Resolution 66 (domain brief, section 1).</summary>
public enum Indicator
{
    TimeReduction,
    CostReduction,
    BusinessOnline,
    BoundaryFree,
    InternalReviewed,
    DocumentsProvidedOnce,
    FullOnlineOfEligible,
    InternalElectronic,

    /// <summary>Business reporting regimes done electronically (2026; the reporting_regime_coverage view).</summary>
    BusinessReportingElectronic,
}

/// <summary>A target of a program year.</summary>
/// <param name="TargetPct">Per cent, 0 to 100, at most 2 decimals: a reduction of at least this much, or a share of at least this much.</param>
/// <param name="JudgedOn">The date the target is judged on (31 December of the year).</param>
/// <param name="Scope">What the indicator counts, in words.</param>
public sealed record TargetInput(
    [property: Required, Range(typeof(decimal), "0", "100"), Hundredths] decimal? TargetPct,
    [property: Required, PlausibleDate] DateOnly? JudgedOn,
    [property: Required, StringLength(500, MinimumLength = 1), MultiLineText] string Scope);

public sealed record Target(
    string Program, Indicator Indicator, int Year, decimal TargetPct, DateOnly JudgedOn, [property: MultiLineText] string Scope, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <param name="Code">e.g. resolution-66.</param>
/// <param name="Name">e.g. Nghị quyết 66/NQ-CP.</param>
/// <param name="BaselineDate">Values in force on this date are every reduction's baseline.</param>
/// <param name="Targets">Its targets, by year and indicator.</param>
public sealed record ReductionProgram(string Code, string Name, DateOnly BaselineDate, IReadOnlyList<Target> Targets);

internal sealed record TargetRow
{
    public required string ProgramCode { get; init; }
    public required string Indicator { get; init; }
    public int Year { get; init; }
    public decimal TargetPct { get; init; }
    public DateOnly JudgedOn { get; init; }
    public required string Scope { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

internal sealed record ProgramRow
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public DateOnly BaselineDate { get; init; }
}
