using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProcedureCatalog.Api.Plans;

/// <summary>A deadline read from a plan's words: what it is for (when the cell gives several), and when.</summary>
internal sealed record ParsedDeadline(string? Label, DeadlineKind Kind, DateOnly? DueOn, int? Year)
{
    public MilestoneValues ToValues() => new(Label, Kind, DueOn, Year);
}

/// <summary>The milestones a deadline cell gives, or why it cannot be read (then no milestone at all).</summary>
internal sealed record DeadlineReading(IReadOnlyList<ParsedDeadline> Milestones, string? Problem);

/// <summary>
/// Reads the deadline column of a plan's annex (thời gian thực hiện) as the plans write it, into one milestone per
/// deadline, and refuses rather than guesses whatever else a cell says. A cell holds one or more deadlines, each:
/// <list type="bullet">
/// <item>a date after <c>trước</c>, <c>đến</c> or <c>chậm nhất (là)</c>, with or without <c>ngày</c>: "Trước ngày 30 tháng 8 năm 2025",
/// "Hoàn thành trước 30 tháng 6 năm 2025", "theo lộ trình đến ngày 31 tháng 12 năm 2026", "trước ngày 20/6/2025". The date
/// is the deadline: done on it is in time, overdue the day after;</item>
/// <item>a year after <c>trong</c> or <c>đến</c>: "Trong năm 2025", "theo lộ trình đến năm 2026" (due by its 31 December);
/// or a cell that is only "Năm 2025";</item>
/// <item><c>thường xuyên</c>: ongoing, never due.</item>
/// </list>
/// The words before a deadline say what it is for ("Đối với TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 25 tháng
/// 12 năm 2025; đối với các TTHC còn lại theo lộ trình đến năm 2026" gives two milestones, labelled "TTHC liên quan đến doanh
/// nghiệp" and "các TTHC còn lại"); they are kept as the label when the cell gives more than one. Refused, naming the text:
/// a date that does not exist (31 tháng 11), a cell with no deadline in these forms, words after the last deadline, and any
/// other mention of a day, month, quarter or date (tháng 8, quý III, 30-8-2025) that is not one of these forms — a deadline
/// this reader does not know is never dropped into a label.
/// </summary>
internal static class DeadlineText
{
    public const int MaxMilestones = 20;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static Regex Pattern(string pattern) => new(pattern.Normalize(NormalizationForm.FormC), Options, TimeSpan.FromSeconds(1));

    /// <summary>A deadline: a date, a year or ongoing, each at word boundaries.</summary>
    private static readonly Regex Deadline = Pattern(
        @"(?<![\p{L}\p{N}])(?:"
        + @"(?<date>(?:trước|đến|chậm\s+nhất(?:\s+là)?)\s+(?:ngày\s+)?(?<day>[0-9]{1,2})(?:\s+tháng\s+(?<month>[0-9]{1,2})\s+năm\s+|\s*/\s*(?<month>[0-9]{1,2})\s*/\s*)(?<year>[0-9]{4}))"
        + @"|(?<within>(?:trong|đến)\s+(?:hết\s+)?năm\s+(?<year>[0-9]{4}))"
        + @"|(?<ongoing>thường\s+xuyên)"
        + @")(?![\p{L}\p{N}])");

    /// <summary>A cell that is only a year: "Năm 2025".</summary>
    private static readonly Regex YearOnly = Pattern(@"^năm\s+(?<year>[0-9]{4})[\s.]*$");

    /// <summary>What still speaks of a time once the deadlines are taken out: a day, month, week or quarter with a number, or a date in digits.</summary>
    private static readonly Regex TimeMention = Pattern(
        @"(?<![\p{L}\p{N}])(?:ngày|tháng|tuần|quý)\s*[0-9]|(?<![\p{L}\p{N}])quý\s+[IVX]+(?![\p{L}\p{N}])|(?<![0-9])[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}(?:\s*[-/.]\s*[0-9]{2,4})?(?![0-9])|(?<![0-9])[0-9]{4}\s*-\s*[0-9]{4}(?![0-9])");

    private static readonly Regex LeadingWords = Pattern(@"^(?:và|đối\s+với)\s+");
    private static readonly Regex TrailingWords = Pattern(@"\s*(?:hoàn\s+thành|theo\s+lộ\s+trình)$");
    private static readonly Regex Spaces = Pattern(@"\s+");

    private const string Forms =
        "write a date (trước ngày 30 tháng 8 năm 2025, trước ngày 30/8/2025), a year (trong năm 2025, đến năm 2026) or thường xuyên; "
        + "a cell may hold several, each after what it is for";

    public static DeadlineReading Read(string? text)
    {
        var cell = Spaces.Replace((text ?? string.Empty).Normalize(NormalizationForm.FormC), " ").Trim();
        if (cell.Length == 0)
        {
            return new DeadlineReading([], null);
        }

        if (YearOnly.Match(cell) is { Success: true } year)
        {
            return Year(year.Groups["year"].Value) is { } within ? new DeadlineReading([within], null) : Refused(YearProblem(cell));
        }

        var found = new List<(string Label, ParsedDeadline? Deadline, string? Problem)>();
        var end = 0;
        foreach (Match match in Deadline.Matches(cell))
        {
            var label = cell[end..match.Index];
            end = match.Index + match.Length;
            if (TimeMention.Match(label) is { Success: true } mention)
            {
                return Refused(Mentions(cell, mention));
            }

            found.Add(Parse(match, label));
        }

        if (found.Count == 0)
        {
            return Refused(TimeMention.Match(cell) is { Success: true } mention
                ? Mentions(cell, mention)
                : $"'{Quote(cell)}' is not a deadline this service reads: {Forms}.");
        }

        var rest = cell[end..];
        if (rest.Any(char.IsLetterOrDigit))
        {
            return Refused($"'{Quote(cell)}': the words after the last deadline ('{Quote(rest.Trim())}') are not understood; a deadline comes after what it is for. {char.ToUpperInvariant(Forms[0])}{Forms[1..]}.");
        }

        if (found.FirstOrDefault(entry => entry.Problem is not null) is { Problem: { } problem })
        {
            return Refused(problem);
        }

        if (found.Count > MaxMilestones)
        {
            return Refused($"'{Quote(cell)}' gives {found.Count} deadlines; a task has at most {MaxMilestones}.");
        }

        // One deadline needs no label: the task keeps the text as written.
        var several = found.Count > 1;
        return new DeadlineReading(found.Select(entry => entry.Deadline! with { Label = several ? Label(entry.Label) : null }).ToList(), null);
    }

    private static (string Label, ParsedDeadline? Deadline, string? Problem) Parse(Match match, string label)
    {
        if (match.Groups["ongoing"].Success)
        {
            return (label, new ParsedDeadline(null, DeadlineKind.Ongoing, null, null), null);
        }

        if (match.Groups["within"].Success)
        {
            var within = Year(match.Groups["year"].Value);
            return (label, within, within is null ? YearProblem(match.Value) : null);
        }

        var (day, month, year) = (Number(match.Groups["day"].Value), Number(match.Groups["month"].Value), Number(match.Groups["year"].Value));
        if (year < Infrastructure.PlausibleDateAttribute.Earliest.Year || year > Infrastructure.PlausibleDateAttribute.Latest.Year)
        {
            return (label, null, YearProblem(match.Value));
        }

        if (month is < 1 or > 12)
        {
            return (label, null, $"'{Quote(match.Value)}' is not a date: there is no month {month}.");
        }

        var days = DateTime.DaysInMonth(year, month);
        return day < 1 || day > days
            ? (label, null, $"'{Quote(match.Value)}' is not a date: month {month} of {year} has {days} days.")
            : (label, new ParsedDeadline(null, DeadlineKind.Date, new DateOnly(year, month, day), null), null);
    }

    private static ParsedDeadline? Year(string digits) =>
        Number(digits) is var year && Infrastructure.PlausibleDateAttribute.IsPlausibleYear(year) ? new ParsedDeadline(null, DeadlineKind.Year, null, year) : null;

    private static string Mentions(string cell, Match mention) =>
        $"'{Quote(cell)}' speaks of '{mention.Value}', which is not a deadline in a form this service reads: {Forms}.";

    private static string YearProblem(string text) => $"'{Quote(text)}' names a year outside 1945 to 2100.";

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DeadlineReading Refused(string problem) => new([], problem);

    /// <summary>The words before a deadline, without bullets, punctuation and the joining words around them ("và", "đối với", "hoàn thành", "theo lộ trình").</summary>
    private static string? Label(string words)
    {
        var label = words.Trim().Trim('-', '–', '•', '*', '+', ':', ';', ',', '.', ' ');
        string before;
        do
        {
            before = label;
            label = TrailingWords.Replace(LeadingWords.Replace(label, string.Empty), string.Empty).Trim().Trim('-', '–', ':', ';', ',', '.', ' ');
        }
        while (label != before);

        return label.Length == 0 ? null : label.Length > 500 ? label[..500] : label;
    }

    /// <summary>At most 120 characters of a text, for a message.</summary>
    public static string Quote(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
