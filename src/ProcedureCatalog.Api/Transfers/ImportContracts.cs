using System.Text.Json;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>A bad record of an import: where it is and why it cannot be taken.</summary>
/// <param name="Line">
/// The record's row as Excel numbers it (1 is the header, so the first procedure is 2, whatever line breaks its cells hold),
/// the item of a JSON array or the line of an NDJSON file (from 1); 0 for the file as a whole.
/// </param>
/// <param name="Field">The column at fault, if one is.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Code">The procedure code the record gives, to find it by.</param>
public sealed record ImportError(int Line, string? Field, string Message, string? Code = null);

/// <summary>Agencies and fields that an import created (or, in a dry run, would create), asked for with createMissing.</summary>
public sealed record ImportCreated(IReadOnlyList<string> Agencies, IReadOnlyList<string> Fields);

/// <summary>An import and how far it has come.</summary>
/// <param name="Id">Its id, for GET /api/v1/imports/{id}.</param>
/// <param name="Jurisdiction">The catalogue it imports into.</param>
/// <param name="Format">csv, xlsx, json or ndjson.</param>
/// <param name="DryRun">Only checked: nothing is written, whatever the outcome.</param>
/// <param name="Status">queued, running, succeeded (all rows taken, or would be) or failed (nothing was written; see errors).</param>
/// <param name="TotalRows">Rows in the file, once counted.</param>
/// <param name="ProcessedRows">Rows checked so far.</param>
/// <param name="Created">Procedures created (or that would be).</param>
/// <param name="Updated">Procedures changed.</param>
/// <param name="Unchanged">Procedures already as the file says.</param>
/// <param name="Errors">The bad records with their row, code, column and reason (the first 1000; errorCount counts them all).</param>
/// <param name="SubmittedBy">The API key that sent it.</param>
/// <param name="ErrorCount">Every error found, of which errors lists the first 1000.</param>
/// <param name="AppliedRows">Records applied so far: a valid file is applied in committed batches; an import resumed after a stop goes on from here.</param>
/// <param name="CreateMissing">Agencies and fields the file names that do not exist are created (fields only with an admin key); otherwise they are errors.</param>
/// <param name="CreatedNames">What it created, or in a dry run would create, with createMissing.</param>
public sealed record ImportStatus(
    string Id, string Jurisdiction, ImportFormat Format, bool DryRun, string Status, long? TotalRows, long ProcessedRows, long Created, long Updated,
    long Unchanged, IReadOnlyList<ImportError> Errors, string SubmittedBy, DateTime CreatedAt, DateTime? FinishedAt,
    long ErrorCount = 0, long AppliedRows = 0, bool CreateMissing = false, ImportCreated? CreatedNames = null);

internal sealed record ImportResult(
    long Total, long Created, long Updated, long Unchanged, IReadOnlyList<ImportError> Errors, long ErrorCount = 0,
    IReadOnlyCollection<string>? Agencies = null, IReadOnlyCollection<string>? Fields = null, long AppliedRows = 0)
{
    public bool Failed => Errors.Count > 0 || ErrorCount > 0;

    public IReadOnlyCollection<string> CreatedAgencies => Agencies ?? [];

    public IReadOnlyCollection<string> CreatedFields => Fields ?? [];

    /// <summary>An import that could not run to its end, with the reason.</summary>
    public static ImportResult Failure(string reason, long appliedRows = 0) => new(0, 0, 0, 0, [new ImportError(0, null, reason)], 1, AppliedRows: appliedRows);
}

internal static class ImportJson
{
    /// <summary>The API's own JSON (camelCase, enums as the glossary's words), for the export and what an import stores.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        // Vietnamese stays readable in an exported file; only what is unsafe in HTML is escaped.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
        CatalogSetup.Configure(options);
        return options;
    }
}
