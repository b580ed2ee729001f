using System.Data.Common;
using System.Text.RegularExpressions;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Transfers;

namespace ProcedureCatalog.Api.Plans;

/// <summary>A deadline of an annex row as the import reads it.</summary>
/// <param name="Label">What it is for, when the cell gives several deadlines.</param>
/// <param name="Kind">date, year or ongoing.</param>
/// <param name="DueOn">The date, for kind date.</param>
/// <param name="Year">The year, for kind year.</param>
public sealed record AnnexMilestone(string? Label, DeadlineKind Kind, DateOnly? DueOn, int? Year);

/// <summary>A task of the annex as the import reads it (and, unless a dry run, writes it).</summary>
/// <param name="Row">Its row as Excel numbers it (the header is row 1).</param>
/// <param name="TaskId">The task written; null in a dry run.</param>
/// <param name="LeadAgencies">The lead agencies: with agencyId where the name is one of the jurisdiction's agencies, the plan's words otherwise.</param>
/// <param name="Milestones">The deadlines read from the deadline column, one milestone each.</param>
public sealed record AnnexTask(
    int Row, long? TaskId, string Number, string? ParentNumber, string? Section, [property: MultiLineText] string Content, IReadOnlyList<AgencyReference> LeadAgencies,
    IReadOnlyList<AgencyReference> CoordinatingAgencies, [property: MultiLineText] string? DeadlineText, IReadOnlyList<AnnexMilestone> Milestones,
    [property: MultiLineText] string? ExpectedOutput);

/// <summary>What an annex import did, or in a dry run would do.</summary>
/// <param name="DryRun">Only read and checked: nothing was written.</param>
/// <param name="Rows">Rows read (blank rows and repeated header rows aside).</param>
/// <param name="Sections">Section headings (I, II, …): they are not tasks; each task keeps the heading it stands under.</param>
/// <param name="Tasks">Tasks created (or that would be).</param>
/// <param name="Milestones">Milestones created (or that would be).</param>
/// <param name="Items">Every task, in the file's order.</param>
public sealed record AnnexImport(long PlanId, bool DryRun, int Rows, int Sections, int Tasks, int Milestones, IReadOnlyList<AnnexTask> Items);

/// <summary>A row of an annex that cannot be taken.</summary>
/// <param name="Row">Its row as Excel numbers it (the header is row 1).</param>
/// <param name="Column">The column at fault, as the seed tables head it: STT, Nội dung thực hiện, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Kết quả/Sản phẩm.</param>
/// <param name="Text">The cell's text (at most 500 characters).</param>
/// <param name="Message">Why it cannot be taken.</param>
public sealed record AnnexRowError(int Row, string Column, [property: MultiLineText] string? Text, [property: MultiLineText] string Message);

/// <summary>
/// An annex with rows that cannot be taken: nothing was written. errors names each column by its field name (number, content,
/// leadAgencies, coordinatingAgencies, deadlineText, expectedOutput) with its rows; rowErrors gives each row, column as the
/// table heads it, text and reason (the first 200; errorCount counts them all).
/// </summary>
public sealed class AnnexImportProblem : HttpValidationProblemDetails
{
    public AnnexImportProblem()
    {
    }

    public AnnexImportProblem(IReadOnlyList<AnnexRowError> rows, int count)
        : base(rows.GroupBy(error => AnnexColumns.FieldOf(error.Column)).ToDictionary(group => group.Key, group => group.Select(error => $"Row {error.Row}: {error.Message}").ToArray()))
    {
        Status = StatusCodes.Status422UnprocessableEntity;
        Title = "Rows of the annex cannot be taken";
        Detail = $"{count} problem(s) in the annex; nothing was written. Correct the rows and send the file again.";
        RowErrors = rows;
        ErrorCount = count;
    }

    /// <summary>Each bad row with its column, text and reason.</summary>
    public IReadOnlyList<AnnexRowError> RowErrors { get; init; } = [];

    /// <summary>Every problem found, of which rowErrors lists the first 200.</summary>
    public int ErrorCount { get; init; }
}

/// <summary>The columns of an annex in the shape of the plans' own tables, and the headers they go by.</summary>
internal static class AnnexColumns
{
    public const string Number = "STT";
    public const string Content = "Nội dung thực hiện";
    public const string Lead = "Cơ quan chủ trì";
    public const string Coordinating = "Cơ quan phối hợp";
    public const string Deadline = "Thời gian thực hiện";
    public const string Output = "Kết quả/Sản phẩm";

    public static readonly IReadOnlyList<string> All = [Number, Content, Lead, Coordinating, Deadline, Output];

    /// <summary>A column's field name, as a task's JSON names it, for the errors of a problem.</summary>
    public static string FieldOf(string column) => column switch
    {
        Number => "number",
        Content => "content",
        Lead => "leadAgencies",
        Coordinating => "coordinatingAgencies",
        Deadline => "deadlineText",
        Output => "expectedOutput",
        _ => "columns",
    };

    /// <summary>The headers each column goes by in the plans (and the API's own names), by <see cref="Key"/>.</summary>
    private static readonly Dictionary<string, string> ByKey = new (string Column, string[] Headers)[]
    {
        (Number, ["STT", "TT", "Số TT", "Số thứ tự", "number"]),
        (Content, ["Nội dung thực hiện", "Nội dung", "Nội dung nhiệm vụ", "Nhiệm vụ", "content"]),
        (Lead, ["Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì", "leadAgencies"]),
        (Coordinating, ["Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp", "coordinatingAgencies"]),
        (Deadline, ["Thời gian thực hiện", "Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời hạn", "deadlineText"]),
        (Output, ["Kết quả/Sản phẩm", "Kết quả", "Sản phẩm", "Kết quả dự kiến", "expectedOutput"]),
    }.SelectMany(column => column.Headers.Select(header => (Key: Key(header), column.Column))).ToDictionary(entry => entry.Key, entry => entry.Column, StringComparer.Ordinal);

    /// <summary>A header compared without case, Unicode form, spacing and the punctuation between words ("Kết quả / sản phẩm").</summary>
    private static string Key(string header) => TextRules.NameKey(Regex.Replace(header.Normalize(System.Text.NormalizationForm.FormC), "[/,;:.]", " "));

    public static string? Canonical(string header) => ByKey.GetValueOrDefault(Key(header));
}

/// <summary>A task of an annex, read and checked, to be written.</summary>
internal sealed record AnnexRow(int Row, TaskWrite Task, IReadOnlyList<ParsedDeadline> Deadlines);

/// <summary>What an annex says, or what is wrong with it: with the file as a whole (400, by column) or with rows (422).</summary>
internal sealed record AnnexReading(IReadOnlyList<AnnexRow> Tasks, int Rows, int Sections, Errors FileErrors, IReadOnlyList<AnnexRowError> RowErrors, int ErrorCount);

/// <summary>
/// Reads a plan's annex table (CSV or XLSX, through the bounded readers of the catalogue import) into tasks, all or nothing.
/// Rows: blank rows and repeated header rows (a table broken across pages) are passed over; a row whose STT is a Roman numeral
/// (I, II, III) is a section heading, whose title (in its content, or after the numeral) each following task keeps; every
/// other row is a task, which needs its STT and its content. A number under another (8.1 under 8) needs that one earlier in
/// the file or in the plan. Deadlines are read by <see cref="DeadlineText"/>, agencies by <see cref="AgencyNames"/>.
/// </summary>
internal static partial class AnnexReader
{
    public const int MaxTasks = 5000;
    public const int MaxListedErrors = 200;

    [GeneratedRegex(@"^(?<numeral>[IVXL]{1,6})(?:[.)]|\s|$)\s*(?<title>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumber();

    public static AnnexReading Read(IEnumerable<ImportLine> lines, AgencyNames.Catalogue agencies, IReadOnlyCollection<string> existingNumbers)
    {
        var fileErrors = new Errors();
        var rowErrors = new List<AnnexRowError>();
        var errorCount = 0;
        var tasks = new List<AnnexRow>();
        // Numbers are compared without case, as IdOfNumber does: 2.b and 2.B are one number.
        var numbers = new HashSet<string>(existingNumbers, StringComparer.OrdinalIgnoreCase);
        var existing = new HashSet<string>(existingNumbers, StringComparer.OrdinalIgnoreCase);
        var (rows, sections) = (0, 0);
        string? section = null;

        void Refuse(int row, string column, string? text, string message)
        {
            if (++errorCount <= MaxListedErrors)
            {
                rowErrors.Add(new AnnexRowError(row, column, text is { Length: > 500 } ? text[..500] : text, message));
            }
        }

        foreach (var line in lines)
        {
            if (line.Row == 0)
            {
                CheckHeaders(line.Values.Keys, fileErrors);
                if (fileErrors.Any)
                {
                    break;
                }

                continue;
            }

            var cells = AnnexColumns.All.ToDictionary(column => column, column => line.Values.GetValueOrDefault(column)?.Trim() is { Length: > 0 } text ? text : null);
            if (cells.Values.All(cell => cell is null) || (cells[AnnexColumns.Number] is { } header && AnnexColumns.Canonical(header) == AnnexColumns.Number))
            {
                continue;
            }

            rows++;
            var problems = errorCount;
            foreach (var (column, text) in cells)
            {
                if (TextRules.Problem(column, text, multiLine: column != AnnexColumns.Number) is { } problem)
                {
                    Refuse(line.Row, column, text, problem);
                    cells[column] = null;
                }
            }

            var number = cells[AnnexColumns.Number]?.TrimEnd('.');
            if (number is not null && SectionNumber().Match(number) is { Success: true } heading)
            {
                var title = PlanTaskWrites.Text(heading.Groups["title"].Value) ?? cells[AnnexColumns.Content];
                if (title is null)
                {
                    Refuse(line.Row, AnnexColumns.Content, null, $"Section {heading.Groups["numeral"].Value} has no title: a section heading says what its tasks are about.");
                }

                foreach (var column in new[] { AnnexColumns.Lead, AnnexColumns.Coordinating, AnnexColumns.Deadline, AnnexColumns.Output }.Where(column => cells[column] is not null))
                {
                    Refuse(line.Row, column, cells[column], $"Row {line.Row} is the heading of section {heading.Groups["numeral"].Value}, which has no {column.ToLowerInvariant()}: give it to a task under it.");
                }

                sections++;
                section = Clip($"{heading.Groups["numeral"].Value}. {title}", 1000);
                continue;
            }

            if (number is null)
            {
                Refuse(line.Row, AnnexColumns.Number, null, "The row has no STT: every task has the plan's number (a row that continues the one above it across a page belongs in that row).");
            }
            else if (!Regex.IsMatch(number, PlanTask.NumberPattern, RegexOptions.CultureInvariant))
            {
                Refuse(line.Row, AnnexColumns.Number, number, $"'{DeadlineText.Quote(number)}' is not a task number: parts of letters or digits separated by dots, such as 8, 8.1 or 2.b.ii.");
                number = null;
            }
            else if (!numbers.Add(number))
            {
                Refuse(line.Row, AnnexColumns.Number, number, existing.Contains(number)
                    ? $"The plan already has a task {number}."
                    : $"Task {number} is given twice.");
            }
            else if (PlanTask.ParentOf(number) is { } parent && !numbers.Contains(parent))
            {
                Refuse(line.Row, AnnexColumns.Number, number, $"Task {number} stands under task {parent}, which neither the plan nor an earlier row has.");
            }

            var content = cells[AnnexColumns.Content];
            if (content is null)
            {
                Refuse(line.Row, AnnexColumns.Content, null, "The row has no content: every task says what is to be done (nội dung thực hiện).");
            }

            var reading = DeadlineText.Read(cells[AnnexColumns.Deadline]);
            if (reading.Problem is { } unread)
            {
                Refuse(line.Row, AnnexColumns.Deadline, cells[AnnexColumns.Deadline], unread);
            }

            var lead = Agencies(line.Row, AnnexColumns.Lead, cells[AnnexColumns.Lead], agencies, Refuse);
            var coordinating = Agencies(line.Row, AnnexColumns.Coordinating, cells[AnnexColumns.Coordinating], agencies, Refuse);
            foreach (var (column, limit) in new[] { (AnnexColumns.Content, 4000), (AnnexColumns.Output, 4000), (AnnexColumns.Deadline, 2000) })
            {
                if (cells[column] is { Length: var length } text && length > limit)
                {
                    Refuse(line.Row, column, text, $"The cell holds {length} characters; at most {limit} are kept.");
                }
            }

            if (errorCount == problems && number is not null && content is not null)
            {
                var values = new TaskValues(number, section, content, cells[AnnexColumns.Output], cells[AnnexColumns.Deadline]);
                var milestones = reading.Milestones.Select(deadline => new MilestoneWrite(null, deadline.ToValues())).ToList();
                tasks.Add(new AnnexRow(line.Row, new TaskWrite(values, lead, coordinating, milestones), reading.Milestones));
            }

            if (rows > MaxTasks)
            {
                fileErrors.Add("body", $"The annex has more than {MaxTasks} rows; a plan's annex has far fewer. Send it in parts.");
                break;
            }
        }

        return new AnnexReading(tasks, rows, sections, fileErrors, rowErrors, errorCount);
    }

    private static void CheckHeaders(IEnumerable<string> headers, Errors errors)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers.Where(header => !string.IsNullOrWhiteSpace(header)))
        {
            if (AnnexColumns.Canonical(header) is not { } column)
            {
                errors.Add("columns", $"'{DeadlineText.Quote(header)}' is not a column of an annex; the columns are {string.Join(", ", AnnexColumns.All)}.");
            }
            else if (!seen.TryAdd(column, header))
            {
                errors.Add(AnnexColumns.FieldOf(column), $"'{header}' and '{seen[column]}' are the same column ({column}); keep one.");
            }
        }

        foreach (var required in new[] { AnnexColumns.Number, AnnexColumns.Content }.Where(column => !seen.ContainsKey(column)))
        {
            errors.Add(AnnexColumns.FieldOf(required), $"The annex has no column {required}; its first row names the columns: {string.Join(", ", AnnexColumns.All)}.");
        }
    }

    private static List<AgencyValue> Agencies(int row, string column, string? cell, AgencyNames.Catalogue agencies, Action<int, string, string?, string> refuse)
    {
        var names = AgencyNames.Split(cell);
        if (names.Count > 50)
        {
            refuse(row, column, cell, $"The cell names {names.Count} agencies; a task has at most 50.");
            return [];
        }

        var values = new List<AgencyValue>();
        foreach (var name in names)
        {
            if (name.Length > 300)
            {
                refuse(row, column, name, "An agency's name has at most 300 characters.");
                continue;
            }

            values.Add(agencies.Match(name) is { } id ? new AgencyValue(id, null) : new AgencyValue(null, name));
        }

        return values;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>The tasks as the import's answer shows them, with the agencies' catalogue names and the ids written (none in a dry run).</summary>
    public static AnnexImport Answer(long planId, bool dryRun, AnnexReading reading, AgencyNames.Catalogue agencies, IReadOnlyList<long>? ids)
    {
        AgencyReference Reference(AgencyValue value) => new(value.AgencyId, value.AgencyId is { } id ? agencies.NameOf(id) : value.Name);
        var items = reading.Tasks.Select((row, index) => new AnnexTask(
            row.Row, ids?[index], row.Task.Task.Number, PlanTask.ParentOf(row.Task.Task.Number), row.Task.Task.Section, row.Task.Task.Content,
            row.Task.Lead.Select(Reference).ToList(), row.Task.Coordinating.Select(Reference).ToList(), row.Task.Task.DeadlineText,
            row.Deadlines.Select(deadline => new AnnexMilestone(deadline.Label, deadline.Kind, deadline.DueOn, deadline.Year)).ToList(),
            row.Task.Task.ExpectedOutput)).ToList();
        return new AnnexImport(planId, dryRun, reading.Rows, reading.Sections, items.Count, items.Sum(item => item.Milestones.Count), items);
    }

    /// <summary>Writes every task of the annex into the plan, each recorded in the change feed; returns their ids in the file's order.</summary>
    public static async Task<IReadOnlyList<long>> Apply(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, PlanRow plan, IReadOnlyList<AnnexRow> tasks, Actor actor, DateTime now,
        CancellationToken cancellationToken)
    {
        var ids = new List<long>(tasks.Count);
        foreach (var task in tasks)
        {
            ids.Add(await PlanTaskWrites.Add(connection, transaction, dialect, plan, task.Task, actor, now, cancellationToken));
        }

        return ids;
    }

    /// <summary>What the import matches an annex against: the jurisdiction's agencies (by name) and the numbers the plan has already.</summary>
    public static async Task<(AgencyNames.Catalogue Agencies, IReadOnlyList<string> Numbers)> Context(
        DbConnection connection, DbTransaction transaction, PlanRow plan, CancellationToken cancellationToken)
    {
        var jurisdiction = await Jurisdictions.JurisdictionQueries.Find(connection, plan.JurisdictionCode, cancellationToken, transaction);
        var agencies = await PlanTaskWrites.AgenciesOf(connection, transaction, plan.JurisdictionCode, cancellationToken);
        var numbers = await PlanTaskQueries.Numbers(connection, transaction, plan.Id, cancellationToken);
        return (new AgencyNames.Catalogue(jurisdiction?.Name ?? string.Empty, agencies), numbers);
    }

    /// <summary>Reads an annex file (CSV or XLSX) against the plan; a file that cannot be read at all is an <see cref="ImportFileException"/>.</summary>
    public static AnnexReading ReadFile(string path, ImportFormat format, AgencyNames.Catalogue agencies, IReadOnlyCollection<string> numbers) =>
        Read(ImportFiles.ReadTable(path, format, AnnexColumns.Canonical), agencies, numbers);
}
