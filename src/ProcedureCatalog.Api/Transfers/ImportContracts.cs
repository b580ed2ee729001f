using System.Text.Json;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>A bad row of an import: where it is and why it cannot be taken.</summary>
/// <param name="Line">Line of the CSV file (1 is the header), row of the sheet, or item of the JSON array; 0 for the file as a whole.</param>
/// <param name="Field">The column at fault, if one is.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportError(int Line, string? Field, string Message);

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
/// <param name="Errors">Every bad row with its line and reason (at most 1000 listed).</param>
/// <param name="SubmittedBy">The API key that sent it.</param>
public sealed record ImportStatus(
    string Id, string Jurisdiction, ImportFormat Format, bool DryRun, string Status, long? TotalRows, long ProcessedRows, long Created, long Updated,
    long Unchanged, IReadOnlyList<ImportError> Errors, string SubmittedBy, DateTime CreatedAt, DateTime? FinishedAt);

internal sealed record ImportResult(long Total, long Created, long Updated, long Unchanged, IReadOnlyList<ImportError> Errors);

internal static class ImportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
