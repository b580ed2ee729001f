using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Reports;

/// <summary>
/// GET /reports/local-vs-national: the comparisons and gaps are the views national_comparisons and national_gaps
/// (db/*/views/0700_channels.sql); the query picks the windows that hold @AsOf and the procedures active on it.
/// </summary>
internal static class LocalVsNationalQueries
{
    internal const string Statement =
        """
        SELECT 'exceeds' AS finding, i.local_id, i.jurisdiction_code AS local_jurisdiction, i.local_code, i.local_name,
               i.national_id, i.national_jurisdiction, i.national_code, i.national_name,
               t.local_value AS local_time_units, t.national_value AS national_time_units, t.exceeds AS time_exceeds,
               f.local_value AS local_fee_centi, f.national_value AS national_fee_centi, f.exceeds AS fee_exceeds
        FROM national_implementations i
        LEFT JOIN national_comparisons t
            ON t.local_id = i.local_id AND t.measure = 'time' AND t.valid_from <= @AsOf AND (t.valid_to IS NULL OR t.valid_to > @AsOf)
        LEFT JOIN national_comparisons f
            ON f.local_id = i.local_id AND f.measure = 'fee' AND f.valid_from <= @AsOf AND (f.valid_to IS NULL OR f.valid_to > @AsOf)
        WHERE i.jurisdiction_code = @Jurisdiction
          AND (i.local_abolished_on IS NULL OR i.local_abolished_on > @AsOf)
          AND (i.national_abolished_on IS NULL OR i.national_abolished_on > @AsOf)
          AND (t.exceeds = 1 OR f.exceeds = 1)
        UNION ALL
        SELECT 'not-implemented', CAST(NULL AS INT), CAST(NULL AS NVARCHAR(10)), CAST(NULL AS NVARCHAR(40)), CAST(NULL AS NVARCHAR(1000)),
               g.national_id, g.national_jurisdiction, g.national_code, g.national_name,
               CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS INT)
        FROM national_gaps g
        WHERE g.jurisdiction_code = @Jurisdiction AND g.unimplemented_from IS NOT NULL AND g.unimplemented_from <= @AsOf
          AND (g.national_abolished_on IS NULL OR g.national_abolished_on > @AsOf)
        ORDER BY finding, local_code, national_code
        """;

    public static async Task<IReadOnlyList<LocalVsNationalRowData>> Rows(DbConnection connection, string jurisdiction, DateOnly asOf, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<LocalVsNationalRowData>(new CommandDefinition(
            Statement, new { Jurisdiction = jurisdiction, AsOf = asOf }, cancellationToken: cancellationToken))).ToList();
}

internal sealed record LocalVsNationalRowData
{
    public required string Finding { get; init; }
    public long? LocalId { get; init; }
    public string? LocalJurisdiction { get; init; }
    public string? LocalCode { get; init; }
    public string? LocalName { get; init; }
    public long NationalId { get; init; }
    public required string NationalJurisdiction { get; init; }
    public required string NationalCode { get; init; }
    public required string NationalName { get; init; }
    public long? LocalTimeUnits { get; init; }
    public long? NationalTimeUnits { get; init; }
    public long? TimeExceeds { get; init; }
    public long? LocalFeeCenti { get; init; }
    public long? NationalFeeCenti { get; init; }
    public long? FeeExceeds { get; init; }

    public LocalVsNationalRow ToContract() => new(
        EnumText<LocalFinding>.Parse(Finding),
        LocalId is { } local ? new ProcedureReference(local, LocalJurisdiction!, LocalCode!, LocalName!) : null,
        new ProcedureReference(NationalId, NationalJurisdiction, NationalCode, NationalName),
        LocalId is null ? null : new ComparedValue(ReportMappings.WorkingDays(LocalTimeUnits), ReportMappings.WorkingDays(NationalTimeUnits), ReportMappings.Flag(TimeExceeds)),
        LocalId is null ? null : new ComparedValue(ReportMappings.Vnd(LocalFeeCenti), ReportMappings.Vnd(NationalFeeCenti), ReportMappings.Flag(FeeExceeds)));
}
