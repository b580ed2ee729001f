using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>One legal document a procedure rests on (căn cứ pháp lý).</summary>
/// <param name="Number">Its number, e.g. "59/2020/QH14".</param>
/// <param name="Title">e.g. "Luật Doanh nghiệp".</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="Issuer">e.g. "Quốc hội", "Chính phủ", "UBND tỉnh Điện Biên".</param>
public sealed record LegalBasisEntry(
    [property: Required, StringLength(100, MinimumLength = 1)] string Number,
    [property: Required, StringLength(1000, MinimumLength = 1)] string Title,
    [property: PlausibleDate] DateOnly? IssuedOn,
    [property: StringLength(300)] string? Issuer);

/// <summary>A new procedure in a jurisdiction's catalogue, optionally with its documents.</summary>
/// <param name="Jurisdiction">Whose catalogue: VN or a province code.</param>
/// <param name="Code">mã thủ tục: N.NNNNNN, optionally with a local suffix; letters, digits, '.', '_' and '-', at most 40.</param>
/// <param name="Name">The procedure's official name.</param>
/// <param name="Level">cấp thực hiện.</param>
/// <param name="Kind">external, or one of the two internal kinds.</param>
/// <param name="BusinessRelated">Related to production and business activity.</param>
/// <param name="OnlineLevel">none, partial (một phần) or full (toàn trình).</param>
/// <param name="FullOnlineEligible">Eligible to be done fully online.</param>
/// <param name="BoundaryFree">Can be filed anywhere in the province, independent of administrative boundaries.</param>
/// <param name="FieldId">Its field (lĩnh vực).</param>
/// <param name="AgencyId">Its performing agency, which must belong to the same jurisdiction.</param>
/// <param name="LastReviewedOn">A review (rà soát) on this date, recorded as a review event (GET /procedures/{id}/reviews).</param>
/// <param name="LegalBasis">Legal documents it rests on, in order.</param>
/// <param name="Documents">Required documents (thành phần hồ sơ), in order.</param>
/// <param name="TechnicalRegulation">Set by technical regulations and mandatory standards (default false; left out of an update, it stays as it is).</param>
/// <param name="EffectiveFrom">The day the dated values of the body (kind, businessRelated, onlineLevel, fullOnlineEligible, boundaryFree, technicalRegulation and each document's providedOnce) take effect when they differ from those in force then: default the day it is recorded. A new procedure's values hold from the beginning.</param>
/// <param name="DecisionRef">The decision that published the change, recorded with each dated entry it makes and with the review named by lastReviewedOn.</param>
public sealed partial record ProcedureCreate(
    [property: Required, RegularExpression(Jurisdiction.CodePattern, ErrorMessage = Jurisdiction.CodeRule)] string Jurisdiction,
    [property: Required, RegularExpression(ProcedureRules.CodePattern, ErrorMessage = ProcedureRules.CodeRule)] string Code,
    [property: Required, StringLength(1000, MinimumLength = 1)] string Name,
    [property: Required] ProcedureLevel? Level,
    [property: Required] ProcedureKind? Kind,
    [property: Required] bool? BusinessRelated,
    [property: Required] OnlineLevel? OnlineLevel,
    [property: Required] bool? FullOnlineEligible,
    [property: Required] bool? BoundaryFree,
    [property: Required, Range(1, int.MaxValue)] long? FieldId,
    [property: Required, Range(1, int.MaxValue)] long? AgencyId,
    [property: PlausibleDate] DateOnly? LastReviewedOn,
    [property: MaxLength(ProcedureRules.MaxLegalBasis)] IReadOnlyList<LegalBasisEntry>? LegalBasis,
    [property: MaxLength(ProcedureRules.MaxDocuments)] IReadOnlyList<DocumentInput>? Documents,
    bool? TechnicalRegulation = null,
    [property: PlausibleDate] DateOnly? EffectiveFrom = null,
    [property: StringLength(100, MinimumLength = 1)] string? DecisionRef = null);

/// <summary>The editable description of a procedure. Its jurisdiction, status, documents and history change through their own operations.</summary>
/// <param name="Code">mã thủ tục; may be corrected, stays unique in the jurisdiction.</param>
/// <param name="Name">The procedure's official name.</param>
/// <param name="Level">cấp thực hiện.</param>
/// <param name="Kind">external, or one of the two internal kinds.</param>
/// <param name="BusinessRelated">Related to production and business activity.</param>
/// <param name="OnlineLevel">none, partial (một phần) or full (toàn trình).</param>
/// <param name="FullOnlineEligible">Eligible to be done fully online.</param>
/// <param name="BoundaryFree">Can be filed anywhere in the province.</param>
/// <param name="FieldId">Its field (lĩnh vực).</param>
/// <param name="AgencyId">Its performing agency, of the same jurisdiction.</param>
/// <param name="LastReviewedOn">A review (rà soát) on this date: recorded as a review event unless there is one that day already; leaving it out records none (reviews are never removed by an update).</param>
/// <param name="LegalBasis">Legal documents it rests on; replaces the previous list.</param>
/// <param name="TechnicalRegulation">Set by technical regulations and mandatory standards (default false; left out of an update, it stays as it is).</param>
/// <param name="EffectiveFrom">The day the dated values of the body (kind, businessRelated, onlineLevel, fullOnlineEligible, boundaryFree, technicalRegulation and each document's providedOnce) take effect when they differ from those in force then: default the day it is recorded. A new procedure's values hold from the beginning.</param>
/// <param name="DecisionRef">The decision that published the change, recorded with each dated entry it makes and with the review named by lastReviewedOn.</param>
public sealed partial record ProcedureUpdate(
    [property: Required, RegularExpression(ProcedureRules.CodePattern, ErrorMessage = ProcedureRules.CodeRule)] string Code,
    [property: Required, StringLength(1000, MinimumLength = 1)] string Name,
    [property: Required] ProcedureLevel? Level,
    [property: Required] ProcedureKind? Kind,
    [property: Required] bool? BusinessRelated,
    [property: Required] OnlineLevel? OnlineLevel,
    [property: Required] bool? FullOnlineEligible,
    [property: Required] bool? BoundaryFree,
    [property: Required, Range(1, int.MaxValue)] long? FieldId,
    [property: Required, Range(1, int.MaxValue)] long? AgencyId,
    [property: PlausibleDate] DateOnly? LastReviewedOn,
    [property: MaxLength(ProcedureRules.MaxLegalBasis)] IReadOnlyList<LegalBasisEntry>? LegalBasis,
    bool? TechnicalRegulation = null,
    [property: PlausibleDate] DateOnly? EffectiveFrom = null,
    [property: StringLength(100, MinimumLength = 1)] string? DecisionRef = null);

/// <summary>
/// A procedure as a one-stop system holds it, PUT at its natural key (jurisdiction, code): everything but its
/// status and history, documents included. Sending the same body again changes nothing.
/// </summary>
/// <param name="Name">The procedure's official name.</param>
/// <param name="Level">cấp thực hiện.</param>
/// <param name="Kind">external, or one of the two internal kinds.</param>
/// <param name="BusinessRelated">Related to production and business activity.</param>
/// <param name="OnlineLevel">none, partial (một phần) or full (toàn trình).</param>
/// <param name="FullOnlineEligible">Eligible to be done fully online.</param>
/// <param name="BoundaryFree">Can be filed anywhere in the province.</param>
/// <param name="FieldId">Its field (lĩnh vực).</param>
/// <param name="AgencyId">Its performing agency, of the same jurisdiction.</param>
/// <param name="LastReviewedOn">A review (rà soát) on this date: recorded as a review event unless there is one that day already.</param>
/// <param name="LegalBasis">Legal documents it rests on, in order; replaces the previous list.</param>
/// <param name="Documents">Required documents, in order; replaces the previous list.</param>
/// <param name="TechnicalRegulation">Set by technical regulations and mandatory standards (default false; left out of an update, it stays as it is).</param>
/// <param name="EffectiveFrom">The day the dated values of the body (kind, businessRelated, onlineLevel, fullOnlineEligible, boundaryFree, technicalRegulation and each document's providedOnce) take effect when they differ from those in force then: default the day it is recorded. A new procedure's values hold from the beginning.</param>
/// <param name="DecisionRef">The decision that published the change, recorded with each dated entry it makes and with the review named by lastReviewedOn.</param>
public sealed partial record ProcedureUpsert(
    [property: Required, StringLength(1000, MinimumLength = 1)] string Name,
    [property: Required] ProcedureLevel? Level,
    [property: Required] ProcedureKind? Kind,
    [property: Required] bool? BusinessRelated,
    [property: Required] OnlineLevel? OnlineLevel,
    [property: Required] bool? FullOnlineEligible,
    [property: Required] bool? BoundaryFree,
    [property: Required, Range(1, int.MaxValue)] long? FieldId,
    [property: Required, Range(1, int.MaxValue)] long? AgencyId,
    [property: PlausibleDate] DateOnly? LastReviewedOn,
    [property: MaxLength(ProcedureRules.MaxLegalBasis)] IReadOnlyList<LegalBasisEntry>? LegalBasis,
    [property: MaxLength(ProcedureRules.MaxDocuments)] IReadOnlyList<DocumentInput>? Documents,
    bool? TechnicalRegulation = null,
    [property: PlausibleDate] DateOnly? EffectiveFrom = null,
    [property: StringLength(100, MinimumLength = 1)] string? DecisionRef = null)
{
    public ProcedureCreate ToCreate(string jurisdiction, string code) => new(
        jurisdiction, code, Name, Level, Kind, BusinessRelated, OnlineLevel, FullOnlineEligible, BoundaryFree, FieldId, AgencyId, LastReviewedOn, LegalBasis, Documents,
        TechnicalRegulation, EffectiveFrom, DecisionRef)
        { Channels = Channels, Published = Published };

    public ProcedureUpdate ToUpdate(string code) => new(
        code, Name, Level, Kind, BusinessRelated, OnlineLevel, FullOnlineEligible, BoundaryFree, FieldId, AgencyId, LastReviewedOn, LegalBasis,
        TechnicalRegulation, EffectiveFrom, DecisionRef)
        { Channels = Channels, Published = Published };
}

/// <summary>Abolish a procedure (bãi bỏ) from a date, or reinstate one abolished by mistake.</summary>
/// <param name="Status">abolished or active.</param>
/// <param name="AbolishedOn">Required when abolishing, absent when reinstating.</param>
public sealed record ProcedureStatusChange(
    [property: Required] ProcedureStatus? Status,
    [property: PlausibleDate] DateOnly? AbolishedOn);

/// <summary>A row of the procedure list: the dated attributes as in force on the list's asOf (default today).</summary>
/// <param name="LastReviewedOn">The latest review on or before asOf.</param>
public sealed record ProcedureSummary(
    long Id,
    string Jurisdiction,
    string Code,
    string Name,
    ProcedureLevel Level,
    ProcedureKind Kind,
    bool BusinessRelated,
    OnlineLevel OnlineLevel,
    bool FullOnlineEligible,
    bool BoundaryFree,
    bool TechnicalRegulation,
    long FieldId,
    string FieldName,
    long AgencyId,
    string AgencyName,
    ProcedureStatus Status,
    DateOnly? AbolishedOn,
    DateOnly? LastReviewedOn,
    DateTime UpdatedAt,
    long Version);

public sealed record NamedReference(long Id, string Name);

/// <summary>One procedure with its documents, legal basis and the time, cost and dated attributes in force on <see cref="AsOf"/>.</summary>
/// <param name="LastReviewedOn">The latest review on or before asOf.</param>
/// <param name="Documents">The documents in force on asOf (a document counts from its first provided-once entry on), each with its mark then.</param>
/// <param name="AsOf">The date the values in force are read for (today in Vietnam unless asked otherwise).</param>
/// <param name="TimeInForce">The processing time in force on AsOf; null before its first entry.</param>
/// <param name="CostInForce">The cost in force on AsOf; null before its first entry.</param>
public sealed partial record ProcedureDetail(
    long Id,
    string Jurisdiction,
    string Code,
    string Name,
    ProcedureLevel Level,
    ProcedureKind Kind,
    bool BusinessRelated,
    OnlineLevel OnlineLevel,
    bool FullOnlineEligible,
    bool BoundaryFree,
    bool TechnicalRegulation,
    NamedReference Field,
    NamedReference Agency,
    ProcedureStatus Status,
    DateOnly? AbolishedOn,
    DateOnly? LastReviewedOn,
    IReadOnlyList<LegalBasisEntry> LegalBasis,
    IReadOnlyList<Document> Documents,
    DateOnly AsOf,
    TimeEntry? TimeInForce,
    CostEntry? CostInForce,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version);

public static class ProcedureRules
{
    public const string CodePattern = "^[A-Za-z0-9._-]{1,40}$";
    public const string CodeRule = "code must be 1 to 40 letters, digits, '.', '_' or '-', e.g. 1.001612 or 1.001612.000.00.00.H01.";
    public const int MaxLegalBasis = 50;
    public const int MaxDocuments = 100;
}

internal sealed record ProcedureRow
{
    public long Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Level { get; init; }
    public required string Kind { get; init; }
    public bool BusinessRelated { get; init; }
    public required string OnlineLevel { get; init; }
    public bool FullOnlineEligible { get; init; }
    public bool BoundaryFree { get; init; }
    public bool TechnicalRegulation { get; init; }
    public long FieldId { get; init; }
    public required string FieldName { get; init; }
    public long AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public required string Status { get; init; }
    public DateOnly? AbolishedOn { get; init; }
    public DateOnly? LastReviewedOn { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

internal sealed record LegalBasisRow
{
    public long ProcedureId { get; init; }
    public required string Number { get; init; }
    public required string Title { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? Issuer { get; init; }
}
