namespace ProcedureCatalog.Api.Jurisdictions;

internal static class JurisdictionExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    public static readonly Jurisdiction DienBien = new("11", "Tỉnh Điện Biên", JurisdictionLevel.Province, 22, Recorded, Recorded, 1);

    public static readonly IReadOnlyList<Jurisdiction> List =
    [
        new("11", "Tỉnh Điện Biên", JurisdictionLevel.Province, 22, Recorded, Recorded, 1),
        new("92", "Thành phố Cần Thơ", JurisdictionLevel.Province, 22, Recorded, Recorded, 1),
        new("VN", "Trung ương", JurisdictionLevel.Central, 22, Recorded, Recorded, 1),
    ];

    public static readonly JurisdictionCreate Create = new("11", "Tỉnh Điện Biên", JurisdictionLevel.Province, ReportDay: 22);

    public static readonly JurisdictionUpdate Update = new("Tỉnh Điện Biên", JurisdictionLevel.Province, ReportDay: 22);
}
