using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>The trend as a table: the scoreboard's own columns (<see cref="ReportMappings.ScoreboardColumns"/>), one row per date and indicator.</summary>
internal static class TrendMappings
{
    /// <summary>The columns of the scoreboard, each read from the scoreboard of the row's date.</summary>
    public static IReadOnlyList<CsvColumn<TrendRow>> Columns(IReadOnlyList<Scoreboard> points)
    {
        var byBoard = points.Distinct(ReferenceEqualityComparer.Instance).Cast<Scoreboard>().ToDictionary<Scoreboard, Scoreboard, IReadOnlyList<CsvColumn<ScoreboardIndicator>>>(board => board, ReportMappings.ScoreboardColumns, ReferenceEqualityComparer.Instance);
        var headers = points.Count > 0 ? byBoard[points[0]] : ReportMappings.ScoreboardColumns(TrendExamples.Trend.Points[0]);
        return headers.Select((column, index) => new CsvColumn<TrendRow>(
            column.Header, row => (byBoard.TryGetValue(row.Board, out var columns) ? columns : ReportMappings.ScoreboardColumns(row.Board))[index].Value(row.Indicator))).ToList();
    }
}
