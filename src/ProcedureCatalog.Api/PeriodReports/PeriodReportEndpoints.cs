using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>What every periodic report is asked for: whose, and by which program; each kind adds the parameter that names its period.</summary>
public abstract class PeriodicReportQuery
{
    /// <summary>VN or a province code (required): whose report.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The reduction program; default resolution-66.</summary>
    public string? Program { get; init; }
}

/// <summary>The query string of the monthly report.</summary>
public sealed class MonthlyReportQuery : PeriodicReportQuery
{
    /// <summary>The month, YYYY-MM (2026-11); default the latest month whose report day has come.</summary>
    public string? Month { get; init; }
}

/// <summary>The query string of the quarterly report.</summary>
public sealed class QuarterlyReportQuery : PeriodicReportQuery
{
    /// <summary>The quarter, YYYY-Qn (2026-Q4); default the latest quarter whose report day has come.</summary>
    public string? Quarter { get; init; }
}

/// <summary>The query string of the yearly report.</summary>
public sealed class YearlyReportQuery : PeriodicReportQuery
{
    /// <summary>The year, YYYY (2026); default the latest year whose report day (in December) has come.</summary>
    public string? Year { get; init; }
}

public static class PeriodReportEndpoints
{
    private const string Forms = " Three forms by Accept: JSON (default), an XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: "
        + "one sheet per part, Vietnamese headers, numbers as numbers) and a Word document in Vietnamese ready to edit and sign "
        + "(application/vnd.openxmlformats-officedocument.wordprocessingml.document: title and period, a summary paragraph, tables and the chart of the trend, "
        + "numbers written 1.234.567 đ and 33,33 %). Every figure is as of the report date, so the same request gives the same report whenever it is made; "
        + "a period whose report date is after today is a 400 naming the parameter.";

    private static readonly string Parts = " The report holds the scoreboard on the report date and its change since the previous report, the procedures whose time or "
        + $"cost was cut in the period (with the decision in force) and those abolished, the {PeriodReports.LaggardsListed} laggards of each measure (lowest first, with "
        + "their count), and the time and cost reductions at the report day of every month since the baseline.";

    public static void MapPeriodicReports(this RouteGroupBuilder api)
    {
        Declare(api.MapGet("/reports/monthly", Monthly), "GetMonthlyReport", "The monthly report of a jurisdiction",
            "As of the jurisdiction's report day (reportDay, 22 unless set) of the month, covering the days after the previous month's report day.");
        Declare(api.MapGet("/reports/quarterly", Quarterly), "GetQuarterlyReport", "The quarterly report of a jurisdiction",
            "As of the report day of the quarter's last month (March, June, September, December), covering the days after the previous quarter's report day.");
        Declare(api.MapGet("/reports/yearly", Yearly), "GetYearlyReport", "The yearly report of a jurisdiction",
            "As of the report day of December, covering the days after the previous December's report day.");
    }

    private static void Declare(RouteHandlerBuilder builder, string name, string summary, string period) => builder
        .WithTags("Reports")
        .WithName(name)
        .WithSummary(summary)
        .WithDescription(period + Parts + Forms)
        .WithExamples(response: PeriodReportExamples.November)
        .WithBinaryContent(PeriodWorkbook.MediaType, "The report as an XLSX workbook: one sheet per part (Thông tin, Chỉ tiêu, Cắt giảm trong kỳ, Bãi bỏ trong kỳ, "
            + "Chưa đạt - thời gian, Chưa đạt - chi phí, Xu hướng), Vietnamese headers in the first row, numbers as number cells, dates as date cells.")
        .WithBinaryContent(PeriodDocument.MediaType, "The report as a Word document in Vietnamese, ready to edit and sign.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .Produces<MissingTariffProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
        .WithProblemExample(StatusCodes.Status422UnprocessableEntity, MissingTariffProblem.For(["92"], 2024));

    private static Task<Results<Ok<PeriodReport>, BinaryAnswer, ValidationProblem, ProblemHttpResult>> Monthly(
        [AsParameters] MonthlyReportQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, TrendChart chart, CancellationToken cancellationToken) =>
        Periodic(PeriodKind.Month, query, query.Month, "month", context, database, clock, chart, cancellationToken);

    private static Task<Results<Ok<PeriodReport>, BinaryAnswer, ValidationProblem, ProblemHttpResult>> Quarterly(
        [AsParameters] QuarterlyReportQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, TrendChart chart, CancellationToken cancellationToken) =>
        Periodic(PeriodKind.Quarter, query, query.Quarter, "quarter", context, database, clock, chart, cancellationToken);

    private static Task<Results<Ok<PeriodReport>, BinaryAnswer, ValidationProblem, ProblemHttpResult>> Yearly(
        [AsParameters] YearlyReportQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, TrendChart chart, CancellationToken cancellationToken) =>
        Periodic(PeriodKind.Year, query, query.Year, "year", context, database, clock, chart, cancellationToken);

    private static async Task<Results<Ok<PeriodReport>, BinaryAnswer, ValidationProblem, ProblemHttpResult>> Periodic(
        PeriodKind kind, PeriodicReportQuery query, string? label, string parameter, HttpContext context, CatalogDatabase database, CatalogClock clock,
        TrendChart chart, CancellationToken cancellationToken)
    {
        var code = query.Jurisdiction;
        var errors = new Errors();
        errors.When(code is null, "jurisdiction", "jurisdiction is required: a report is of one jurisdiction, such as 92.");
        Jurisdiction.Check(code, errors);
        var named = ReportCalendar.Parse(kind, label, parameter, errors);
        var request = ReportText.Request(query.Program, null, null, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var jurisdiction = await JurisdictionQueries.Find(connection, code!, cancellationToken);
        if (jurisdiction is null)
        {
            return Problems.NotFound("Jurisdiction", code!);
        }

        var today = clock.Today;
        var period = named is { } given
            ? ReportCalendar.Period(kind, given.Year, given.Number, jurisdiction.ReportDay)
            : ReportCalendar.Latest(kind, today, jurisdiction.ReportDay);
        if (period.To > today)
        {
            return Problems.Invalid(parameter, $"The report of {period.Label} is made as of {period.To:yyyy-MM-dd} (the report day {period.ReportDay} of {jurisdiction.Code}), "
                + $"which is after today ({today:yyyy-MM-dd}): a period is reported on its report day or later.");
        }

        var (report, problem) = await PeriodReports.Build(database, connection, jurisdiction, period, request.Program, clock, cancellationToken);
        if (report is null)
        {
            return problem!;
        }

        var fileName = $"report-{EnumText.Of(kind)}-{jurisdiction.Code}-{period.Label}";
        var format = MediaNegotiation.Preferred(context.Request, "application/json", PeriodWorkbook.MediaType, PeriodDocument.MediaType);
        if (format == PeriodWorkbook.MediaType)
        {
            return new BinaryAnswer(fileName + ".xlsx", format, PeriodWorkbook.Write(report));
        }

        if (format == PeriodDocument.MediaType)
        {
            var (png, chartProblem) = Chart(chart, report);
            return new BinaryAnswer(fileName + ".docx", format, PeriodDocument.Write(report, png, chartProblem));
        }

        return TypedResults.Ok(report);
    }

    /// <summary>The chart of the report's trend as PNG, or why it cannot be drawn here (the document is made without it).</summary>
    private static (byte[]? Png, string? Problem) Chart(TrendChart chart, PeriodReport report)
    {
        try
        {
            var title = $"Cắt giảm thời gian và chi phí tuân thủ TTHC — {report.Jurisdiction.Name}";
            return (chart.Draw(report.Trend, title, report.Scoreboard.Basis.BaselineDate.Year, ChartFormat.Png), null);
        }
        catch (ChartFontMissingException missing)
        {
            return (null, missing.Message);
        }
    }
}
