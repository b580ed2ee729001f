namespace ProcedureCatalog.Api.Agencies;

internal static class AgencyExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    public static readonly Agency Finance = new(1, "11", "Sở Tài chính tỉnh Điện Biên", Recorded, Recorded, 1);

    public static readonly IReadOnlyList<Agency> List =
    [
        Finance,
        new(2, "11", "UBND xã Mường Phăng", Recorded, Recorded, 1),
    ];

    public static readonly AgencyCreate Create = new("11", "Sở Tài chính tỉnh Điện Biên");

    public static readonly AgencyUpdate Update = new("Sở Tài chính tỉnh Điện Biên");
}
