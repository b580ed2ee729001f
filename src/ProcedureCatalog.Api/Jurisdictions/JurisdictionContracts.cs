using System.ComponentModel.DataAnnotations;

namespace ProcedureCatalog.Api.Jurisdictions;

public enum JurisdictionLevel
{
    Central,
    Province,
}

/// <summary>Whose catalogue: <c>VN</c> for the central level or a province code (mã đơn vị hành chính).</summary>
/// <param name="Code">VN or a two-digit province code, e.g. 11 (Điện Biên), 92 (Cần Thơ).</param>
/// <param name="Name">Official name, e.g. "Tỉnh Điện Biên".</param>
/// <param name="Level">central for VN, province otherwise.</param>
/// <param name="ReportDay">The day of the month (1 to 28) its monthly report is made as of; default 22.</param>
public sealed record JurisdictionCreate(
    [property: Required, RegularExpression(Jurisdiction.CodePattern, ErrorMessage = Jurisdiction.CodeRule)] string Code,
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required] JurisdictionLevel? Level,
    [property: Range(Jurisdiction.FirstReportDay, Jurisdiction.LastReportDay)] int? ReportDay = null);

/// <param name="Name">Official name, e.g. "Thành phố Cần Thơ".</param>
/// <param name="Level">central for VN, province otherwise.</param>
/// <param name="ReportDay">The day of the month (1 to 28) its monthly report is made as of; left out, it stays as it is.</param>
public sealed record JurisdictionUpdate(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required] JurisdictionLevel? Level,
    [property: Range(Jurisdiction.FirstReportDay, Jurisdiction.LastReportDay)] int? ReportDay = null);

/// <param name="ReportDay">The day of the month (1 to 28) its monthly report is made as of (22 unless set): GET /api/v1/reports/monthly.</param>
public sealed record Jurisdiction(
    string Code,
    string Name,
    JurisdictionLevel Level,
    int ReportDay,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    public const string CodePattern = "^(VN|[0-9]{2})$";
    public const string CodeRule = "code must be VN or a two-digit province code such as 11 or 92.";

    /// <summary>The report day of a jurisdiction that has not set one (the plans: "định kỳ ngày 22 hằng tháng").</summary>
    public const int DefaultReportDay = 22;

    /// <summary>Report days run from 1 to 28, so that every month, February too, has the day.</summary>
    public const int FirstReportDay = 1;

    public const int LastReportDay = 28;

    /// <summary>Reports a jurisdiction code given in a query or path that is not VN or two digits; null passes.</summary>
    internal static string? Check(string? code, Infrastructure.Errors errors, string field = "jurisdiction")
    {
        errors.When(code is not null && !System.Text.RegularExpressions.Regex.IsMatch(code, CodePattern), field, CodeRule);
        return code;
    }
}

internal sealed record JurisdictionRow
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Level { get; init; }
    public int ReportDay { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}
