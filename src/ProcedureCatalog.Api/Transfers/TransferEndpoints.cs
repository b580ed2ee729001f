using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Infrastructure.Pipeline;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Transfers;

public static class TransferEndpoints
{
    private const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string NdjsonMediaType = "application/x-ndjson";

    public static void MapTransfers(this RouteGroupBuilder api)
    {
        api.MapPost("/jurisdictions/{jurisdiction}/imports", Import)
            .WithTags("Bulk import and export")
            .WithName("ImportCatalogue")
            .WithSummary("Import a whole catalogue (CSV, XLSX, JSON or NDJSON)")
            .WithDescription("Sends a jurisdiction's catalogue in the columns of the export (code, name, level, kind, businessRelated, onlineLevel, fullOnlineEligible, "
                + "boundaryFree, field, agency, lastReviewedOn, status, abolishedOn, time…, cost…, documents; in JSON also documents as objects, legalBasis, "
                + "timeHistory and costHistory, as the NDJSON export writes them). The answer is 202 with the import's address: poll it for progress and the result. "
                + "The whole file is checked first and nothing is written unless every record is good: each bad record is reported with its row as Excel numbers "
                + "it (the header is row 1), its code, the column and the reason (the first 1000 listed, errorCount counts all). With dryRun=true that check is all, "
                + "and the answer says what would be created, changed and left alone. A good file is then applied in batches committed one by one, so that other "
                + "writers are not held up for the whole file; a stop in the middle resumes after the last batch (appliedRows), so the file is applied whole. "
                + "Agencies and fields must exist, matched ignoring case and Unicode form; createMissing=true creates the missing ones (fields only with an admin "
                + "key). A procedure already as the record says is left alone; a document of the same name keeps its id; a time or cost entry is added unless "
                + "already in its history. A record is at most 1 MiB and 100 columns; an import that cannot finish ends failed with the reason. 503 with "
                + "Retry-After when the uploads waiting for their import hold the disk the service allows.")
            .Accepts<string>("text/csv", XlsxMediaType, "application/json", NdjsonMediaType)
            .WithRequestContent("text/csv", RequestContentKind.Text, TransferExamples.Csv)
            .WithRequestContent(XlsxMediaType, RequestContentKind.Binary, "(an XLSX workbook: one sheet, the CSV's columns in its first row, a procedure a row)")
            .WithRequestContent("application/json", RequestContentKind.ArrayOfObjects, "[" + TransferExamples.Ndjson.Trim() + "]")
            .WithRequestContent(NdjsonMediaType, RequestContentKind.Text, TransferExamples.Ndjson)
            .WithExamples(response: TransferExamples.Queued)
            .WithMetadata(new Limits.LargeBody())
            .DisableRequestTimeout()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/imports/{id}", GetImport)
            .WithTags("Bulk import and export")
            .WithName("GetImport")
            .WithSummary("Progress and result of an import")
            .WithDescription("status queued or running with processedRows (records checked) and appliedRows (records applied) while it runs; then succeeded "
                + "(created, updated, unchanged; createdNames with createMissing) or failed with the reason: bad records (nothing was written; errors lists them "
                + "with their row, code and column), or a file that cannot be read, or an import stopped too often in its middle.")
            .WithExamples(response: TransferExamples.Failed)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/jurisdictions/{jurisdiction}/export", Export)
            .WithTags("Bulk import and export")
            .WithName("ExportCatalogue")
            .WithSummary("Export a jurisdiction's catalogue (CSV, XLSX or NDJSON), streamed")
            .WithDescription("Every procedure of the jurisdiction with the time and cost in force on asOf (default today), in the columns the import takes, "
                + "so that an export imports back unchanged. format csv (default), xlsx or ndjson, or by Accept. CSV and XLSX carry documents by name (a "
                + "document kept on import keeps its other fields); ndjson carries every field the API holds: documents as objects, the legal basis, and with "
                + "history=true every time and cost entry. A CSV cell that Excel would run as a formula is written with a leading apostrophe, which the import "
                + "takes off again. Rows are streamed from the database as they are read.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", XlsxMediaType, NdjsonMediaType)
            .WithContentExample("text/csv", TransferExamples.Csv)
            .WithContentExample(NdjsonMediaType, TransferExamples.Ndjson)
            .WithContentExample(XlsxMediaType, "(an XLSX workbook: one sheet, the CSV's columns in its first row, a procedure a row)")
            .DisableRequestTimeout()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="dryRun">true: check only, write nothing; the answer says what would be created, changed and left alone.</param>
    /// <param name="createMissing">true: agencies and fields the file names that do not exist are created (fields only with an admin key); otherwise each is a row error.</param>
    private static async Task<Results<Accepted<ImportStatus>, ValidationProblem, ProblemHttpResult>> Import(
        string jurisdiction, bool? dryRun, bool? createMissing, HttpContext context, CatalogDatabase database, CatalogClock clock, ImportWorker worker,
        IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        if (WriteAccess.Refuse(context.User, jurisdiction) is { } refused)
        {
            return refused;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed.MediaType.ToString() : null;
        if (mediaType is null || !ImportFiles.MediaTypes.TryGetValue(mediaType, out var format))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                detail: $"Send the catalogue with Content-Type one of: {string.Join(", ", ImportFiles.MediaTypes.Keys)}.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await JurisdictionQueries.Find(connection, jurisdiction, cancellationToken) is null)
        {
            return Problems.NotFound("Jurisdiction", jurisdiction);
        }

        var id = Guid.CreateVersion7().ToString("N");
        Directory.CreateDirectory(worker.FolderPath);
        var upload = await Receive(context, worker, worker.PartialFileOf(id), options.Value.MaxPendingUploadBytes - await ImportQueries.PendingUploadBytes(connection, cancellationToken), cancellationToken);
        switch (upload.Refusal)
        {
            case ValidationProblem invalid:
                return invalid;
            case ProblemHttpResult problem:
                return problem;
        }

        File.Move(worker.PartialFileOf(id), worker.FileOf(id));
        var actor = Actor.Of(context);
        try
        {
            await ImportQueries.Insert(connection, id, jurisdiction, format, dryRun ?? false, createMissing ?? false, upload.Bytes, actor, clock.UtcNow, CancellationToken.None);
        }
        catch
        {
            File.Delete(worker.FileOf(id));
            throw;
        }

        await worker.Enqueue(id);
        var status = new ImportStatus(id, jurisdiction, format, dryRun ?? false, "queued", null, 0, 0, 0, 0, [], actor.Name, clock.UtcNow, null,
            CreateMissing: createMissing ?? false);
        return TypedResults.Accepted($"/api/v1/imports/{id}", status);
    }

    /// <summary>
    /// Writes the body to a partial file that is deleted on any failure (the client gone, the body over the limit, the disk
    /// budget used up), so that only complete uploads are ever left on disk; the bytes count against the pending budget
    /// as they arrive, with the other uploads running at the same time.
    /// </summary>
    private static async Task<(long Bytes, IResult? Refusal)> Receive(
        HttpContext context, ImportWorker worker, string path, long budget, CancellationToken cancellationToken)
    {
        var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<LimitsOptions>>().CurrentValue.MaxImportBytes;
        long counted = 0;
        try
        {
            return await Uploads.Receive(context, path, limit, read =>
            {
                if (worker.AddUploading(read) > budget)
                {
                    worker.AddUploading(-read);
                    context.Response.Headers.RetryAfter = "60";
                    context.Response.Headers.Connection = "close";
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: "Too many imports are waiting",
                        detail: "The uploads waiting for their import already hold as much disk as the service allows. Try again when they have run (Retry-After).");
                }

                counted += read;
                return null;
            }, cancellationToken);
        }
        finally
        {
            worker.AddUploading(-counted);
        }
    }

    /// <param name="id">The import's id.</param>
    private static async Task<Results<Ok<ImportStatus>, ProblemHttpResult>> GetImport(
        string id, CatalogDatabase database, ImportProgress progress, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await ImportQueries.Find(connection, id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("Import", id);
        }

        var live = progress.Of(id);
        var errors = row.Errors is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(row.Errors, ImportJson.Options) ?? [];
        return TypedResults.Ok(new ImportStatus(
            row.Id, row.JurisdictionCode, EnumText<ImportFormat>.Parse(row.Format), row.DryRun, row.Status, live?.Total ?? row.TotalRows,
            live?.Processed ?? row.ProcessedRows, row.CreatedCount, row.UpdatedCount, row.UnchangedCount, errors, row.KeyName,
            DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), row.FinishedAt is { } finished ? DateTime.SpecifyKind(finished, DateTimeKind.Utc) : null,
            Math.Max(row.ErrorCount, errors.Count), row.AppliedRows, row.CreateMissing,
            row.CreatedNames is null ? null : JsonSerializer.Deserialize<ImportCreated>(row.CreatedNames, ImportJson.Options)));
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="format">csv (default), xlsx or ndjson; without it, the Accept header decides.</param>
    /// <param name="asOf">Date (YYYY-MM-DD) of the time and cost in force; default today in Vietnam.</param>
    /// <param name="history">ndjson only: also every time and cost entry of each procedure (timeHistory, costHistory), so that an import elsewhere rebuilds the histories.</param>
    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> Export(
        string jurisdiction, [EnumValues("csv", "xlsx", "ndjson")] string? format, string? asOf, bool? history, HttpContext context, CatalogDatabase database,
        CatalogClock clock, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var date = Reports.ReportText.Date(asOf, "asOf", errors) ?? clock.Today;
        var chosen = format ?? MediaNegotiation.Preferred(context.Request, "text/csv", XlsxMediaType, NdjsonMediaType) switch
        {
            XlsxMediaType => "xlsx",
            NdjsonMediaType => "ndjson",
            _ => "csv",
        };
        errors.When(chosen is not ("csv" or "xlsx" or "ndjson"), "format", $"'{format}' is not allowed; use csv, xlsx or ndjson.");
        errors.When(history == true && chosen != "ndjson", "history", "Histories are exported in the ndjson form only (format=ndjson).");
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        if (await JurisdictionQueries.Find(connection, jurisdiction, cancellationToken) is null)
        {
            return Problems.NotFound("Jurisdiction", jurisdiction);
        }

        var name = $"catalogue-{jurisdiction}-{date:yyyy-MM-dd}.{chosen}";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name, FileNameStar = name }.ToString();
        switch (chosen)
        {
            case "xlsx":
                await WriteXlsx(context, connection, database.Dialect, jurisdiction, date, cancellationToken);
                break;
            case "ndjson":
                await WriteNdjson(context, connection, database, jurisdiction, date, history ?? false, cancellationToken);
                break;
            default:
                // Each record's values are made once, then written column by column.
                var columns = CatalogueRecord.Columns.Select((column, index) => new CsvColumn<IReadOnlyList<object?>>(column, values => values[index])).ToList();
                await new CsvTable<IReadOnlyList<object?>>(name, columns, ExportQueries.Catalogue(connection, database.Dialect, jurisdiction, date, cancellationToken)
                    .Select(record => record.Values())).ExecuteAsync(context);
                break;
        }

        return TypedResults.Empty;
    }

    private static readonly ReadOnlyMemory<byte> NewLine = new[] { (byte)'\n' };

    private static async Task WriteNdjson(
        HttpContext context, System.Data.Common.DbConnection connection, CatalogDatabase database, string jurisdiction, DateOnly date, bool history,
        CancellationToken cancellationToken)
    {
        context.Response.ContentType = NdjsonMediaType + "; charset=utf-8";
        var body = context.Response.Body;
        var written = 0;
        // The details of each page are read on a second connection while the first streams the procedures.
        await using var details = await database.OpenReadAsync(cancellationToken);
        await foreach (var record in ExportQueries.FullCatalogue(connection, details, database.Dialect, jurisdiction, date, history, cancellationToken))
        {
            await JsonSerializer.SerializeAsync(body, AsJson(record), ImportJson.Options, cancellationToken);
            await body.WriteAsync(NewLine, cancellationToken);
            if (++written % 200 == 0)
            {
                await body.FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// A record as the JSON import reads it: the same column names, and every field the API holds — documents as objects,
    /// the legal basis, and the histories when asked — so that export and import lose nothing.
    /// </summary>
    private static Dictionary<string, object?> AsJson(CatalogueRecord record)
    {
        var values = record.Values();
        var json = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var index = 0; index < CatalogueRecord.Columns.Count; index++)
        {
            json[CatalogueRecord.Columns[index]] = values[index] is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : values[index];
        }

        json["documents"] = record.Documents.Select(document => new Documents.DocumentInput(
            document.Name, document.TemplateName, document.Originals, document.Copies, document.CaseNote, document.ProvidedOnce, document.DataSource)).ToList();
        json["legalBasis"] = record.LegalBasis ?? [];
        if (record.TimeHistory is { } times)
        {
            json["timeHistory"] = times;
        }

        if (record.CostHistory is { } costs)
        {
            json["costHistory"] = costs;
        }

        PublishedColumns.AddJson(record, json);
        return json;
    }

    /// <summary>
    /// The XLSX writer is synchronous, and an ASP.NET Core response may not be written synchronously: the sheet is
    /// written row by row into a temporary file, which is then streamed and deleted. Nothing is held in memory.
    /// </summary>
    private static async Task WriteXlsx(HttpContext context, System.Data.Common.DbConnection connection, SqlDialect dialect, string jurisdiction, DateOnly date, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var rows = ExportQueries.CatalogueNow(connection, dialect, jurisdiction, date).Select(record => (IDictionary<string, object?>)AsCells(record));
            await Task.Run(() => MiniExcel.SaveAs(path, rows, excelType: ExcelType.XLSX), cancellationToken);
            context.Response.ContentType = XlsxMediaType;
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            context.Response.ContentLength = file.Length;
            await file.CopyToAsync(context.Response.Body, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dictionary<string, object?> AsCells(CatalogueRecord record)
    {
        var values = record.Values();
        var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var index = 0; index < CatalogueRecord.Columns.Count; index++)
        {
            cells[CatalogueRecord.Columns[index]] = values[index] switch
            {
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool flag => flag ? "true" : "false",
                var value => value,
            };
        }

        return cells;
    }
}

internal static class TransferExamples
{
    public const string Csv =
        "code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,lastReviewedOn,status,abolishedOn,timeEffectiveFrom,timeAmount,timeUnit,timeDecisionRef,costEffectiveFrom,feeVnd,otherCostVnd,applicantHours,annualFilings,costDecisionRef,documents\n"
        + "1.001612,Đăng ký thành lập doanh nghiệp tư nhân,province,external,true,full,true,true,Đăng ký kinh doanh,Sở Tài chính,2025-06-15,active,,2025-03-01,3,working-days,123/QĐ-UBND,2025-03-01,0,50000,2,1200,123/QĐ-UBND,\"Giấy đề nghị đăng ký doanh nghiệp\n* Bản sao căn cước\"\n";

    public const string Ndjson =
        "{\"code\":\"1.001612\",\"name\":\"Đăng ký thành lập doanh nghiệp tư nhân\",\"level\":\"province\",\"kind\":\"external\",\"businessRelated\":true,"
        + "\"onlineLevel\":\"full\",\"fullOnlineEligible\":true,\"boundaryFree\":true,\"field\":\"Đăng ký kinh doanh\",\"agency\":\"Sở Tài chính\","
        + "\"lastReviewedOn\":\"2025-06-15\",\"status\":\"active\",\"abolishedOn\":null,\"timeEffectiveFrom\":\"2025-03-01\",\"timeAmount\":3,"
        + "\"timeUnit\":\"working-days\",\"timeDecisionRef\":\"123/QĐ-UBND\",\"costEffectiveFrom\":\"2025-03-01\",\"feeVnd\":0,\"otherCostVnd\":50000,"
        + "\"applicantHours\":2,\"annualFilings\":1200,\"costDecisionRef\":\"123/QĐ-UBND\",\"documents\":[\"Giấy đề nghị đăng ký doanh nghiệp\",\"* Bản sao căn cước\"]}\n";

    private static readonly DateTime Submitted = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);

    public static readonly ImportStatus Queued = new("0193a1b2c3d4e5f6a7b8c9d0e1f2a3b4", "92", ImportFormat.Csv, false, "queued", null, 0, 0, 0, 0, [], "Cần Thơ one-stop", Submitted, null);

    public static readonly ImportStatus Failed = new(
        "0193a1b2c3d4e5f6a7b8c9d0e1f2a3b4", "92", ImportFormat.Csv, false, "failed", 1800, 1800, 0, 0, 0,
        [new ImportError(17, "level", "'tinh' is not allowed; use one of: central, province, district, commune.")], "Cần Thơ one-stop", Submitted, Submitted.AddSeconds(4));
}
