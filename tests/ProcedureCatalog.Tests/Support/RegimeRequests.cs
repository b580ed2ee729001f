using System.Net;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.ReportingRegimes;

namespace ProcedureCatalog.Tests.Support;

/// <summary>Reporting regimes made and read through the public API, as clients do.</summary>
public static class RegimeRequests
{
    public static ReportingRegimeCreate Regime(
        string jurisdiction, string name, long agencyId, ReportingFrequency frequency = ReportingFrequency.Yearly, ElectronicEntryInput? electronic = null,
        ProcedureStatus? status = null, DateOnly? abolishedOn = null) =>
        new(jurisdiction, name, "Nghị định 145/2020/NĐ-CP, Điều 4", agencyId, frequency, status, abolishedOn, electronic);

    public static ElectronicEntryInput Electronic(bool electronic, string? effectiveFrom, string decision = "1/QĐ-UBND") =>
        new(electronic, effectiveFrom is null ? null : DateOnly.Parse(effectiveFrom, System.Globalization.CultureInfo.InvariantCulture), decision);

    public static async Task<ReportingRegime> CreateRegime(this HttpClient client, ReportingRegimeCreate input) =>
        await (await client.PostJson("/api/v1/reporting-regimes", input)).ReadAs<ReportingRegime>(HttpStatusCode.Created);

    public static async Task<ElectronicEntry> AppendElectronic(this HttpClient client, long regimeId, ElectronicEntryInput entry) =>
        await (await client.PostJson($"/api/v1/reporting-regimes/{regimeId}/electronic-history", entry)).ReadAs<ElectronicEntry>(HttpStatusCode.Created);

    public static async Task<ReportingRegime> GetRegime(this HttpClient client, long id, string? asOf = null) =>
        await (await client.Get($"/api/v1/reporting-regimes/{id}{(asOf is null ? string.Empty : $"?asOf={asOf}")}")).ReadAs<ReportingRegime>(HttpStatusCode.OK);

    /// <summary>Sends a file to the regime import of a jurisdiction.</summary>
    public static Task<HttpResponseMessage> ImportRegimes(this HttpClient client, string jurisdiction, byte[] file, string mediaType, bool dryRun = false)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return client.PostAsync($"/api/v1/jurisdictions/{jurisdiction}/reporting-regimes/import?dryRun={(dryRun ? "true" : "false")}", content,
            TestContext.Current.CancellationToken);
    }

    /// <summary>The export of a jurisdiction's regimes in a format (csv, xlsx, json), as bytes.</summary>
    public static async Task<byte[]> ExportRegimes(this HttpClient client, string jurisdiction, string format, string? asOf = null)
    {
        var response = await client.Get($"/api/v1/jurisdictions/{jurisdiction}/reporting-regimes/export?format={format}{(asOf is null ? string.Empty : $"&asOf={asOf}")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
