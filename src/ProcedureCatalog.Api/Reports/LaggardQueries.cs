using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>The laggards (GET /reports/laggards): the rows of a measure's view that hold @AsOf and fall short of the year's target, lowest first.</summary>
internal static class LaggardQueries
{
    private static string LaggardFrom(ReductionMeasure measure, IReadOnlyList<string> filterConditions, bool channel = false) =>
        $"""
        FROM {ReportQueries.ViewOf(measure, channel)} p
        INNER JOIN agencies a ON a.id = p.agency_id
        INNER JOIN fields f ON f.id = p.field_id
        INNER JOIN target_levels t ON t.program_code = @Program AND t.indicator = @Indicator AND t.year = @Year
        {ReportQueries.Where(filterConditions)} AND p.reduction_hundredths < t.target_hundredths
        """;

    private const string LaggardSelect =
        """
        SELECT p.id AS procedure_id, p.jurisdiction_code, p.code, p.name, p.agency_id, a.name AS agency_name, f.name AS field_name,
               p.baseline_value, p.current_value, p.reduction_hundredths, t.target_hundredths,
               t.target_hundredths - p.reduction_hundredths AS gap_hundredths
        """;

    private const string LaggardOrder = " ORDER BY p.reduction_hundredths, p.id";

    public static async Task<(IReadOnlyList<LaggardRow> Rows, long Total)> Laggards(
        DbConnection connection, SqlDialect dialect, ReductionMeasure measure, ProcedureFilter filter, ReportDates dates,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        dates.Kept(conditions);
        dates.With(parameters);
        parameters.Add("Indicator", Infrastructure.EnumText.Of(ReportQueries.IndicatorOf(measure)));
        var from = LaggardFrom(measure, conditions, dates.Channel is not null);
        parameters.Add("Skip", (page - 1) * (long)pageSize);
        parameters.Add("Take", pageSize);
        var rows = (await connection.QueryAsync<LaggardRow>(new CommandDefinition(
            dialect.Page(LaggardSelect + " " + from + LaggardOrder),
            parameters, cancellationToken: cancellationToken))).ToList();

        // A first page that is not full holds every laggard (every one of a table, which is sent whole): counted by reading
        // them; only a later or a full page needs the count of its own.
        var total = page == 1 && rows.Count < pageSize
            ? rows.Count
            : await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) " + from, parameters, cancellationToken: cancellationToken));
        return (rows, total);
    }

    internal static IEnumerable<string> Statements(SqlDialect dialect, IReadOnlyList<string> conditions)
    {
        foreach (var measure in ReportQueries.Views.Keys)
        {
            yield return "SELECT COUNT(*) " + LaggardFrom(measure, conditions);
            yield return dialect.Page(LaggardSelect + " " + LaggardFrom(measure, conditions) + LaggardOrder);
            yield return dialect.Page(LaggardSelect + " " + LaggardFrom(measure, [.. conditions, ReportQueries.OfChannel], channel: true) + LaggardOrder);
        }
    }
}

internal sealed record LaggardRow
{
    public long ProcedureId { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public long AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public required string FieldName { get; init; }
    public long BaselineValue { get; init; }
    public long CurrentValue { get; init; }
    public long ReductionHundredths { get; init; }
    public long TargetHundredths { get; init; }
    public long GapHundredths { get; init; }
}
