namespace ProcedureCatalog.Api.Fields;

internal static class FieldExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);

    public static readonly Field BusinessRegistration = new(1, "Đăng ký kinh doanh", Recorded, Recorded, 1);

    public static readonly IReadOnlyList<Field> List =
    [
        BusinessRegistration,
        new(2, "Xây dựng", Recorded, Recorded, 1),
        new(3, "Đất đai", Recorded, Recorded, 1),
    ];

    public static readonly FieldInput Input = new("Đăng ký kinh doanh");
}
