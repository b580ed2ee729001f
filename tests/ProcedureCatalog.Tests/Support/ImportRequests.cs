namespace ProcedureCatalog.Tests.Support;

public static class ImportRequests
{
    /// <summary>Sends a file to the import of a jurisdiction and polls it until it has ended (a minute at most).</summary>
    public static async Task<ProcedureCatalog.Api.Transfers.ImportStatus> ImportAndWait(
        this HttpClient client, string jurisdiction, HttpContent content, string mediaType, bool dryRun = false, bool createMissing = false)
    {
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        var response = await client.PostAsync(
            $"/api/v1/jurisdictions/{jurisdiction}/imports?dryRun={(dryRun ? "true" : "false")}&createMissing={(createMissing ? "true" : "false")}", content,
            TestContext.Current.CancellationToken);
        var accepted = await response.ReadAs<ProcedureCatalog.Api.Transfers.ImportStatus>(System.Net.HttpStatusCode.Accepted);
        Assert.Equal($"/api/v1/imports/{accepted.Id}", response.Headers.Location?.ToString());
        return await client.WaitForImport(accepted.Id);
    }

    public static async Task<ProcedureCatalog.Api.Transfers.ImportStatus> WaitForImport(this HttpClient client, string id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var status = await (await client.Get($"/api/v1/imports/{id}")).ReadAs<ProcedureCatalog.Api.Transfers.ImportStatus>(System.Net.HttpStatusCode.OK);
            if (status.Status is "succeeded" or "failed")
            {
                return status;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The import did not finish within a minute.");
    }
}
