using System.Net;
using ProcedureCatalog.Api.Plans;

namespace ProcedureCatalog.Tests.Support;

/// <summary>Plans and annexes as the tests send them.</summary>
public static class PlanRequests
{
    private static int numbers;

    public const string AnnexHeader = "STT,Nội dung thực hiện,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Kết quả/Sản phẩm";

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A new plan of the jurisdiction with a number of its own.</summary>
    public static async Task<Plan> NewPlan(this HttpClient client, string jurisdiction = "92")
    {
        var number = $"{Interlocked.Increment(ref numbers) + 900}/KH-UBND";
        return await (await client.PostJson("/api/v1/plans",
                new PlanCreate(jurisdiction, number, new DateOnly(2026, 1, 15), "UBND thành phố Cần Thơ", $"Kế hoạch thử {number}", null)))
            .ReadAs<Plan>(HttpStatusCode.Created);
    }

    /// <summary>The header row of the seed tables, then the rows given.</summary>
    public static string Annex(params string[] rows) => string.Join("\n", rows.Prepend(AnnexHeader)) + "\n";

    public static Task<HttpResponseMessage> PostAnnex(this HttpClient client, long planId, string csv, bool dryRun = false) =>
        client.PostAnnex(planId, System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", dryRun);

    public static Task<HttpResponseMessage> PostAnnex(this HttpClient client, long planId, byte[] file, string mediaType, bool dryRun = false)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return client.PostAsync($"/api/v1/plans/{planId}/annex{(dryRun ? "?dryRun=true" : string.Empty)}", content, TestContext.Current.CancellationToken);
    }

    /// <summary>The 422 of an annex with rows that cannot be taken: its row errors.</summary>
    public static async Task<IReadOnlyList<AnnexRowError>> RowErrors(this HttpResponseMessage response)
    {
        var errors = await response.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(errors);
        var problem = System.Text.Json.JsonSerializer.Deserialize<AnnexImportProblem>(
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), CatalogApiFactory.Json)!;
        Assert.Equal(problem.RowErrors.Count, problem.ErrorCount);
        return problem.RowErrors;
    }

    public static async Task<IReadOnlyList<PlanTask>> Tasks(this HttpClient client, long planId) =>
        await (await client.Get($"/api/v1/plans/{planId}/tasks")).ReadAs<List<PlanTask>>(HttpStatusCode.OK);
}
