namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// A procedure of one of the report's lists of online levels and boundary-free flags (<see cref="PeriodAttributeMoves"/>) as
/// the workbook and the document write it: which attribute moved, and its values before and after in Vietnamese words
/// (the online level toàn trình, một phần, không trực tuyến; boundary-free có or không; null when nothing was in force).
/// </summary>
internal sealed record MoveLine(string What, long ProcedureId, string Code, string Name, string AgencyName, string? Before, string After, DateOnly EffectiveFrom, string? DecisionRef);

internal static class MoveLines
{
    private static string YesNo(bool value) => value ? "Có" : "Không";

    private static IReadOnlyList<MoveLine> Levels(IReadOnlyList<OnlineLevelMove> moves, string what) => moves.Select(move =>
        new MoveLine(what, move.ProcedureId, move.Code, move.Name, move.AgencyName, PeriodNames.OnlineLevel(move.Before), PeriodNames.OnlineLevel(move.After)!,
            move.EffectiveFrom, move.DecisionRef)).ToList();

    public static IReadOnlyList<MoveLine> Online(PeriodAttributeMoves moves) => Levels(moves.Online, "Trực tuyến");

    public static IReadOnlyList<MoveLine> FullOnline(PeriodAttributeMoves moves) => Levels(moves.FullOnline, "Trực tuyến toàn trình");

    public static IReadOnlyList<MoveLine> BoundaryFree(PeriodAttributeMoves moves) => moves.BoundaryFree.Select(move =>
        new MoveLine("Không phụ thuộc địa giới hành chính", move.ProcedureId, move.Code, move.Name, move.AgencyName, move.Before is { } before ? YesNo(before) : null,
            YesNo(move.After), move.EffectiveFrom, move.DecisionRef)).ToList();

    /// <summary>All three lists in one: what went the other way in the period (no longer online, no longer full, no longer boundary-free).</summary>
    public static IReadOnlyList<MoveLine> All(PeriodAttributeMoves moves) => [.. Online(moves), .. FullOnline(moves), .. BoundaryFree(moves)];
}
