using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Plans;

/// <summary>A local plan (kế hoạch) that implements a reduction program in a jurisdiction.</summary>
/// <param name="Jurisdiction">Whose plan: VN or a province code; it cannot move later.</param>
/// <param name="Number">Its number as issued, e.g. "56/KH-UBND"; given with issuedOn, or neither when the copy at hand does not show them.</param>
/// <param name="IssuedOn">The date it was issued (ngày ban hành), with number.</param>
/// <param name="Issuer">Who issued it, e.g. "UBND thành phố Cần Thơ".</param>
/// <param name="Title">What it is, as its heading says.</param>
/// <param name="Program">The reduction program it implements; default resolution-66.</param>
public sealed record PlanCreate(
    [property: Required, RegularExpression(Jurisdiction.CodePattern, ErrorMessage = Jurisdiction.CodeRule)] string Jurisdiction,
    [property: StringLength(100, MinimumLength = 1)] string? Number,
    [property: PlausibleDate] DateOnly? IssuedOn,
    [property: Required, StringLength(300, MinimumLength = 1)] string Issuer,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Title,
    [property: RegularExpression(Plan.ProgramPattern, ErrorMessage = Plan.ProgramRule)] string? Program);

/// <summary>A plan's description; its jurisdiction stays.</summary>
/// <param name="Number">Its number as issued, e.g. "56/KH-UBND"; given with issuedOn, or neither.</param>
/// <param name="IssuedOn">The date it was issued, with number.</param>
/// <param name="Issuer">Who issued it.</param>
/// <param name="Title">What it is, as its heading says.</param>
/// <param name="Program">The reduction program it implements; default resolution-66.</param>
public sealed record PlanUpdate(
    [property: StringLength(100, MinimumLength = 1)] string? Number,
    [property: PlausibleDate] DateOnly? IssuedOn,
    [property: Required, StringLength(300, MinimumLength = 1)] string Issuer,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Title,
    [property: RegularExpression(Plan.ProgramPattern, ErrorMessage = Plan.ProgramRule)] string? Program);

/// <param name="Number">e.g. "56/KH-UBND"; null when the copy at hand does not show it.</param>
/// <param name="IssuedOn">The date it was issued; null with number.</param>
public sealed record Plan(
    long Id, string Jurisdiction, string Program, string? Number, DateOnly? IssuedOn, string Issuer, string Title,
    DateTime CreatedAt, DateTime UpdatedAt, long Version)
{
    public const string ProgramPattern = "^[a-z0-9-]{1,40}$";
    public const string ProgramRule = "program must be 1 to 40 lower-case letters, digits or '-', such as resolution-66.";
}

/// <summary>How a deadline (thời hạn) is given: a date, within a year (trong năm 2025: due by 31 December), or ongoing (thường xuyên: never due).</summary>
public enum DeadlineKind
{
    Date,
    Year,
    Ongoing,
}

/// <summary>Where a milestone stands: not started (chưa thực hiện), in progress (đang thực hiện) or done (hoàn thành).</summary>
public enum ProgressStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>
/// An agency a task names: one of the catalogue's agencies of the plan's jurisdiction (agencyId), or the plan's own words
/// (name) where it names a group such as "Các sở, ban, ngành thành phố" or an agency the catalogue does not hold. Send one of the two.
/// </summary>
/// <param name="AgencyId">An agency of the plan's jurisdiction.</param>
/// <param name="Name">The plan's words; read back, the agency's name when agencyId is set.</param>
public sealed record AgencyReference(
    long? AgencyId,
    [property: StringLength(300, MinimumLength = 1)] string? Name);

/// <summary>One deadline of a task. A task with several deadlines (one for 2025, one for 2026) has a milestone each, each with its own progress.</summary>
/// <param name="Id">To keep an existing milestone of the task (and its progress) when the task is changed; leave out for a new one.</param>
/// <param name="Kind">date, year or ongoing.</param>
/// <param name="DueOn">The date, for kind date.</param>
/// <param name="Year">The year, for kind year (due by its 31 December).</param>
/// <param name="Label">What the deadline is for when a task has several, e.g. "TTHC liên quan đến doanh nghiệp", "năm 2026".</param>
public sealed record MilestoneInput(
    long? Id,
    [property: Required] DeadlineKind? Kind,
    [property: PlausibleDate] DateOnly? DueOn,
    [property: Range(1945, 2100)] int? Year,
    [property: StringLength(500, MinimumLength = 1)] string? Label);

/// <summary>A task (nhiệm vụ) of a plan, as its annex states it.</summary>
/// <param name="Number">The plan's number of the task: 8, 8.1 (under 8), 2.b.ii. Unique within the plan; a task under another needs that one first.</param>
/// <param name="Section">The heading it stands under, e.g. "I. Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh".</param>
/// <param name="Content">What is to be done (nội dung thực hiện).</param>
/// <param name="LeadAgencies">The agencies in charge (cơ quan chủ trì), in the plan's order.</param>
/// <param name="CoordinatingAgencies">The agencies that coordinate (cơ quan phối hợp).</param>
/// <param name="DeadlineText">The deadline as the plan writes it (thời gian thực hiện), kept as it is.</param>
/// <param name="Milestones">A milestone per deadline; none for a heading without a deadline.</param>
/// <param name="ExpectedOutput">The expected result (kết quả/sản phẩm), e.g. "Quyết định công bố TTHC".</param>
public sealed record PlanTaskInput(
    [property: Required, RegularExpression(PlanTask.NumberPattern, ErrorMessage = PlanTask.NumberRule)] string Number,
    [property: StringLength(1000, MinimumLength = 1)] string? Section,
    [property: Required, StringLength(4000, MinimumLength = 1), MultiLineText] string Content,
    [property: MaxLength(50)] IReadOnlyList<AgencyReference>? LeadAgencies,
    [property: MaxLength(50)] IReadOnlyList<AgencyReference>? CoordinatingAgencies,
    [property: StringLength(2000, MinimumLength = 1), MultiLineText] string? DeadlineText,
    [property: MaxLength(20)] IReadOnlyList<MilestoneInput>? Milestones,
    [property: StringLength(4000, MinimumLength = 1), MultiLineText] string? ExpectedOutput);

/// <summary>A dated step of a milestone's progress. Entries are never changed: a later entry supersedes an earlier one from its date.</summary>
/// <param name="On">The date it happened (for done, the date the work was done); not after today.</param>
/// <param name="Status">not-started, in-progress or done.</param>
/// <param name="DecisionRef">The evidence: the number of the decision or document that did it, e.g. "2310/QĐ-UBND". Done needs it or a link.</param>
/// <param name="Link">The evidence as an http(s) address.</param>
/// <param name="Notes">What else is worth knowing.</param>
public sealed record ProgressInput(
    [property: Required, PlausibleDate] DateOnly? On,
    [property: Required] ProgressStatus? Status,
    [property: StringLength(100, MinimumLength = 1)] string? DecisionRef,
    [property: StringLength(2000, MinimumLength = 1)] string? Link,
    [property: StringLength(4000, MinimumLength = 1), MultiLineText] string? Notes);

/// <param name="RecordedBy">The name of the API key that recorded it ("service" for the sample).</param>
/// <param name="RecordedAt">When it was recorded (UTC); breaks ties between entries of the same day.</param>
public sealed record ProgressEntry(
    long Id, long MilestoneId, DateOnly On, ProgressStatus Status, string? DecisionRef, string? Link, [property: MultiLineText] string? Notes,
    string RecordedBy, DateTime RecordedAt);

/// <summary>A milestone with where it stands today and its whole progress history.</summary>
/// <param name="DueBy">The last day of the deadline: the date, 31 December of the year, or null when ongoing.</param>
/// <param name="Status">Where it stands today: the latest progress entry's status, not-started before any.</param>
/// <param name="StatusOn">The date of that entry (for done, the date done).</param>
/// <param name="Progress">Every entry, oldest first.</param>
public sealed record Milestone(
    long Id, string? Label, DeadlineKind Kind, DateOnly? DueOn, int? Year, DateOnly? DueBy, ProgressStatus Status, DateOnly? StatusOn,
    IReadOnlyList<ProgressEntry> Progress);

/// <param name="ParentNumber">The task it stands under (8 for 8.1); null at the top.</param>
public sealed record PlanTask(
    long Id, long PlanId, string Number, string? ParentNumber, string? Section, [property: MultiLineText] string Content,
    IReadOnlyList<AgencyReference> LeadAgencies, IReadOnlyList<AgencyReference> CoordinatingAgencies,
    [property: MultiLineText] string? DeadlineText, IReadOnlyList<Milestone> Milestones, [property: MultiLineText] string? ExpectedOutput,
    DateTime CreatedAt, DateTime UpdatedAt, long Version)
{
    /// <summary>Dot-separated parts of letters or digits: 8, 8.1, 2.b.ii, III.</summary>
    public const string NumberPattern = "^[0-9A-Za-z]{1,10}(\\.[0-9A-Za-z]{1,10}){0,5}$";

    public const string NumberRule = "number must be the plan's number of the task: parts of letters or digits separated by dots, such as 8, 8.1 or 2.b.ii.";

    /// <summary>The number of the task it stands under: everything before the last dot; null for a top-level number.</summary>
    public static string? ParentOf(string number) => number.LastIndexOf('.') is var dot and > 0 ? number[..dot] : null;

    /// <summary>Orders task numbers as a plan reads them: 2 before 10, 8 before 8.1 before 8.2, 9 after 8.3.</summary>
    public static readonly IComparer<string> NumberOrder = Comparer<string>.Create(CompareNumbers);

    private static int CompareNumbers(string? left, string? right)
    {
        var a = (left ?? string.Empty).Split('.');
        var b = (right ?? string.Empty).Split('.');
        for (var index = 0; index < Math.Min(a.Length, b.Length); index++)
        {
            var order = int.TryParse(a[index], out var x) && int.TryParse(b[index], out var y)
                ? x.CompareTo(y)
                : string.Compare(a[index], b[index], StringComparison.OrdinalIgnoreCase);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}

internal sealed record PlanRow
{
    public long Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string ProgramCode { get; init; }
    public string? Number { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public required string Issuer { get; init; }
    public required string Title { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

internal sealed record PlanTaskRow
{
    public long Id { get; init; }
    public long PlanId { get; init; }
    public required string Number { get; init; }
    public string? Section { get; init; }
    public required string Content { get; init; }
    public string? ExpectedOutput { get; init; }
    public string? DeadlineText { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>An agency of a task: <see cref="Name"/> is the agency's own when <see cref="AgencyId"/> is set, the plan's words otherwise.</summary>
internal sealed record TaskAgencyRow
{
    public long TaskId { get; init; }
    public required string Role { get; init; }
    public int Position { get; init; }
    public long? AgencyId { get; init; }
    public required string Name { get; init; }
}

/// <summary>A milestone with its status on the date it was read for (the window of milestone_status_windows that holds it).</summary>
internal record MilestoneRow
{
    public long Id { get; init; }
    public long TaskId { get; init; }
    public int Position { get; init; }
    public string? Label { get; init; }
    public required string DeadlineKind { get; init; }
    public DateOnly? DueOn { get; init; }
    public int? DueYear { get; init; }
    public DateOnly? DueBy { get; init; }
    public required string Status { get; init; }
    public long? ProgressId { get; init; }
    public DateOnly? StatusOn { get; init; }
}

internal sealed record ProgressRow
{
    public long Id { get; init; }
    public long MilestoneId { get; init; }
    public DateOnly ProgressOn { get; init; }
    public required string Status { get; init; }
    public string? DecisionRef { get; init; }
    public string? Link { get; init; }
    public string? Notes { get; init; }
    public DateTime RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}
