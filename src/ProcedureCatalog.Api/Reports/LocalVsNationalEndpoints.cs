using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Reports;

public static class LocalVsNationalEndpoints
{
    public static void MapLocalVsNational(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/local-vs-national", Report)
            .WithTags("Reports")
            .WithName("GetLocalVsNational")
            .WithSummary("A province's procedures against the national ones they implement")
            .WithDescription("On asOf (default today in Vietnam): the province's procedures whose processing time (in working days) or fee (phí, lệ phí, in đồng) "
                + "in force exceeds that of the national procedure they implement (implements), and the national procedures performed by the provinces "
                + "(of the central catalogue, level other than central) that none of its procedures implements. Only procedures active on asOf count. "
                + "JSON by default; Accept: text/csv or the XLSX media type for the same rows as a table with Vietnamese headers.")
            .WithExamples(response: LocalVsNationalExamples.Report)
            .WithCsvExample(LocalVsNationalExamples.Columns(LocalVsNationalExamples.Report), LocalVsNationalExamples.Report.Rows)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<LocalVsNationalReport>, CsvTable<LocalVsNationalRow>, XlsxTable<LocalVsNationalRow>, ValidationProblem, ProblemHttpResult>> Report(
        [AsParameters] LocalVsNationalQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        errors.When(query.Jurisdiction is null, "jurisdiction", "jurisdiction is required: the province whose catalogue is compared with the national one.");
        Jurisdiction.Check(query.Jurisdiction, errors);
        var asOf = ReportText.Date(query.AsOf, "asOf", errors) ?? clock.Today;
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var jurisdiction = await JurisdictionQueries.Find(connection, query.Jurisdiction!, cancellationToken);
        if (jurisdiction is null)
        {
            return Problems.NotFound("Jurisdiction", query.Jurisdiction!);
        }

        if (jurisdiction.Level == "central")
        {
            return Problems.Invalid("jurisdiction", $"'{jurisdiction.Code}' is the national catalogue; compare a province's catalogue with it.");
        }

        var rows = (await LocalVsNationalQueries.Rows(connection, jurisdiction.Code, asOf, cancellationToken)).Select(row => row.ToContract()).ToList();
        var report = new LocalVsNationalReport(jurisdiction.Code, asOf, rows.Count(row => row.Finding == LocalFinding.Exceeds),
            rows.Count(row => row.Finding == LocalFinding.NotImplemented), rows);
        return ReportEndpoints.Answer(MediaNegotiation.Table(context.Request), report, $"local-vs-national-{jurisdiction.Code}-{asOf:yyyy-MM-dd}",
            LocalVsNationalExamples.Columns(report), rows);
    }
}
