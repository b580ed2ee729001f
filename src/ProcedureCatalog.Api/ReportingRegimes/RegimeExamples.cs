using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.ReportingRegimes;

internal static class RegimeExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    private const string LabourName = "Báo cáo tình hình thay đổi về lao động";
    private const string LabourBasis = "Nghị định 145/2020/NĐ-CP, Điều 4";
    private const string Interior = "Sở Nội vụ thành phố Cần Thơ";

    public static readonly ElectronicEntryInput EntryInput = new(true, new DateOnly(2025, 7, 1), "1520/QĐ-UBND");

    public static readonly ElectronicEntry Entry = new(12, true, new DateOnly(2025, 7, 1), "1520/QĐ-UBND", Recorded, "Cần Thơ one-stop");

    public static readonly IReadOnlyList<ElectronicEntry> History =
    [
        new(11, false, new DateOnly(2021, 2, 1), "145/2020/NĐ-CP", Recorded, "Cần Thơ one-stop"),
        Entry,
    ];

    public static readonly ReportingRegimeCreate Create = new(
        "92", LabourName, LabourBasis, 26, ReportingFrequency.HalfYearly, ProcedureStatus.Active, null,
        new ElectronicEntryInput(false, new DateOnly(2021, 2, 1), "145/2020/NĐ-CP"));

    public static readonly ReportingRegimeUpdate Update = new(LabourName, LabourBasis, 26, ReportingFrequency.HalfYearly, ProcedureStatus.Active, null);

    public static readonly ReportingRegime Regime = new(
        7, "92", LabourName, LabourBasis, new NamedReference(26, Interior), ReportingFrequency.HalfYearly, ProcedureStatus.Active, null,
        new DateOnly(2026, 11, 22), true, Entry, Recorded, Recorded, 3);

    public static readonly PageOf<ReportingRegime> List = Paging.Of<ReportingRegime>(
    [
        Regime,
        new(8, "92", "Báo cáo công tác bảo vệ môi trường", "Thông tư 02/2022/TT-BTNMT, Điều 66", new NamedReference(22, "Sở Nông nghiệp và Môi trường thành phố Cần Thơ"),
            ReportingFrequency.Yearly, ProcedureStatus.Active, null, new DateOnly(2026, 11, 22), false,
            new ElectronicEntry(13, false, new DateOnly(2022, 1, 10), "02/2022/TT-BTNMT", Recorded, "Cần Thơ one-stop"), Recorded, Recorded, 2),
    ], 1, 20, 2);

    public static readonly IReadOnlyList<RegimeRecord> Records =
    [
        new(LabourName, LabourBasis, Interior, ReportingFrequency.HalfYearly, ProcedureStatus.Active, null, true, new DateOnly(2025, 7, 1), "1520/QĐ-UBND"),
        new("Báo cáo tình hình sử dụng hóa đơn", "Thông tư 39/2014/TT-BTC, Điều 27", "Sở Tài chính thành phố Cần Thơ", ReportingFrequency.Quarterly,
            ProcedureStatus.Abolished, new DateOnly(2022, 7, 1), false, new DateOnly(2014, 6, 1), "39/2014/TT-BTC"),
    ];

    public static readonly string Csv = CsvTable<RegimeRecord>.Render(RegimeRecord.Table, Records);

    private const string Object =
        "{\"name\":\"" + LabourName + "\",\"legalBasis\":\"" + LabourBasis + "\",\"agency\":\"" + Interior + "\",\"frequency\":\"half-yearly\","
        + "\"status\":\"active\",\"abolishedOn\":null,\"electronic\":true,\"electronicFrom\":\"2025-07-01\",\"electronicDecisionRef\":\"1520/QĐ-UBND\"}";

    public const string Ndjson = Object + "\n";

    public const string Json = "[" + Object + "]";

    public static readonly RegimeImportResult Imported = new(false, 2, 1, 1, 0);
}
