using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Infrastructure.Pipeline;
using ProcedureCatalog.Api.Transfers;

namespace ProcedureCatalog.Api.Plans;

public static class AnnexEndpoints
{
    private const string XlsxMediaType = XlsxTable<object>.MediaType;

    /// <summary>An annex is a table: the catalogue import's CSV and XLSX.</summary>
    private static readonly IReadOnlyDictionary<string, ImportFormat> MediaTypes = ImportFiles.MediaTypes
        .Where(type => type.Value is ImportFormat.Csv or ImportFormat.Xlsx).ToDictionary(StringComparer.OrdinalIgnoreCase);

    public static void MapPlanAnnex(this RouteGroupBuilder api)
    {
        api.MapPost("/plans/{planId:long}/annex", Import)
            .WithTags(PlanEndpoints.Tag)
            .WithName("ImportPlanAnnex")
            .WithSummary("Import a plan's annex of tasks (CSV or XLSX)")
            .WithDescription("Sends the annex table of a plan (Phụ lục danh mục các nhiệm vụ) in its own columns: STT, Nội dung thực hiện, Cơ quan chủ trì, "
                + "Cơ quan phối hợp, Thời gian thực hiện, Kết quả/Sản phẩm (header row first; only STT and Nội dung thực hiện are required). A row whose STT is a "
                + "Roman numeral is a section heading; blank rows and repeated header rows are passed over. Deadlines in the plans' words become milestones: "
                + "\"Trước ngày 30 tháng 8 năm 2025\", \"Hoàn thành trước ngày 31 tháng 8 năm 2025\", \"trước ngày 20/6/2025\", \"Trong năm 2025\", \"đến năm 2026\", "
                + "\"Thường xuyên\", and several in one cell, each after what it is for (\"… năm 2025 trước ngày 20 tháng 6 năm 2025 và năm 2026 trước ngày 20 tháng 6 "
                + "năm 2026\"). Agencies are separated by line breaks, semicolons or a comma before the next agency; a name that is one of the jurisdiction's agencies "
                + "(as written, or completed with the jurisdiction's name: \"Sở Tài chính\" of Cần Thơ) refers to it, any other stays the plan's words. "
                + "All or nothing: a row without content, a number given twice or under a task the plan lacks, or a deadline that cannot be read (a date that does "
                + "not exist, words this service does not read) is a 422 naming its row (as Excel numbers it), column and text, and nothing is written. dryRun=true "
                + "checks and shows what would be written. The file is at most the service's body limit (1 MiB by default).")
            .Accepts<string>("text/csv", XlsxMediaType)
            .WithRequestContent("text/csv", RequestContentKind.Text, PlanExamples.AnnexCsv)
            .WithRequestContent(XlsxMediaType, RequestContentKind.Binary, "(an XLSX workbook: one sheet, the CSV's columns in its first row, a task a row)")
            .WithExamples(response: PlanExamples.AnnexImported)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<AnnexImportProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .WithProblemExample(StatusCodes.Status422UnprocessableEntity, PlanExamples.AnnexProblem);
    }

    /// <param name="planId">The plan's id.</param>
    /// <param name="dryRun">true: read and check only, write nothing; the answer shows the tasks and milestones that would be written.</param>
    private static async Task<Results<Ok<AnnexImport>, Created<AnnexImport>, ValidationProblem, ProblemHttpResult>> Import(
        long planId, bool? dryRun, [AsParameters] CatalogRequest request)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.Http.Request.ContentType, out var parsed) ? parsed.MediaType.ToString() : null;
        if (mediaType is null || !MediaTypes.TryGetValue(mediaType, out var format))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                detail: $"Send the annex with Content-Type one of: {string.Join(", ", MediaTypes.Keys)}.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"annex-{Guid.NewGuid():N}.{EnumText.Of(format)}");
        try
        {
            var limit = request.Http.RequestServices.GetRequiredService<IOptionsMonitor<LimitsOptions>>().CurrentValue.MaxJsonBodyBytes;
            switch ((await Uploads.Receive(request.Http, path, limit, _ => null, request.Cancellation)).Refusal)
            {
                case ValidationProblem invalid:
                    return invalid;
                case ProblemHttpResult problem:
                    return problem;
            }

            await using var write = await request.BeginWriteAsync();
            if (await PlanEndpoints.Find(write, planId) is not { } plan)
            {
                return Problems.NotFound("Plan", planId);
            }

            if (request.Refuse(plan.JurisdictionCode) is { } forbidden)
            {
                return forbidden;
            }

            var (agencies, numbers) = await AnnexReader.Context(write.Connection, write.Transaction, plan, write.Cancellation);
            AnnexReading reading;
            try
            {
                reading = AnnexReader.ReadFile(path, format, agencies, numbers);
            }
            catch (ImportFileException unreadable)
            {
                return Problems.Invalid("body", unreadable.Message);
            }

            if (reading.FileErrors.Any)
            {
                return Problems.Invalid(reading.FileErrors.ToDictionary());
            }

            if (reading.ErrorCount > 0)
            {
                return TypedResults.Problem(new AnnexImportProblem(reading.RowErrors, reading.ErrorCount));
            }

            if (dryRun == true)
            {
                return TypedResults.Ok(AnnexReader.Answer(planId, true, reading, agencies, null));
            }

            var ids = await AnnexReader.Apply(write.Connection, write.Transaction, write.Dialect, plan, reading.Tasks, Actor.Of(write.Caller), write.Now, write.Cancellation);
            await write.CommitAsync();
            return TypedResults.Created($"/api/v1/plans/{planId}/tasks", AnnexReader.Answer(planId, false, reading, agencies, ids));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
