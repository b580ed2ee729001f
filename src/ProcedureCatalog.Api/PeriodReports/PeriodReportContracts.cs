using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// The monthly, quarterly or yearly report of a jurisdiction (domain brief, section 7): every figure as of the
/// period's report date, so that the same request gives the same report whenever it is made.
/// </summary>
/// <param name="Period">The period: its report date, the days it covers, the previous and the next report dates.</param>
/// <param name="Jurisdiction">The jurisdiction reported on.</param>
/// <param name="Plans">The jurisdiction's plans of the program, whose tasks the report follows.</param>
/// <param name="Scoreboard">The scoreboard on the report date (the targets of its year), as GET /reports/scoreboard answers it.</param>
/// <param name="Previous">The scoreboard on the previous report date; null when that date is before the program's first report (no previous report).</param>
/// <param name="Changes">Each indicator of the scoreboard against the previous report.</param>
/// <param name="Cuts">Procedures whose processing time or compliance cost in force on the report date is lower than on the previous report date, with the decision in force.</param>
/// <param name="Abolished">Procedures abolished in the period.</param>
/// <param name="Newly">Procedures (not abolished on the report date) newly online, newly fully online and newly boundary-free in the period, with the decision in force.</param>
/// <param name="NoLonger">Those that went the other way in the period (no longer online, no longer fully online, no longer boundary-free), so that a setback is never hidden by the gains.</param>
/// <param name="Laggards">The procedures furthest below the year's target on the report date, for time and for cost.</param>
/// <param name="Tasks">The milestones of the plans' tasks done in the period, overdue on the report date and due until the next report.</param>
/// <param name="Trend">The time and cost reductions at the report day of every month from the program's baseline date to the report date.</param>
public sealed record PeriodReport(
    ReportPeriod Period,
    ReportJurisdiction Jurisdiction,
    IReadOnlyList<Plan> Plans,
    Scoreboard Scoreboard,
    Scoreboard? Previous,
    IReadOnlyList<IndicatorChange> Changes,
    IReadOnlyList<ProcedureCut> Cuts,
    IReadOnlyList<ProcedureAbolition> Abolished,
    PeriodAttributeMoves Newly,
    PeriodAttributeMoves NoLonger,
    PeriodLaggards Laggards,
    PeriodTasks Tasks,
    IReadOnlyList<ReductionPoint> Trend);

/// <param name="Code">VN or a province code.</param>
/// <param name="Name">Its official name.</param>
public sealed record ReportJurisdiction(string Code, string Name);

/// <summary>An indicator of the report's scoreboard against the previous report's.</summary>
/// <param name="Indicator">time-reduction, cost-reduction, business-online, …</param>
/// <param name="TargetPct">The target of the report's year.</param>
/// <param name="ValuePct">The value on the report date.</param>
/// <param name="PreviousValuePct">The value the previous report gave; null without a previous report or a value then.</param>
/// <param name="ChangePct">valuePct − previousValuePct in percentage points; null when either is null.</param>
/// <param name="Met">Met on the report date.</param>
/// <param name="PreviousMet">Met in the previous report (against that report's targets).</param>
public sealed record IndicatorChange(string Indicator, decimal TargetPct, decimal? ValuePct, decimal? PreviousValuePct, decimal? ChangePct, bool? Met, bool? PreviousMet);

/// <summary>A procedure whose processing time or compliance cost was cut in the period.</summary>
/// <param name="Measure">time (working days) or cost (đồng per filing).</param>
/// <param name="Before">The value in force on the previous report date.</param>
/// <param name="After">The value in force on the report date.</param>
/// <param name="CutPct">100 × (before − after) / before, rounded half away from zero.</param>
/// <param name="ReductionPct">The procedure's reduction against the baseline on the report date; null without a baseline.</param>
/// <param name="EffectiveFrom">The date the value in force on the report date took effect.</param>
/// <param name="DecisionRef">The decision that published it.</param>
public sealed record ProcedureCut(
    long ProcedureId, string Code, string Name, string AgencyName, ReductionMeasure Measure, decimal Before, decimal After, decimal CutPct,
    decimal? ReductionPct, DateOnly EffectiveFrom, string DecisionRef);

/// <summary>A procedure abolished in the period.</summary>
public sealed record ProcedureAbolition(long ProcedureId, string Code, string Name, string AgencyName, DateOnly AbolishedOn);

/// <summary>
/// What the online level and the boundary-free flag of the jurisdiction's procedures did in the period, each compared on
/// the previous report date and on the report date (the attributes in force on each, domain brief section 3), among the
/// procedures not abolished on the report date. A procedure that went from none to full is in online and in fullOnline.
/// </summary>
/// <param name="Online">In newly: not online (none, or nothing in force) before, partial or full after. In noLonger: partial or full before, none after.</param>
/// <param name="FullOnline">In newly: not full before, full after. In noLonger: full before, partial or none after.</param>
/// <param name="BoundaryFree">In newly: not boundary-free (or nothing in force) before, boundary-free after. In noLonger: boundary-free before, not after.</param>
public sealed record PeriodAttributeMoves(IReadOnlyList<OnlineLevelMove> Online, IReadOnlyList<OnlineLevelMove> FullOnline, IReadOnlyList<BoundaryFreeMove> BoundaryFree);

/// <summary>A procedure whose online level moved in the period.</summary>
/// <param name="Before">The online level in force on the previous report date; null when nothing was in force.</param>
/// <param name="After">The online level in force on the report date.</param>
/// <param name="EffectiveFrom">The date the online level in force on the report date took effect.</param>
/// <param name="DecisionRef">The decision that published it; null for a value recorded without one.</param>
public sealed record OnlineLevelMove(
    long ProcedureId, string Code, string Name, string AgencyName, OnlineLevel? Before, OnlineLevel After, DateOnly EffectiveFrom, string? DecisionRef);

/// <summary>A procedure whose boundary-free flag (không phụ thuộc vào địa giới hành chính) moved in the period.</summary>
/// <param name="Before">Boundary-free on the previous report date; null when nothing was in force.</param>
/// <param name="After">Boundary-free on the report date.</param>
/// <param name="EffectiveFrom">The date the flag in force on the report date took effect.</param>
/// <param name="DecisionRef">The decision that published it; null for a value recorded without one.</param>
public sealed record BoundaryFreeMove(
    long ProcedureId, string Code, string Name, string AgencyName, bool? Before, bool After, DateOnly EffectiveFrom, string? DecisionRef);

/// <summary>The laggards on the report date: the first <see cref="PeriodReports.LaggardsListed"/> of each measure, lowest reduction first, with how many there are.</summary>
public sealed record PeriodLaggards(LaggardReport Time, LaggardReport Cost);

/// <summary>The plans' milestones, each list as the task reports give it (GET /reports/tasks/done, overdue, due).</summary>
/// <param name="Done">Done in the period: done on the report date, the done entry dated in the period.</param>
/// <param name="Overdue">Overdue on the report date: not done, the deadline before it.</param>
/// <param name="Due">Due until the next report: not done on the report date, the deadline from the report date to the next report date.</param>
public sealed record PeriodTasks(TaskReport Done, TaskReport Overdue, TaskReport Due);
