using System.Globalization;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>
/// Numbers and dates as a Vietnamese document writes them: a dot between thousands, a decimal comma
/// (<c>1.234.567 đ</c>, <c>33,33 %</c>, the unit after a no-break space), dates day/month/year. Built on a number format of its own, so that it
/// does not depend on the culture data of the server.
/// </summary>
public static class VietnameseNumbers
{
    /// <summary>Between a number and its unit (33,33 %, 1.234 đ): a space that does not break the line.</summary>
    public const char UnitSpace = '\u00A0';

    private static readonly NumberFormatInfo Format = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>Up to two decimals, as needed: 10, 12,5, 1.234,57.</summary>
    public static string Plain(decimal value) => value.ToString("#,##0.##", Format);

    /// <summary>A count: 1.234.</summary>
    public static string Count(long value) => value.ToString("#,##0", Format);

    /// <summary>A percentage with two decimals: 33,33 %; nothing to show is a dash.</summary>
    public static string Pct(decimal? value) => value is { } number ? number.ToString("#,##0.00", Format) + UnitSpace + "%" : "–";

    /// <summary>A change in percentage points with its sign: +3,25, -1,00, 0,00; nothing to compare is a dash.</summary>
    public static string Points(decimal? value) => value is { } number ? (number > 0 ? "+" : string.Empty) + number.ToString("#,##0.00", Format) : "–";

    /// <summary>An amount of đồng: 1.234.567 đ (decimals only where there are some).</summary>
    public static string Vnd(decimal? value) => value is { } number ? Plain(number) + UnitSpace + "đ" : "–";

    /// <summary>A processing time in working days: 12,5 ngày.</summary>
    public static string WorkingDays(decimal? value) => value is { } number ? Plain(number) + UnitSpace + "ngày" : "–";

    /// <summary>A date as 22/11/2026.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date as the place-and-date line of an administrative document writes it (Nghị định 30/2020/NĐ-CP: a 0 before
    /// a day below 10 and before the months 1 and 2): ngày 22 tháng 11 năm 2026, ngày 05 tháng 02 năm 2026.
    /// </summary>
    public static string LongDate(DateOnly date) =>
        $"ngày {date.Day:D2} tháng {(date.Month < 3 ? date.Month.ToString("D2", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}";
}
