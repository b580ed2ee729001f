using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Attributes;

/// <summary>The attributes of a procedure that the scoreboard counts, each with a dated history (domain brief, section 6).</summary>
public enum DatedAttribute
{
    Kind,
    BusinessRelated,
    OnlineLevel,
    FullOnlineEligible,
    BoundaryFree,
    TechnicalRegulation,
}

/// <summary>
/// A change of a procedure's dated attributes published by a decision: every attribute given is in force from
/// effectiveFrom on (one entry each), until a later entry of that attribute takes over.
/// </summary>
/// <param name="DecisionRef">The decision that published the change, e.g. "1085/QĐ-UBND".</param>
/// <param name="EffectiveFrom">The first day the values apply; default the day it is recorded (today in Vietnam).</param>
/// <param name="Kind">external, or one of the two internal kinds.</param>
/// <param name="BusinessRelated">Related to production and business activity.</param>
/// <param name="OnlineLevel">none, partial (một phần) or full (toàn trình).</param>
/// <param name="FullOnlineEligible">Eligible to be done fully online.</param>
/// <param name="BoundaryFree">Can be filed anywhere in the province.</param>
/// <param name="TechnicalRegulation">Set by technical regulations and mandatory standards.</param>
public sealed record AttributeChange(
    [property: Required, StringLength(100, MinimumLength = 1)] string DecisionRef,
    [property: PlausibleDate] DateOnly? EffectiveFrom = null,
    ProcedureKind? Kind = null,
    bool? BusinessRelated = null,
    OnlineLevel? OnlineLevel = null,
    bool? FullOnlineEligible = null,
    bool? BoundaryFree = null,
    bool? TechnicalRegulation = null);

/// <summary>One entry of a dated attribute's history: the member named by attribute holds its value, the others are null.</summary>
/// <param name="Attribute">Which attribute the entry sets.</param>
/// <param name="EffectiveFrom">The first day it applies; 0001-01-01 for a value recorded before these histories existed (in force from the beginning).</param>
/// <param name="DecisionRef">The decision that published it; null for a value recorded without one.</param>
/// <param name="RecordedAt">When the service recorded it (UTC); breaks ties between entries of the same day.</param>
/// <param name="RecordedBy">The name of the key that recorded it (service: the service itself).</param>
public sealed record AttributeEntry(
    long Id,
    DatedAttribute Attribute,
    DateOnly EffectiveFrom,
    string? DecisionRef,
    DateTime RecordedAt,
    string RecordedBy,
    ProcedureKind? Kind,
    bool? BusinessRelated,
    OnlineLevel? OnlineLevel,
    bool? FullOnlineEligible,
    bool? BoundaryFree,
    bool? TechnicalRegulation);

/// <summary>A change of a document's provided-once mark, published by a decision.</summary>
/// <param name="DecisionRef">The decision that published it.</param>
/// <param name="ProvidedOnce">The state already holds the document: the data is reused, not asked again.</param>
/// <param name="EffectiveFrom">The first day it applies; default the day it is recorded.</param>
public sealed record ProvidedOnceChange(
    [property: Required, StringLength(100, MinimumLength = 1)] string DecisionRef,
    [property: Required] bool? ProvidedOnce,
    [property: PlausibleDate] DateOnly? EffectiveFrom = null);

/// <summary>One entry of a document's provided-once history.</summary>
/// <param name="EffectiveFrom">The first day it applies; 0001-01-01 for a mark recorded before these histories existed. A document counts from its first entry on.</param>
public sealed record ProvidedOnceEntry(long Id, long DocumentId, bool ProvidedOnce, DateOnly EffectiveFrom, string? DecisionRef, DateTime RecordedAt, string RecordedBy);

/// <summary>A review of a procedure (rà soát): it was reviewed, cut and simplified on a date.</summary>
/// <param name="ReviewedOn">The day of the review.</param>
/// <param name="DecisionRef">The decision or report that records it.</param>
/// <param name="Note">What the review found or changed.</param>
public sealed record ReviewInput(
    [property: Required, PlausibleDate] DateOnly? ReviewedOn,
    [property: StringLength(100, MinimumLength = 1)] string? DecisionRef = null,
    [property: StringLength(2000), MultiLineText] string? Note = null);

/// <param name="RecordedAt">When the service recorded it (UTC).</param>
/// <param name="RecordedBy">The name of the key that recorded it.</param>
public sealed record Review(long Id, DateOnly ReviewedOn, string? DecisionRef, [property: MultiLineText] string? Note, DateTime RecordedAt, string RecordedBy);

/// <summary>The dated attributes of a procedure on one date, as the windows of migration 0012 hold them.</summary>
internal sealed record DatedValues(ProcedureKind Kind, bool BusinessRelated, OnlineLevel OnlineLevel, bool FullOnlineEligible, bool BoundaryFree, bool TechnicalRegulation)
{
    /// <summary>Each attribute with its value as stored (the API's words; true or false).</summary>
    public IEnumerable<(DatedAttribute Attribute, string Value)> Texts() =>
    [
        (DatedAttribute.Kind, EnumText.Of(Kind)),
        (DatedAttribute.BusinessRelated, Flag(BusinessRelated)),
        (DatedAttribute.OnlineLevel, EnumText.Of(OnlineLevel)),
        (DatedAttribute.FullOnlineEligible, Flag(FullOnlineEligible)),
        (DatedAttribute.BoundaryFree, Flag(BoundaryFree)),
        (DatedAttribute.TechnicalRegulation, Flag(TechnicalRegulation)),
    ];

    public static string Flag(bool value) => value ? "true" : "false";
}

internal sealed record AttributeEntryRow
{
    public long Id { get; init; }
    public long ProcedureId { get; init; }
    public required string Attribute { get; init; }
    public required string Value { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public string? DecisionRef { get; init; }
    public DateTime RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

internal sealed record ProvidedOnceEntryRow
{
    public long Id { get; init; }
    public long DocumentId { get; init; }
    public long ProcedureId { get; init; }
    public bool ProvidedOnce { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public string? DecisionRef { get; init; }
    public DateTime RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

internal sealed record ReviewRow
{
    public long Id { get; init; }
    public long ProcedureId { get; init; }
    public DateOnly ReviewedOn { get; init; }
    public string? DecisionRef { get; init; }
    public string? Note { get; init; }
    public DateTime RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}
