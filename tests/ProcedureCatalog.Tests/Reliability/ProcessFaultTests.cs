using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Transfers;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Reliability;

/// <summary>The service killed with SIGKILL in the middle of a burst of writes and of a bulk import, then started again.</summary>
[Trait("Category", Categories.Slow)]
public sealed class ProcessFaultTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected) => await response.ReadAs<T>(expected);

    [Fact]
    public async Task EvenTraceLogsNeverContainAKey()
    {
        await using var service = new ServiceProcess { LogLevel = "Trace" };
        await service.Start();
        await service.UseAdminKey();
        var key = service.Client.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        await new CatalogBuilder(service.Client).Procedure("92", "1.980001");
        using var wrong = new HttpClient { BaseAddress = service.Client.BaseAddress };
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "pck_0123456789_thisIsAGuessedSecretValue");
        await (await wrong.PostJson("/api/v1/fields", new ProcedureCatalog.Api.Fields.FieldInput("x"))).Problem(HttpStatusCode.Unauthorized);
        await service.Kill();
        var log = string.Join("\n", service.Log);
        Assert.Contains("Request finished", log, StringComparison.Ordinal);
        Assert.DoesNotContain(key[15..], log, StringComparison.Ordinal);
        Assert.DoesNotContain("thisIsAGuessedSecretValue", log, StringComparison.Ordinal);
        Assert.DoesNotContain(ProcedureCatalog.Api.Access.ApiKeys.Hash(key), log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KilledDuringABurstOfWritesEveryAcknowledgedWriteIsThereAfterARestart()
    {
        await using var service = new ServiceProcess();
        await service.Start();
        await service.UseAdminKey();
        var build = new CatalogBuilder(service.Client);
        var procedures = new List<ProcedureDetail>();
        for (var index = 0; index < 3; index++)
        {
            procedures.Add(await build.Procedure("92", $"1.97000{index}"));
        }

        var acknowledged = new ConcurrentBag<(long Procedure, long Entry)>();
        var client = service.Client;
        async Task Writer(int writer)
        {
            for (var step = 0; ; step++)
            {
                var procedure = procedures[(writer + step) % procedures.Count];
                HttpResponseMessage response;
                try
                {
                    response = await client.PostJson($"/api/v1/procedures/{procedure.Id}/time-history",
                        new TimeEntryInput(new DateOnly(2025, 1, 1).AddDays(step % 300), 1 + (step % 30), TimeUnit.WorkingDays, $"{writer}-{step}/QĐ"));
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ObjectDisposedException)
                {
                    return; // the service is gone
                }

                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add((procedure.Id, (await response.Content.ReadFromJsonAsync<TimeEntry>(CatalogApiFactory.Json))!.Id));
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(Writer).ToList();
        while (acknowledged.Count < 100)
        {
            await Task.Delay(20, Cancel);
        }

        await service.Kill();
        await Task.WhenAll(writers);

        await service.Start();
        var feed = await Read<ChangePage>(await service.Client.Get("/api/v1/changes?limit=1000"), HttpStatusCode.OK);
        foreach (var procedure in procedures)
        {
            var history = await Read<List<TimeEntry>>(await service.Client.Get($"/api/v1/procedures/{procedure.Id}/time-history"), HttpStatusCode.OK);
            var stored = history.Select(entry => entry.Id).ToHashSet();
            Assert.All(acknowledged.Where(entry => entry.Procedure == procedure.Id), entry => Assert.Contains(entry.Entry, stored));
            var detail = await Read<ProcedureDetail>(await service.Client.Get($"/api/v1/procedures/{procedure.Id}"), HttpStatusCode.OK);
            Assert.Equal(procedure.Version + history.Count, detail.Version);
            var events = feed.Items.Where(change => change.ProcedureId == procedure.Id && change.Entity == "time-entry").Select(change => long.Parse(change.EntityKey, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(stored.Order(), events.Order());
        }

        await using var connection = new SqliteConnection(service.ConnectionString);
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task KilledDuringAnImportTheImportResumesAfterItsLastBatchAndAppliesEveryRecordOnce()
    {
        await using var service = new ServiceProcess();
        await service.Start();
        await service.UseAdminKey();
        await Read<Jurisdiction>(await service.Client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate("92", "Thành phố Cần Thơ", JurisdictionLevel.Province)), HttpStatusCode.Created);

        const int rows = 30_000;
        var csv = new StringBuilder("code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,timeEffectiveFrom,timeAmount,timeUnit,timeDecisionRef,documents\n");
        for (var row = 0; row < rows; row++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"1.{row:D6},Thủ tục số {row},province,external,true,full,true,true,Lĩnh vực {row % 12},Sở số {row % 20},2024-01-01,{1 + (row % 30)},working-days,1/QĐ,\"Đơn đề nghị\n* Bản sao căn cước\"\n");
        }

        var content = new StringContent(csv.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var accepted = await Read<ImportStatus>(await service.Client.PostAsync("/api/v1/jurisdictions/92/imports?createMissing=true", content, Cancel), HttpStatusCode.Accepted);
        ImportStatus running;
        do
        {
            await Task.Delay(50, Cancel);
            running = await Read<ImportStatus>(await service.Client.Get($"/api/v1/imports/{accepted.Id}"), HttpStatusCode.OK);
        }
        while (running.Status != "running" || running.ProcessedRows == 0);

        // Killed in the middle of applying (batches of 200 committed one by one), or earlier while the file is checked.
        Assert.True(running.AppliedRows < rows, $"killed mid-way: {running.ProcessedRows} of {rows} rows checked, {running.AppliedRows} applied");
        await service.Kill();

        await using (var connection = new SqliteConnection(service.ConnectionString))
        {
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            var applied = await connection.ExecuteScalarAsync<long>("SELECT applied_rows FROM imports WHERE id = @Id", new { accepted.Id });
            // Exactly the committed batches are there: never half a batch.
            Assert.Equal(applied, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM procedures"));
            Assert.Equal(0, applied % 200);
            Assert.Equal("running", await connection.ExecuteScalarAsync<string>("SELECT status FROM imports WHERE id = @Id", new { accepted.Id }));
        }

        SqliteConnection.ClearAllPools();
        await service.Start();
        ImportStatus finished;
        do
        {
            await Task.Delay(200, Cancel);
            finished = await Read<ImportStatus>(await service.Client.Get($"/api/v1/imports/{accepted.Id}"), HttpStatusCode.OK);
        }
        while (finished.Status is "queued" or "running");

        Assert.Equal(("succeeded", (long)rows, (long)rows), (finished.Status, finished.Created, finished.AppliedRows));
        var page = await Read<ProcedureCatalog.Api.Infrastructure.PageOf<ProcedureSummary>>(await service.Client.Get("/api/v1/procedures?jurisdiction=92&pageSize=1"), HttpStatusCode.OK);
        Assert.Equal(rows, page.TotalCount);
        await using (var connection = new SqliteConnection(service.ConnectionString))
        {
            // Every record once: one creation in the feed and one time entry per procedure, 20 agencies.
            Assert.Equal(rows, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM changes WHERE entity = 'procedure' AND action = 'created'"));
            Assert.Equal(rows, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM time_history"));
            Assert.Equal(20, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE jurisdiction_code = '92'"));
        }
    }
}
