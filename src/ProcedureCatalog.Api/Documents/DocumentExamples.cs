namespace ProcedureCatalog.Api.Documents;

internal static class DocumentExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    public static readonly DocumentInput Input = new(
        "Giấy đề nghị đăng ký doanh nghiệp tư nhân", "Phụ lục I-1", 1, 0, null, false, null);

    public static readonly Document Application = new(
        12, 3, 1, "Giấy đề nghị đăng ký doanh nghiệp tư nhân", "Phụ lục I-1", 1, 0, null, false, null, Recorded, Recorded, 1);

    public static readonly IReadOnlyList<Document> List =
    [
        Application,
        new(13, 3, 2, "Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân", null, 0, 1, null, true,
            "Cơ sở dữ liệu quốc gia về dân cư", Recorded, Recorded, 1),
    ];
}
