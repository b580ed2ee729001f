namespace ProcedureCatalog.Api.Reports;

/// <summary>exceeds: a local procedure whose time or fee in force exceeds the national one it implements; not-implemented: a national procedure no local one implements.</summary>
public enum LocalFinding
{
    Exceeds,
    NotImplemented,
}

/// <summary>A procedure a row of the report names.</summary>
public sealed record ProcedureReference(long Id, string Jurisdiction, string Code, string Name);

/// <summary>One measure in force on asOf, locally and nationally.</summary>
/// <param name="Local">The local procedure's value: time in working days, fee in đồng; null when nothing is in force.</param>
/// <param name="National">The national procedure's value.</param>
/// <param name="Exceeds">Local above national; null when either is missing.</param>
public sealed record ComparedValue(decimal? Local, decimal? National, bool? Exceeds);

/// <param name="Finding">exceeds or not-implemented.</param>
/// <param name="Local">The local procedure (exceeds only).</param>
/// <param name="National">The national procedure.</param>
/// <param name="Time">Processing time in force, in working days (exceeds only).</param>
/// <param name="Fee">The fee (phí, lệ phí) in force, in đồng (exceeds only).</param>
public sealed record LocalVsNationalRow(LocalFinding Finding, ProcedureReference? Local, ProcedureReference National, ComparedValue? Time, ComparedValue? Fee);

/// <summary>A province's catalogue against the national one on asOf.</summary>
/// <param name="Jurisdiction">The province.</param>
/// <param name="AsOf">The date of the values in force.</param>
/// <param name="Exceeding">Rows of local procedures exceeding the national one.</param>
/// <param name="NotImplemented">Rows of national procedures the province does not implement.</param>
/// <param name="Rows">Exceeding first by local code, then not implemented by national code.</param>
public sealed record LocalVsNationalReport(string Jurisdiction, DateOnly AsOf, int Exceeding, int NotImplemented, IReadOnlyList<LocalVsNationalRow> Rows);

/// <summary>The query string of the local against national report.</summary>
public sealed class LocalVsNationalQuery
{
    /// <summary>The province (required): VN or a two-digit code of a jurisdiction whose level is province.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Date (YYYY-MM-DD) of the values in force; default today in Vietnam.</summary>
    public string? AsOf { get; init; }
}
