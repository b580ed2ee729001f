using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.History;

/// <summary>A processing time (thời hạn giải quyết) in force from a date, published by a decision.</summary>
/// <param name="EffectiveFrom">The first day it applies.</param>
/// <param name="Amount">How long, in <paramref name="Unit"/>, to the hundredth.</param>
/// <param name="Unit">working-days, calendar-days or hours.</param>
/// <param name="DecisionRef">The decision that published it (quyết định công bố), e.g. "1085/QĐ-UBND".</param>
public sealed record TimeEntryInput(
    [property: Required, PlausibleDate] DateOnly? EffectiveFrom,
    [property: Required, Range(typeof(decimal), "0", "100000"), Hundredths] decimal? Amount,
    [property: Required] TimeUnit? Unit,
    [property: Required, StringLength(100, MinimumLength = 1)] string DecisionRef);

/// <param name="RecordedAt">When the service recorded it (UTC); breaks ties between entries of the same day.</param>
public sealed record TimeEntry(long Id, DateOnly EffectiveFrom, decimal Amount, TimeUnit Unit, string DecisionRef, DateTime RecordedAt);

/// <summary>A cost per filing in force from a date: fees, other costs and the applicant's own hours.</summary>
/// <param name="EffectiveFrom">The first day it applies.</param>
/// <param name="FeeVnd">Official fees and charges (phí, lệ phí) per filing, in đồng.</param>
/// <param name="OtherCostVnd">Copies, notarisation, travel, services per filing, in đồng.</param>
/// <param name="ApplicantHours">The applicant's own time per filing, in hours, to the hundredth.</param>
/// <param name="AnnualFilings">Filings a year, when known; gives the yearly burden.</param>
/// <param name="DecisionRef">The decision that published it.</param>
public sealed record CostEntryInput(
    [property: Required, PlausibleDate] DateOnly? EffectiveFrom,
    [property: Required, Range(0L, 1_000_000_000_000L)] long? FeeVnd,
    [property: Required, Range(0L, 1_000_000_000_000L)] long? OtherCostVnd,
    [property: Required, Range(typeof(decimal), "0", "100000"), Hundredths] decimal? ApplicantHours,
    [property: Range(0L, 1_000_000_000L)] long? AnnualFilings,
    [property: Required, StringLength(100, MinimumLength = 1)] string DecisionRef);

public sealed record CostEntry(
    long Id,
    DateOnly EffectiveFrom,
    long FeeVnd,
    long OtherCostVnd,
    decimal ApplicantHours,
    long? AnnualFilings,
    string DecisionRef,
    DateTime RecordedAt);

internal sealed record TimeEntryRow
{
    public long Id { get; init; }
    public long ProcedureId { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public decimal Amount { get; init; }
    public required string Unit { get; init; }
    public required string DecisionRef { get; init; }
    public DateTime RecordedAt { get; init; }
}

internal sealed record CostEntryRow
{
    public long Id { get; init; }
    public long ProcedureId { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public long FeeVnd { get; init; }
    public long OtherCostVnd { get; init; }
    public decimal ApplicantHours { get; init; }
    public long? AnnualFilings { get; init; }
    public required string DecisionRef { get; init; }
    public DateTime RecordedAt { get; init; }
}
