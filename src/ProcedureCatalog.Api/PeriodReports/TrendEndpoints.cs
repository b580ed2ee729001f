using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

public static class TrendEndpoints
{
    public static void MapTrend(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/trend", Trend)
            .WithTags("Reports")
            .WithName("GetTrend")
            .WithSummary("Every scoreboard indicator at each date of a series, or its chart")
            .WithDescription("The scoreboard of the jurisdiction (or all) at the day of every month (step month), of the last month of every quarter (quarter) or "
                + "of every December (year) from from to to, each point exactly what GET /reports/scoreboard answers for that asOf (the targets of the date's year). "
                + $"At most {Trends.MaxPoints} points. As a table (Accept: text/csv or the XLSX type) one row per date and indicator, with the scoreboard's columns. "
                + "Accept: image/png or image/svg+xml gives the line chart of the time and cost reductions against the targets of each year (30 % in 2025, 50 % in 2026), "
                + "in Vietnamese; 503 when the server has no font with Vietnamese letters (fonts-dejavu-core or fonts-noto-core).")
            .WithExamples(response: TrendExamples.Trend)
            .WithCsvExample(TrendExamples.Columns, TrendExamples.Rows)
            .WithBinaryContent(TrendChart.PngMediaType, "The line chart (PNG, 1000 × 560) of the time and cost reductions at each date against the year's target, in Vietnamese.")
            .WithBinaryContent(TrendChart.SvgMediaType, "The same chart as SVG.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<MissingTariffProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .WithProblemExample(StatusCodes.Status422UnprocessableEntity, MissingTariffProblem.For(["08"], 2024));
    }

    private static async Task<Results<Ok<TrendReport>, CsvTable<TrendRow>, XlsxTable<TrendRow>, BinaryAnswer, ValidationProblem, ProblemHttpResult>> Trend(
        [AsParameters] TrendQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, TrendChart chart, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var jurisdiction = Jurisdiction.Check(query.Jurisdiction, errors);
        var from = ReportText.Date(query.From, "from", errors);
        var to = ReportText.Date(query.To, "to", errors);
        var step = ProcedureFilterQuery.ParseEnum<TrendStep>(query.Step, "step", errors) ?? TrendStep.Month;
        var day = ReportCalendar.Day(query.Day, "day", errors);
        var request = ReportText.Request(query.Program, null, null, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var found = jurisdiction is null ? null : await JurisdictionQueries.Find(connection, jurisdiction, cancellationToken);
        if (jurisdiction is not null && found is null)
        {
            return Problems.NotFound("Jurisdiction", jurisdiction);
        }

        var program = await Targets.TargetQueries.Program(connection, request.Program, cancellationToken);
        if (program is null)
        {
            return Problems.NotFound("Reduction program", request.Program);
        }

        var start = from ?? program.BaselineDate;
        var end = to ?? await DefaultEnd(connection, program.Code, clock.Today, cancellationToken);
        if (end < start)
        {
            return Problems.Invalid(to is null ? "from" : "to", $"to ({end:yyyy-MM-dd}) is before from ({start:yyyy-MM-dd}).");
        }

        var reportDay = day ?? found?.ReportDay ?? Jurisdiction.DefaultReportDay;
        var dates = ReportCalendar.Steps(start, end, step, reportDay).Take(Trends.MaxPoints + 1).ToList();
        if (dates.Count > Trends.MaxPoints)
        {
            return Problems.Invalid("to", $"From {start:yyyy-MM-dd} to {end:yyyy-MM-dd} by {EnumText.Of(step)} is more than {Trends.MaxPoints} points; ask for a shorter span or a longer step.");
        }

        if (dates.Count == 0)
        {
            return Problems.Invalid("from", $"No day {reportDay} of a {EnumText.Of(step)} falls from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.");
        }

        var (points, problem) = await Trends.Boards(database, connection, program.Code, jurisdiction, dates, clock, cancellationToken);
        if (points is null)
        {
            return problem!;
        }

        var report = new TrendReport(program.Code, jurisdiction, start, end, step, reportDay, points);
        var fileName = $"trend-{jurisdiction ?? "all"}-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}";
        var format = MediaNegotiation.Preferred(context.Request,
            "application/json", CsvTable<object>.MediaType, XlsxTable<object>.MediaType, TrendChart.PngMediaType, TrendChart.SvgMediaType);
        if (format is TrendChart.PngMediaType or TrendChart.SvgMediaType)
        {
            var title = $"Cắt giảm thời gian và chi phí tuân thủ TTHC — {found?.Name ?? "Cả nước"}";
            try
            {
                var image = chart.Draw(points.Select(ReductionPoint.Of).ToList(), title, program.BaselineDate.Year,
                    format == TrendChart.PngMediaType ? ChartFormat.Png : ChartFormat.Svg);
                return new BinaryAnswer(fileName + (format == TrendChart.PngMediaType ? ".png" : ".svg"), format, image, inline: true);
            }
            catch (ChartFontMissingException missing)
            {
                return ChartUnavailable(missing);
            }
        }

        var rows = points.SelectMany(board => board.Indicators.Select(indicator => new TrendRow(board, indicator))).ToList();
        var columns = TrendMappings.Columns(points);
        return format switch
        {
            CsvTable<object>.MediaType => new CsvTable<TrendRow>(fileName + ".csv", columns, rows),
            XlsxTable<object>.MediaType => new XlsxTable<TrendRow>(fileName + ".xlsx", columns, rows),
            _ => TypedResults.Ok(report),
        };
    }

    /// <summary>503: this server cannot draw the chart (no font with Vietnamese letters); the figures are still there as JSON, CSV or XLSX.</summary>
    internal static ProblemHttpResult ChartUnavailable(ChartFontMissingException missing) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The chart cannot be drawn on this server",
        detail: missing.Message + " The figures are there without the chart: ask for application/json, text/csv or the XLSX type.");

    /// <summary>Today, but no later than the program's last judging date: a trend by default stops where the program ends.</summary>
    private static async Task<DateOnly> DefaultEnd(System.Data.Common.DbConnection connection, string program, DateOnly today, CancellationToken cancellationToken)
    {
        var years = await ReportQueries.YearsWithTargets(connection, program, cancellationToken);
        if (years.Count == 0)
        {
            return today;
        }

        var last = (await ReportQueries.TargetsOfYear(connection, program, years[^1], cancellationToken)).Max(target => target.JudgedOn);
        return last < today ? last : today;
    }
}
