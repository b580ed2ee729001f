using System.Globalization;
using System.Text.RegularExpressions;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.PeriodReports;

/// <summary>How far apart the points of a trend are.</summary>
public enum TrendStep
{
    /// <summary>The day of every month.</summary>
    Month,

    /// <summary>The day of the last month of every quarter (March, June, September, December).</summary>
    Quarter,

    /// <summary>The day of every December.</summary>
    Year,
}

/// <summary>What a periodic report covers: a month, a quarter or a year.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// The period of a report (domain brief, section 7): as of the report day of its last month, covering the days
/// after the previous report's day up to and including its own. A month's report day is the jurisdiction's day of
/// that month; a quarter's and a year's are those of their last month (March, June, September, December).
/// </summary>
/// <param name="Kind">month, quarter or year.</param>
/// <param name="Label">2026-11, 2026-Q4 or 2026.</param>
/// <param name="ReportDay">The jurisdiction's day of the month (1 to 28) that reports are made on.</param>
/// <param name="From">The first day covered: the day after the previous report's.</param>
/// <param name="To">The report's date: every figure is as of this day.</param>
/// <param name="PreviousReportDate">The date of the previous report of the same kind, whose figures the changes are measured from.</param>
/// <param name="NextReportDate">The date of the next report of the same kind: tasks due until then are listed.</param>
public sealed record ReportPeriod(PeriodKind Kind, string Label, int ReportDay, DateOnly From, DateOnly To, DateOnly PreviousReportDate, DateOnly NextReportDate);

/// <summary>The dates of trends and periodic reports: pure date arithmetic, no database.</summary>
internal static partial class ReportCalendar
{
    /// <summary>Months of one step.</summary>
    public static int MonthsOf(TrendStep step) => step switch
    {
        TrendStep.Month => 1,
        TrendStep.Quarter => 3,
        _ => 12,
    };

    /// <summary>
    /// The dates of a trend from <paramref name="from"/> to <paramref name="to"/> (both included): the day
    /// <paramref name="day"/> of every month, of the last month of every quarter, or of every December, in order.
    /// </summary>
    public static IEnumerable<DateOnly> Steps(DateOnly from, DateOnly to, TrendStep step, int day)
    {
        var months = MonthsOf(step);
        // The first month of the step's rhythm at or after from's month: every month, or March/June/September/December, or December.
        var first = new DateOnly(from.Year, from.Month, 1);
        while ((first.Month % months) != (12 % months))
        {
            first = first.AddMonths(1);
        }

        for (var month = first; ; month = month.AddMonths(months))
        {
            var date = new DateOnly(month.Year, month.Month, day);
            if (date > to)
            {
                yield break;
            }

            if (date >= from)
            {
                yield return date;
            }
        }
    }

    /// <summary>The period of a month (2026-11), a quarter (2026-Q4) or a year (2026) for a jurisdiction's report day.</summary>
    public static ReportPeriod Period(PeriodKind kind, int year, int number, int reportDay)
    {
        var (lastMonth, months, label) = kind switch
        {
            PeriodKind.Month => (number, 1, $"{year:D4}-{number:D2}"),
            PeriodKind.Quarter => (number * 3, 3, $"{year:D4}-Q{number}"),
            _ => (12, 12, year.ToString("D4", CultureInfo.InvariantCulture)),
        };
        var to = new DateOnly(year, lastMonth, reportDay);
        var previous = to.AddMonths(-months);
        return new ReportPeriod(kind, label, reportDay, previous.AddDays(1), to, previous, to.AddMonths(months));
    }

    /// <summary>The latest period of the kind whose report date is on or before <paramref name="today"/>: what a report is for when none is named.</summary>
    public static ReportPeriod Latest(PeriodKind kind, DateOnly today, int reportDay)
    {
        var months = kind switch { PeriodKind.Month => 1, PeriodKind.Quarter => 3, _ => 12 };
        var candidate = Steps(today.AddMonths(-months), today, kind switch
        {
            PeriodKind.Month => TrendStep.Month,
            PeriodKind.Quarter => TrendStep.Quarter,
            _ => TrendStep.Year,
        }, reportDay).Last();
        var number = kind switch { PeriodKind.Month => candidate.Month, PeriodKind.Quarter => candidate.Month / 3, _ => 1 };
        return Period(kind, candidate.Year, number, reportDay);
    }

    [GeneratedRegex("^(?<year>[0-9]{4})-(?<month>0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    [GeneratedRegex("^(?<year>[0-9]{4})-Q(?<quarter>[1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex("^(?<year>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    /// <summary>
    /// The period named by a report's parameter (month 2026-11, quarter 2026-Q4, year 2026), or null when it is left
    /// out; a malformed one is an error naming the parameter.
    /// </summary>
    public static (int Year, int Number)? Parse(PeriodKind kind, string? text, string parameter, Errors errors)
    {
        if (text is null)
        {
            return null;
        }

        var (pattern, form, part) = kind switch
        {
            PeriodKind.Month => (MonthPattern(), "YYYY-MM, such as 2026-11", "month"),
            PeriodKind.Quarter => (QuarterPattern(), "YYYY-Qn with n from 1 to 4, such as 2026-Q4", "quarter"),
            _ => (YearPattern(), "YYYY, such as 2026", null),
        };
        var match = pattern.Match(text);
        var year = match.Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : 0;
        if (!match.Success || !PlausibleDateAttribute.IsPlausibleYear(year))
        {
            errors.Add(parameter, $"'{text}' is not a {parameter} written {form}, from 1945 to 2100.");
            return null;
        }

        return (year, part is null ? 1 : int.Parse(match.Groups[part].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A day of the month given as text: 1 to 28 (every month has it), or an error naming the parameter.</summary>
    public static int? Day(string? text, string parameter, Errors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && day >= Jurisdictions.Jurisdiction.FirstReportDay && day <= Jurisdictions.Jurisdiction.LastReportDay)
        {
            return day;
        }

        errors.Add(parameter, $"'{text}' is not a day of the month from {Jurisdictions.Jurisdiction.FirstReportDay} to {Jurisdictions.Jurisdiction.LastReportDay} (every month has it).");
        return null;
    }
}
