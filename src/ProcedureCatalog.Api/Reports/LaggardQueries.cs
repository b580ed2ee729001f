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
        INNER JOIN target_levels t ON t.program_code = @Program AND t.indicator = @Indicator AND t.year = @Year
        {ReportQueries.Where(filterConditions)} AND p.reduction_hundredths < t.target_hundredths
        """;

    /// <summary>
    /// The page of laggards, lowest first: chosen and put in order over the figures alone, then named (the procedure's code and
    /// name, its agency and field), so that the sort holds a few numbers per laggard and only the laggards of the page are named.
    /// </summary>
    private static string LaggardPage(SqlDialect dialect, string from) =>
        $"""
        SELECT l.procedure_id, l.jurisdiction_code, pr.code, pr.name, l.agency_id, a.name AS agency_name, f.name AS field_name,
               l.baseline_value, l.current_value, l.reduction_hundredths, l.target_hundredths, l.gap_hundredths
        FROM (
            {dialect.Page($"""
            SELECT p.id AS procedure_id, p.jurisdiction_code, p.agency_id, p.field_id, p.baseline_value, p.current_value, p.reduction_hundredths,
                   t.target_hundredths, t.target_hundredths - p.reduction_hundredths AS gap_hundredths
            {from}
            ORDER BY p.reduction_hundredths, p.id
            """)}
        ) l
        INNER JOIN procedures pr ON pr.id = l.procedure_id
        INNER JOIN agencies a ON a.id = l.agency_id
        INNER JOIN fields f ON f.id = l.field_id
        ORDER BY l.reduction_hundredths, l.procedure_id
        """;

    /// <summary>The page of laggards (rows <paramref name="skip"/> + 1 on, at most <paramref name="take"/>), what they are counted from, and the parameters of both.</summary>
    private static (string Page, string From, DynamicParameters Parameters) Statement(
        SqlDialect dialect, ReductionMeasure measure, ProcedureFilter filter, ReportDates dates, long skip, int take)
    {
        var (conditions, parameters) = ProcedureQueries.Conditions(filter, dialect);
        dates.Kept(conditions);
        dates.With(parameters);
        parameters.Add("Indicator", Infrastructure.EnumText.Of(ReportQueries.IndicatorOf(measure)));
        parameters.Add("Skip", skip);
        parameters.Add("Take", take);
        var from = LaggardFrom(measure, conditions, dates.Channel is not null);
        return (LaggardPage(dialect, from), from, parameters);
    }

    public static async Task<(IReadOnlyList<LaggardRow> Rows, long Total)> Laggards(
        DbConnection connection, SqlDialect dialect, ReductionMeasure measure, ProcedureFilter filter, ReportDates dates,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var (statement, from, parameters) = Statement(dialect, measure, filter, dates, (page - 1) * (long)pageSize, pageSize);
        var rows = (await connection.QueryAsync<LaggardRow>(new CommandDefinition(statement, parameters, cancellationToken: cancellationToken))).ToList();

        // A first page that is not full holds every laggard: counted by reading them; only a later or a full page needs the count of its own.
        var total = page == 1 && rows.Count < pageSize
            ? rows.Count
            : await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) " + from, parameters, cancellationToken: cancellationToken));
        return (rows, total);
    }

    /// <summary>
    /// Every laggard, lowest first, read as it is written (a table, which has no next page): on a connection of its own,
    /// opened when the table is written, so that memory holds a row at a time whatever the catalogue's size.
    /// </summary>
    public static async IAsyncEnumerable<LaggardRow> All(
        Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect, ReductionMeasure measure, ProcedureFilter filter, ReportDates dates,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (statement, _, parameters) = Statement(dialect, measure, filter, dates, skip: 0, take: int.MaxValue);
        await using var connection = await open(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<LaggardRow>(statement, parameters).WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    internal static IEnumerable<string> Statements(SqlDialect dialect, IReadOnlyList<string> conditions)
    {
        foreach (var measure in ReportQueries.Views.Keys)
        {
            yield return "SELECT COUNT(*) " + LaggardFrom(measure, conditions);
            yield return LaggardPage(dialect, LaggardFrom(measure, conditions));
            yield return LaggardPage(dialect, LaggardFrom(measure, [.. conditions, ReportQueries.OfChannel], channel: true));
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
