using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Transfers;

namespace ProcedureCatalog.Api.ReportingRegimes;

/// <summary>
/// A jurisdiction's reporting regimes exported and imported in the columns of <see cref="RegimeRecord"/> (CSV, XLSX, JSON; NDJSON
/// too on import), with the catalogue import's readers and bounds (<see cref="ImportFiles"/>). A jurisdiction has tens of
/// regimes, not millions, so the import is synchronous and all or nothing: the file (at most the JSON body limit, 1 MiB) is
/// read record by record, every row checked in the write's transaction, and either every row is applied or none (422 naming
/// each bad row and column); a dry run only checks.
/// </summary>
internal static class RegimeTransfers
{
    /// <summary>More regimes than any jurisdiction imposes on businesses.</summary>
    public const int MaxRows = 10_000;

    public const int MaxListedErrors = 1000;

    private const string JsonMediaType = "application/json";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/jurisdictions/{jurisdiction}/reporting-regimes/import", Import)
            .WithTags("Reporting regimes")
            .WithName("ImportReportingRegimes")
            .WithSummary("Import a jurisdiction's reporting regimes (CSV, XLSX, JSON or NDJSON)")
            .WithDescription("A file in the export's columns (name, legalBasis, agency, frequency, status, abolishedOn, electronic, electronicFrom, electronicDecisionRef). "
                + "A regime is found by its name within the jurisdiction (case, Unicode form and spacing aside): it is created, changed, or left alone when it already says "
                + "what the row says. An electronic entry is added unless the same one (electronicFrom, electronic) is in its history; without electronicFrom it takes "
                + "effect on the day of the import, and only when the value in force then differs. The agency is named and must exist. All or nothing: one bad row and "
                + "nothing is written; the 422 names each bad row (as Excel numbers it, the header being row 1) and column, the first 1000 listed. dryRun=true only checks. "
                + "The file is at most 1 MiB and 10,000 rows.")
            .Accepts<string>("text/csv", XlsxTable<object>.MediaType, JsonMediaType, "application/x-ndjson")
            .WithRequestContent("text/csv", RequestContentKind.Text, RegimeExamples.Csv)
            .WithRequestContent(XlsxTable<object>.MediaType, RequestContentKind.Binary, "(an XLSX workbook: one sheet, the CSV's columns in its first row, a regime a row)")
            .WithRequestContent(JsonMediaType, RequestContentKind.ArrayOfObjects, RegimeExamples.Json)
            .WithRequestContent("application/x-ndjson", RequestContentKind.Text, RegimeExamples.Ndjson)
            .WithExamples(response: RegimeExamples.Imported)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/jurisdictions/{jurisdiction}/reporting-regimes/export", Export)
            .WithTags("Reporting regimes")
            .WithName("ExportReportingRegimes")
            .WithSummary("Export a jurisdiction's reporting regimes (CSV, XLSX or JSON)")
            .WithDescription("Every regime of the jurisdiction with the electronic entry in force on asOf (default today), in the columns the import takes, so that an "
                + "export imports back unchanged. format csv, xlsx or json, or by Accept (JSON when it names none). A CSV cell that Excel would run as a formula is "
                + "written with a leading apostrophe, which the import takes off again.")
            .WithExamples(response: RegimeExamples.Records)
            .WithCsvExample(RegimeRecord.Table, RegimeExamples.Records)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="dryRun">true: check every row and write nothing; the answer says what would be created, changed and left alone.</param>
    private static async Task<Results<Ok<RegimeImportResult>, ValidationProblem, ProblemHttpResult>> Import(string jurisdiction, bool? dryRun, [AsParameters] CatalogRequest request)
    {
        if (request.Refuse(jurisdiction) is { } refused)
        {
            return refused;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.Http.Request.ContentType, out var parsed) ? parsed.MediaType.ToString() : null;
        if (mediaType is null || !ImportFiles.MediaTypes.TryGetValue(mediaType, out var format))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                detail: $"Send the regimes with Content-Type one of: {string.Join(", ", ImportFiles.MediaTypes.Keys)}.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"regimes-{Guid.NewGuid():N}.{EnumText.Of(format)}");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await request.Http.Request.Body.CopyToAsync(file, request.Cancellation);
                if (file.Length == 0)
                {
                    return Problems.Invalid("body", "The file is empty.");
                }
            }

            await using var write = await request.BeginWriteAsync();
            if (await JurisdictionQueries.Find(write.Connection, jurisdiction, write.Cancellation, write.Transaction) is null)
            {
                return Problems.NotFound("Jurisdiction", jurisdiction);
            }

            var plan = await RegimeImport.Load(write, jurisdiction, request.Clock.Today);
            try
            {
                foreach (var line in ImportFiles.Read(path, format, RegimeRecord.Known))
                {
                    plan.Read(line);
                }
            }
            catch (ImportFileException exception)
            {
                return Problems.Invalid("body", exception.Message);
            }

            if (plan.Unreadable is { } reason)
            {
                return Problems.Invalid("body", reason);
            }

            if (plan.Errors.Count > 0)
            {
                return plan.Refusal();
            }

            if (dryRun != true)
            {
                await plan.Apply();
                await write.CommitAsync();
            }

            return TypedResults.Ok(plan.Result(dryRun == true));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="format">csv, xlsx or json; without it, the Accept header decides (JSON when it names none).</param>
    /// <param name="asOf">Date (YYYY-MM-DD) of the electronic entry in force; default today in Vietnam.</param>
    private static async Task<Results<Ok<IReadOnlyList<RegimeRecord>>, CsvTable<RegimeRecord>, XlsxTable<RegimeRecord>, ValidationProblem, ProblemHttpResult>> Export(
        string jurisdiction, [EnumValues("csv", "xlsx", "json")] string? format, string? asOf, [AsParameters] CatalogRequest request)
    {
        var errors = new Errors();
        var date = Reports.ReportText.Date(asOf, "asOf", errors) ?? request.Clock.Today;
        var chosen = format switch
        {
            null => MediaNegotiation.Table(request.Http.Request),
            "csv" => TableFormat.Csv,
            "xlsx" => TableFormat.Xlsx,
            "json" => TableFormat.Json,
            _ => (TableFormat?)null,
        };
        errors.When(chosen is null, "format", $"'{format}' is not allowed; use csv, xlsx or json.");
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await request.OpenAsync();
        if (await JurisdictionQueries.Find(connection, jurisdiction, request.Cancellation) is null)
        {
            return Problems.NotFound("Jurisdiction", jurisdiction);
        }

        var records = (await RegimeQueries.OfJurisdiction(connection, jurisdiction, date, request.Cancellation)).Select(RegimeRecord.Of).ToList();
        var name = $"reporting-regimes-{jurisdiction}-{date:yyyy-MM-dd}";
        return chosen switch
        {
            TableFormat.Csv => new CsvTable<RegimeRecord>(name + ".csv", RegimeRecord.Table, records),
            TableFormat.Xlsx => new XlsxTable<RegimeRecord>(name + ".xlsx", RegimeRecord.Table, records),
            _ => TypedResults.Ok<IReadOnlyList<RegimeRecord>>(records),
        };
    }
}

/// <summary>
/// One import of regimes, in the write's transaction: the jurisdiction's agencies, regimes and electronic entries as they
/// are, every row matched against them (and against the rows before it), then, when nothing is wrong, applied.
/// </summary>
internal sealed class RegimeImport
{
    private readonly CatalogWrite write;
    private readonly string jurisdiction;
    private readonly DateOnly today;
    private readonly Dictionary<string, (long Id, string Name)> agencies;
    private readonly Dictionary<string, RegimeRow> regimes;
    private readonly HashSet<(long RegimeId, DateOnly EffectiveFrom, bool Electronic)> entries;
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly List<(RegimeRecord Record, long AgencyId)> rows = [];

    private RegimeImport(
        CatalogWrite write, string jurisdiction, DateOnly today, Dictionary<string, (long Id, string Name)> agencies, IEnumerable<RegimeRow> regimes,
        HashSet<(long, DateOnly, bool)> entries)
    {
        this.write = write;
        this.jurisdiction = jurisdiction;
        this.today = today;
        this.agencies = agencies;
        this.regimes = new Dictionary<string, RegimeRow>(StringComparer.Ordinal);
        foreach (var regime in regimes)
        {
            this.regimes.TryAdd(TextRules.NameKey(regime.Name), regime);
        }

        this.entries = entries;
    }

    public static async Task<RegimeImport> Load(CatalogWrite write, string jurisdiction, DateOnly today) => new(
        write, jurisdiction, today,
        await ImportQueries.Agencies(write.Connection, write.Transaction, jurisdiction, write.Cancellation),
        await RegimeQueries.OfJurisdiction(write.Connection, jurisdiction, today, write.Cancellation, write.Transaction),
        await RegimeQueries.EntryKeys(write.Connection, write.Transaction, jurisdiction, write.Cancellation));

    /// <summary>Every problem, keyed rows[N].column (N the row as Excel numbers it) or columns; at most <see cref="RegimeTransfers.MaxListedErrors"/> kept.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public int ErrorCount { get; private set; }

    /// <summary>Why the file as a whole cannot be taken (too many rows), when that is so.</summary>
    public string? Unreadable { get; private set; }

    private int records;
    private int created;
    private int updated;
    private int unchanged;

    public void Read(ImportLine line)
    {
        if (line.Row == 0)
        {
            foreach (var unknown in RegimeRecord.Known.Unknown(line.Values.Keys))
            {
                Add("columns", $"'{CatalogueRecord.Quote(unknown)}' is not a column of the regimes; the columns are: {string.Join(", ", RegimeRecord.Columns)}.");
            }

            var present = line.Values.Keys.Select(RegimeRecord.Known.Canonical).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var missing in RegimeRecord.RequiredColumns.Where(column => !present.Contains(column)))
            {
                Add("columns", $"The file has no column '{missing}'.");
            }

            return;
        }

        if (++records > RegimeTransfers.MaxRows)
        {
            Unreadable ??= $"The file has more than {RegimeTransfers.MaxRows:N0} rows; no jurisdiction has that many reporting regimes.";
            return;
        }

        var rowErrors = new Errors();
        var record = RegimeRecord.Parse(line.Values, rowErrors);
        var key = TextRules.NameKey(record.Name);
        if (record.Name.Length > 0 && !seen.TryAdd(key, line.Row))
        {
            rowErrors.Add("name", $"'{CatalogueRecord.Quote(record.Name)}' is already in row {seen[key]}.");
        }

        long agencyId = 0;
        if (agencies.TryGetValue(TextRules.NameKey(record.Agency), out var agency))
        {
            agencyId = agency.Id;
        }
        else if (record.Agency.Length > 0)
        {
            var similar = agencies.Values.FirstOrDefault(candidate => SearchText.Fold(candidate.Name) == SearchText.Fold(record.Agency)).Name;
            rowErrors.Add("agency", $"'{CatalogueRecord.Quote(record.Agency)}' is not a known agency of {jurisdiction}"
                + (similar is null ? "" : $" (did you mean '{CatalogueRecord.Quote(similar)}'?)") + "; correct the name, or create the agency first.");
        }

        foreach (var (field, messages) in rowErrors.ToDictionary())
        {
            foreach (var message in messages)
            {
                Add($"rows[{line.Row}].{field}", message);
            }
        }

        if (!rowErrors.Any)
        {
            rows.Add((record, agencyId));
            Count(record, agencyId);
        }
    }

    private void Add(string key, string message)
    {
        ErrorCount++;
        if (ErrorCount <= RegimeTransfers.MaxListedErrors)
        {
            if (!Errors.TryGetValue(key, out var messages))
            {
                Errors[key] = messages = [];
            }

            messages.Add(message);
        }
    }

    private static RegimeDescription Description(RegimeRecord record, long agencyId) =>
        new(record.Name, record.LegalBasis, agencyId, record.Frequency, record.Status, record.AbolishedOn);

    /// <summary>The entry a row asks for, or null when it asks for none or its history already has it.</summary>
    private ElectronicEntryInput? EntryOf(RegimeRecord record, RegimeRow? existing)
    {
        if (record.Electronic is not { } electronic)
        {
            return null;
        }

        if (existing is not null)
        {
            var already = record.ElectronicFrom is { } from
                ? entries.Contains((existing.Id, from, electronic))
                : existing.EntryElectronic == electronic;
            if (already)
            {
                return null;
            }
        }

        return new ElectronicEntryInput(electronic, record.ElectronicFrom ?? today, record.ElectronicDecisionRef!);
    }

    private void Count(RegimeRecord record, long agencyId)
    {
        if (!regimes.TryGetValue(TextRules.NameKey(record.Name), out var existing))
        {
            created++;
        }
        else if (!Description(record, agencyId).SameAs(existing) || EntryOf(record, existing) is not null)
        {
            updated++;
        }
        else
        {
            unchanged++;
        }
    }

    public RegimeImportResult Result(bool dryRun) => new(dryRun, created + updated + unchanged, created, updated, unchanged);

    /// <summary>422: every bad row and column, nothing written.</summary>
    public ProblemHttpResult Refusal() => TypedResults.Problem(
        new HttpValidationProblemDetails(Errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The file's rows do not fit",
            Detail = $"{ErrorCount} problem(s) in the file{(ErrorCount > RegimeTransfers.MaxListedErrors ? $", the first {RegimeTransfers.MaxListedErrors} listed" : "")}: "
                + "each is named by its row (as Excel numbers it, the header being row 1) and column. Nothing was written.",
        });

    /// <summary>Makes the jurisdiction's regimes say what the rows say, each change recorded, in the write's transaction.</summary>
    public async Task Apply()
    {
        foreach (var (record, agencyId) in rows)
        {
            var description = Description(record, agencyId);
            if (!regimes.TryGetValue(TextRules.NameKey(record.Name), out var existing))
            {
                await RegimeWrites.Create(write, jurisdiction, description, EntryOf(record, null), today);
                continue;
            }

            var version = existing.Version;
            if (!description.SameAs(existing))
            {
                await RegimeQueries.Update(write.Connection, write.Transaction, existing.Id, version, description, write.Now, write.Cancellation);
                await RegimeWrites.Recorded(write, existing.Id, jurisdiction, RegimeWrites.ActionOf(existing, description), ++version);
            }

            if (EntryOf(record, existing) is { } entry)
            {
                var entryId = await RegimeWrites.AppendEntry(write, existing.Id, entry, today);
                version = await RegimeQueries.Touch(write.Connection, write.Transaction, existing.Id, write.Now, write.Cancellation);
                await RegimeWrites.EntryRecorded(write, existing.Id, entryId, jurisdiction, "created", version);
            }
        }
    }
}
