using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Attributes;

/// <summary>Examples of the dated histories: procedure 41 (92/1.009645 of the sample) going fully online in 2025.</summary>
internal static class AttributeExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 1, 2, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Migrated = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly AttributeChange Change = new("2150/QĐ-UBND", new DateOnly(2025, 9, 1), OnlineLevel: OnlineLevel.Full, BoundaryFree: true);

    public static readonly IReadOnlyList<AttributeEntry> RecordedEntries =
    [
        new(905, DatedAttribute.OnlineLevel, new DateOnly(2025, 9, 1), "2150/QĐ-UBND", Recorded, "Cần Thơ one-stop", null, null, OnlineLevel.Full, null, null, null),
        new(906, DatedAttribute.BoundaryFree, new DateOnly(2025, 9, 1), "2150/QĐ-UBND", Recorded, "Cần Thơ one-stop", null, null, null, null, true, null),
    ];

    

    public static readonly IReadOnlyList<AttributeEntry> List =
    [
        new(241, DatedAttribute.BoundaryFree, DateOnly.MinValue, null, Migrated, "service", null, null, null, null, false, null),
        RecordedEntries[1],
        new(242, DatedAttribute.OnlineLevel, DateOnly.MinValue, null, Migrated, "service", null, null, OnlineLevel.Partial, null, null, null),
        RecordedEntries[0],
    ];

    public static readonly ProvidedOnceChange ProvidedOnceChange = new("12/2025/NĐ-CP", true, new DateOnly(2026, 1, 1));

    public static readonly ProvidedOnceEntry ProvidedOnce = new(913, 7, true, new DateOnly(2026, 1, 1), "12/2025/NĐ-CP", Recorded, "Cần Thơ one-stop");

    public static readonly IReadOnlyList<ProvidedOnceEntry> ProvidedOnceList =
    [
        new(311, 7, false, DateOnly.MinValue, null, Migrated, "service"),
        ProvidedOnce,
    ];

    public static readonly ReviewInput ReviewInput = new(new DateOnly(2025, 10, 15), "3012/QĐ-UBND", "Bỏ bản sao giấy phép kinh doanh; thời hạn còn 7 ngày làm việc.");

    public static readonly Review Review = new(57, new DateOnly(2025, 10, 15), "3012/QĐ-UBND", "Bỏ bản sao giấy phép kinh doanh; thời hạn còn 7 ngày làm việc.", Recorded, "Cần Thơ one-stop");

    public static readonly IReadOnlyList<Review> Reviews =
    [
        new(12, new DateOnly(2024, 11, 20), null, null, Migrated, "service"),
        Review,
    ];
}
