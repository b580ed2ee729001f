using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.ReportingRegimes;

/// <summary>How often a business reporting regime asks for its report.</summary>
public enum ReportingFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    AdHoc,
}

/// <summary>Whether a regime's reports are made electronically, from a date, as a decision published it.</summary>
/// <param name="Electronic">true: the reports are made electronically (online, on an information system); false: on paper.</param>
/// <param name="EffectiveFrom">The first day it applies; default: the day it is recorded (in Vietnam).</param>
/// <param name="DecisionRef">The decision that published it, e.g. "1085/QĐ-UBND".</param>
public sealed record ElectronicEntryInput(
    [property: Required] bool? Electronic,
    [property: PlausibleDate] DateOnly? EffectiveFrom,
    [property: Required, StringLength(100, MinimumLength = 1)] string DecisionRef);

/// <param name="RecordedAt">When the service recorded it (UTC); breaks ties between entries of the same day.</param>
/// <param name="RecordedBy">The name of the API key that recorded it ("service" for the sample).</param>
public sealed record ElectronicEntry(long Id, bool Electronic, DateOnly EffectiveFrom, string DecisionRef, DateTime RecordedAt, string RecordedBy);

/// <summary>A new business reporting regime (chế độ báo cáo của doanh nghiệp) of a jurisdiction.</summary>
/// <param name="Jurisdiction">Whose regime: VN or a province code. It cannot move later.</param>
/// <param name="Name">e.g. "Báo cáo tình hình sử dụng lao động". Unique within the jurisdiction, whatever its case, Unicode form or spacing.</param>
/// <param name="LegalBasis">The legal document that sets it (căn cứ pháp lý), e.g. "Nghị định 145/2020/NĐ-CP, Điều 4".</param>
/// <param name="AgencyId">The agency the reports go to, of the same jurisdiction.</param>
/// <param name="Frequency">monthly, quarterly, half-yearly, yearly or ad-hoc.</param>
/// <param name="Status">active (default) or abolished.</param>
/// <param name="AbolishedOn">Required when abolished (the regime no longer counts from that day), absent when active.</param>
/// <param name="Electronic">Optionally the first entry of its electronic history.</param>
public sealed record ReportingRegimeCreate(
    [property: Required, RegularExpression(Jurisdiction.CodePattern, ErrorMessage = Jurisdiction.CodeRule)] string Jurisdiction,
    [property: Required, StringLength(RegimeRules.MaxName, MinimumLength = 1)] string Name,
    [property: Required, StringLength(RegimeRules.MaxLegalBasis, MinimumLength = 1)] string LegalBasis,
    [property: Required, Range(1, int.MaxValue)] long? AgencyId,
    [property: Required] ReportingFrequency? Frequency,
    ProcedureStatus? Status,
    [property: PlausibleDate] DateOnly? AbolishedOn,
    ElectronicEntryInput? Electronic);

/// <summary>The editable description of a regime, its status included. Its jurisdiction stays; its electronic history changes through its own operations.</summary>
/// <param name="Name">Unique within the jurisdiction.</param>
/// <param name="LegalBasis">The legal document that sets it.</param>
/// <param name="AgencyId">The agency the reports go to, of the same jurisdiction.</param>
/// <param name="Frequency">monthly, quarterly, half-yearly, yearly or ad-hoc.</param>
/// <param name="Status">active or abolished.</param>
/// <param name="AbolishedOn">Required when abolished, absent when active.</param>
public sealed record ReportingRegimeUpdate(
    [property: Required, StringLength(RegimeRules.MaxName, MinimumLength = 1)] string Name,
    [property: Required, StringLength(RegimeRules.MaxLegalBasis, MinimumLength = 1)] string LegalBasis,
    [property: Required, Range(1, int.MaxValue)] long? AgencyId,
    [property: Required] ReportingFrequency? Frequency,
    [property: Required] ProcedureStatus? Status,
    [property: PlausibleDate] DateOnly? AbolishedOn);

/// <summary>A business reporting regime with whether its reports are electronic on <see cref="AsOf"/>.</summary>
/// <param name="Agency">The agency the reports go to.</param>
/// <param name="AsOf">The date the electronic value in force is read for (today in Vietnam unless asked otherwise).</param>
/// <param name="Electronic">Whether its reports are electronic on asOf; null before the first entry of its history.</param>
/// <param name="ElectronicInForce">The entry of the electronic history in force on asOf; null before the first.</param>
public sealed record ReportingRegime(
    long Id,
    string Jurisdiction,
    string Name,
    string LegalBasis,
    NamedReference Agency,
    ReportingFrequency Frequency,
    ProcedureStatus Status,
    DateOnly? AbolishedOn,
    DateOnly AsOf,
    bool? Electronic,
    ElectronicEntry? ElectronicInForce,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version);

/// <summary>What a regime import did, or with dryRun would do: every row is a regime created, updated (its description, status or a new electronic entry) or left alone.</summary>
/// <param name="DryRun">true: nothing was written.</param>
/// <param name="Rows">Rows read (the header aside).</param>
public sealed record RegimeImportResult(bool DryRun, int Rows, int Created, int Updated, int Unchanged);

public static class RegimeRules
{
    public const int MaxName = 500;
    public const int MaxLegalBasis = 1000;
}

internal sealed record RegimeRow
{
    public long Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Name { get; init; }
    public required string LegalBasis { get; init; }
    public long AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public required string Frequency { get; init; }
    public required string Status { get; init; }
    public DateOnly? AbolishedOn { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }

    /// <summary>The entry in force on the date read for, when there is one.</summary>
    public long? EntryId { get; init; }
    public bool? EntryElectronic { get; init; }
    public DateOnly? EntryEffectiveFrom { get; init; }
    public string? EntryDecisionRef { get; init; }
    public DateTime? EntryRecordedAt { get; init; }
    public string? EntryRecordedBy { get; init; }
}

internal sealed record ElectronicEntryRow
{
    public long Id { get; init; }
    public long RegimeId { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public bool Electronic { get; init; }
    public required string DecisionRef { get; init; }
    public DateTime RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}
