namespace ProcedureCatalog.Api;

/// <summary>"Today" is a date in Vietnam: a report asked for at 06:00 in Hà Nội is still about that day.</summary>
public sealed class CatalogClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Vietnam = FindVietnam();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Vietnam).DateTime);

    /// <summary>The date in Vietnam of an instant (UTC): the day a write made at that instant is recorded on.</summary>
    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Vietnam));

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    private static TimeZoneInfo FindVietnam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
