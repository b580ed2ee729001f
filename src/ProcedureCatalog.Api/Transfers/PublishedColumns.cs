using ProcedureCatalog.Api.Channels;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>
/// What is published of a procedure as a record's columns: who may file, the result, the conditions and steps (a line each),
/// the agencies by name, the national procedure it implements (jurisdiction/code); an import changes them only when one of
/// them has a value, then all of them together (an empty one is none), so that a file without them leaves them as stored.
/// </summary>
public sealed record PublishedColumnValues(
    IReadOnlyList<ApplicantType> ApplicantTypes,
    string? ResultName,
    string? ResultForm,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Steps,
    string? DecidingAgency,
    IReadOnlyList<string> ReceivingAgencies,
    IReadOnlyList<string> CoordinatingAgencies,
    string? Implements);

/// <summary>
/// A record's channels. <paramref name="Offered"/>: the channels cell, one channel a line with each one's description from its
/// own column; null (an empty cell) leaves the stored channels as they are. <paramref name="Entries"/>: time and fee entries to
/// add to each channel's history unless the same entry is there (the values in force of the columns, or whole histories).
/// </summary>
public sealed record ChannelColumnValues(IReadOnlyList<ChannelInput>? Offered, IReadOnlyList<ChannelEntry> Entries)
{
    /// <summary>Exported with history=true: every time entry of every channel (channelTimeHistory).</summary>
    public IReadOnlyList<ChannelTimeRecord>? TimeHistory { get; init; }

    /// <summary>Exported with history=true: every fee entry of every channel (channelFeeHistory).</summary>
    public IReadOnlyList<ChannelFeeRecord>? FeeHistory { get; init; }
}

/// <summary>One entry of a channel's history in a record: a time or a fee.</summary>
public sealed record ChannelEntry(FilingChannel Channel, TimeEntryInput? Time, FeeEntryInput? Fee);

/// <summary>A channel's time entry as the ndjson export's channelTimeHistory holds it.</summary>
/// <param name="Channel">in-person, online or post.</param>
public sealed record ChannelTimeRecord(
    [property: System.ComponentModel.DataAnnotations.Required] FilingChannel? Channel,
    [property: System.ComponentModel.DataAnnotations.Required, PlausibleDate] DateOnly? EffectiveFrom,
    [property: System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0", "100000"), Hundredths] decimal? Amount,
    [property: System.ComponentModel.DataAnnotations.Required] TimeUnit? Unit,
    [property: System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.StringLength(100, MinimumLength = 1)] string DecisionRef);

/// <summary>A channel's fee entry as the ndjson export's channelFeeHistory holds it.</summary>
/// <param name="Channel">in-person, online or post.</param>
public sealed record ChannelFeeRecord(
    [property: System.ComponentModel.DataAnnotations.Required] FilingChannel? Channel,
    [property: System.ComponentModel.DataAnnotations.Required, PlausibleDate] DateOnly? EffectiveFrom,
    [property: System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.Range(0L, 1_000_000_000_000L)] long? FeeVnd,
    [property: System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.StringLength(100, MinimumLength = 1)] string DecisionRef);

/// <summary>The columns of <see cref="CatalogueRecord"/> for channels and what is published, and how each is read and written.</summary>
public static class PublishedColumns
{
    /// <summary>A channel's columns start with its prefix: inPersonDescription, onlineTimeAmount, postFeeVnd.</summary>
    private static readonly (FilingChannel Channel, string Prefix)[] Prefixes = [(FilingChannel.InPerson, "inPerson"), (FilingChannel.Online, "online"), (FilingChannel.Post, "post")];

    private static readonly string[] ChannelSuffixes =
        ["Description", "TimeEffectiveFrom", "TimeAmount", "TimeUnit", "TimeDecisionRef", "FeeEffectiveFrom", "FeeVnd", "FeeDecisionRef"];

    public static readonly IReadOnlyList<string> Columns =
    [
        "applicantTypes", "resultName", "resultForm", "conditions", "steps", "decidingAgency", "receivingAgencies", "coordinatingAgencies", "implements",
        "channels", .. Prefixes.SelectMany(prefix => ChannelSuffixes.Select(suffix => prefix.Prefix + suffix)),
    ];

    /// <summary>Columns whose cell holds several lines: a list, or a description.</summary>
    public static readonly IReadOnlySet<string> MultiLine = new HashSet<string>(
        ["applicantTypes", "conditions", "steps", "receivingAgencies", "coordinatingAgencies", "channels", .. Prefixes.Select(prefix => prefix.Prefix + "Description")],
        StringComparer.Ordinal);

    /// <summary>Columns that only JSON carries (the ndjson export with history=true).</summary>
    public static readonly IReadOnlyList<string> StructuredColumns = ["channelTimeHistory", "channelFeeHistory"];

    private static readonly string[] PublishedColumnNames = ["applicantTypes", "resultName", "resultForm", "conditions", "steps", "decidingAgency", "receivingAgencies", "coordinatingAgencies", "implements"];

    public static string Prefix(FilingChannel channel) => Prefixes.Single(prefix => prefix.Channel == channel).Prefix;

    /// <summary>The readers of <see cref="CatalogueRecord.Parse"/>, so that every cell obeys the same rules.</summary>
    public sealed record Cells(
        Func<string, string?> Text, Func<string, DateOnly?> Date, Func<string, decimal, decimal?> Amount, Func<string, long, long?> Whole,
        Func<string, int, IReadOnlyList<ChannelTimeRecord>?> TimeHistory, Func<string, int, IReadOnlyList<ChannelFeeRecord>?> FeeHistory);

    public static PublishedColumnValues? ReadPublished(Cells cells, Errors errors)
    {
        if (PublishedColumnNames.All(column => cells.Text(column) is null))
        {
            return null;
        }

        IReadOnlyList<string> Lines(string column, int max, int maxLength)
        {
            var lines = (cells.Text(column) ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            errors.When(lines.Length > max, column, $"{column} has at most {max} lines.");
            errors.When(lines.Any(line => line.Length > maxLength), column, $"A line of {column} may have at most {maxLength} characters.");
            return lines;
        }

        string? Text(string column, int maxLength)
        {
            var text = cells.Text(column);
            errors.When(text is { Length: var length } && length > maxLength, column, $"{column} may have at most {maxLength} characters.");
            return text;
        }

        var types = new List<ApplicantType>();
        foreach (var line in Lines("applicantTypes", PublicationRules.MaxApplicantTypes * 2, 100))
        {
            if (!EnumText<ApplicantType>.TryParse(line, out var type))
            {
                errors.Add("applicantTypes", $"'{CatalogueRecord.Quote(line)}' is not allowed; use one of: {EnumText<ApplicantType>.Describe()}.");
            }
            else if (types.Contains(type))
            {
                errors.Add("applicantTypes", $"'{line}' is listed twice.");
            }
            else
            {
                types.Add(type);
            }
        }

        var result = Text("resultName", 1000);
        var form = Text("resultForm", 300);
        errors.When(form is not null && result is null, "resultForm", "A result's form needs the result's name (resultName).");
        var implements = cells.Text("implements");
        errors.When(implements is not null && !System.Text.RegularExpressions.Regex.IsMatch(implements, PublicationRules.ImplementsPattern), "implements", PublicationRules.ImplementsRule);
        var receiving = Lines("receivingAgencies", PublicationRules.MaxAgencies, 300);
        var coordinating = Lines("coordinatingAgencies", PublicationRules.MaxAgencies, 300);
        errors.When(receiving.Distinct().Count() != receiving.Count, "receivingAgencies", "An agency is listed twice.");
        errors.When(coordinating.Distinct().Count() != coordinating.Count, "coordinatingAgencies", "An agency is listed twice.");
        return new PublishedColumnValues(
            types.Order().ToList(), result, form, Lines("conditions", PublicationRules.MaxTexts, PublicationRules.MaxTextLength),
            Lines("steps", PublicationRules.MaxTexts, PublicationRules.MaxTextLength), Text("decidingAgency", 300), receiving, coordinating, implements);
    }

    public static ChannelColumnValues? ReadChannels(Cells cells, Errors errors)
    {
        List<ChannelInput>? offered = null;
        if (cells.Text("channels") is { } listed)
        {
            offered = [];
            foreach (var line in listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!EnumText<FilingChannel>.TryParse(line, out var channel))
                {
                    errors.Add("channels", $"'{CatalogueRecord.Quote(line)}' is not a channel; use one of: {EnumText<FilingChannel>.Describe()}.");
                }
                else if (offered.Any(input => input.Channel == channel))
                {
                    errors.Add("channels", $"The {line} channel is listed twice.");
                }
                else
                {
                    var description = cells.Text(Prefix(channel) + "Description");
                    errors.When(description is { Length: > ChannelRules.MaxDescription }, Prefix(channel) + "Description",
                        $"A channel's description may have at most {ChannelRules.MaxDescription} characters.");
                    offered.Add(new ChannelInput(channel, description));
                }
            }

            offered = offered.OrderBy(input => input.Channel).ToList();
        }

        var entries = new List<ChannelEntry>();
        foreach (var (channel, prefix) in Prefixes)
        {
            errors.When(cells.Text(prefix + "Description") is not null && offered?.Any(input => input.Channel == channel) != true, prefix + "Description",
                $"{prefix}Description describes a channel the channels column does not list.");
            var time = new object?[] { cells.Date(prefix + "TimeEffectiveFrom"), cells.Amount(prefix + "TimeAmount", 100_000), TimeUnitOf(cells, prefix, errors), cells.Text(prefix + "TimeDecisionRef") };
            if (Complete(time, prefix + "TimeEffectiveFrom", $"A channel's processing time needs all of {prefix}TimeEffectiveFrom, {prefix}TimeAmount, {prefix}TimeUnit and {prefix}TimeDecisionRef, or none.", errors))
            {
                entries.Add(new ChannelEntry(channel, new TimeEntryInput((DateOnly)time[0]!, (decimal)time[1]!, (TimeUnit)time[2]!, Decision((string)time[3]!, prefix, errors)), null));
            }

            var fee = new object?[] { cells.Date(prefix + "FeeEffectiveFrom"), cells.Whole(prefix + "FeeVnd", 1_000_000_000_000), cells.Text(prefix + "FeeDecisionRef") };
            if (Complete(fee, prefix + "FeeEffectiveFrom", $"A channel's fee needs all of {prefix}FeeEffectiveFrom, {prefix}FeeVnd and {prefix}FeeDecisionRef, or none.", errors))
            {
                entries.Add(new ChannelEntry(channel, null, new FeeEntryInput((DateOnly)fee[0]!, (long)fee[1]!, Decision((string)fee[2]!, prefix, errors))));
            }
        }

        entries.AddRange((cells.TimeHistory("channelTimeHistory", CatalogueRecord.MaxHistoryEntries) ?? [])
            .Select(entry => new ChannelEntry(entry.Channel!.Value, new TimeEntryInput(entry.EffectiveFrom, entry.Amount, entry.Unit, entry.DecisionRef), null)));
        entries.AddRange((cells.FeeHistory("channelFeeHistory", CatalogueRecord.MaxHistoryEntries) ?? [])
            .Select(entry => new ChannelEntry(entry.Channel!.Value, null, new FeeEntryInput(entry.EffectiveFrom, entry.FeeVnd, entry.DecisionRef))));
        return offered is null && entries.Count == 0 ? null : new ChannelColumnValues(offered, entries);
    }

    private static TimeUnit? TimeUnitOf(Cells cells, string prefix, Errors errors)
    {
        var text = cells.Text(prefix + "TimeUnit");
        if (text is null)
        {
            return null;
        }

        if (EnumText<TimeUnit>.TryParse(text, out var unit))
        {
            return unit;
        }

        errors.Add(prefix + "TimeUnit", $"'{CatalogueRecord.Quote(text)}' is not allowed; use one of: {EnumText<TimeUnit>.Describe()}.");
        return null;
    }

    private static bool Complete(object?[] values, string column, string message, Errors errors)
    {
        errors.When(values.Any(value => value is not null) && values.Any(value => value is null), column, message);
        return values.All(value => value is not null);
    }

    private static string Decision(string decision, string prefix, Errors errors)
    {
        errors.When(decision.Length > 100, prefix + "DecisionRef", "A decision reference may have at most 100 characters.");
        return decision;
    }

    /// <summary>The values of a record's columns in <see cref="Columns"/> order, as text for CSV and XLSX.</summary>
    public static IEnumerable<object?> Values(CatalogueRecord record)
    {
        var published = record.Published;
        yield return Lines(published?.ApplicantTypes.Select(EnumText.Of));
        yield return published?.ResultName;
        yield return published?.ResultForm;
        yield return Lines(published?.Conditions);
        yield return Lines(published?.Steps);
        yield return published?.DecidingAgency;
        yield return Lines(published?.ReceivingAgencies);
        yield return Lines(published?.CoordinatingAgencies);
        yield return published?.Implements;
        var channels = record.Channels;
        yield return Lines(channels?.Offered?.Select(channel => EnumText.Of(channel.Channel!.Value)));
        foreach (var (channel, _) in Prefixes)
        {
            var time = channels?.Entries.LastOrDefault(entry => entry.Channel == channel && entry.Time is not null)?.Time;
            var fee = channels?.Entries.LastOrDefault(entry => entry.Channel == channel && entry.Fee is not null)?.Fee;
            yield return channels?.Offered?.FirstOrDefault(input => input.Channel == channel)?.Description;
            yield return time?.EffectiveFrom;
            yield return time?.Amount;
            yield return EnumText.Of(time?.Unit);
            yield return time?.DecisionRef;
            yield return fee?.EffectiveFrom;
            yield return fee?.FeeVnd;
            yield return fee?.DecisionRef;
        }
    }

    private static string? Lines(IEnumerable<string>? lines) => lines is null ? null : string.Join("\n", lines) is { Length: > 0 } text ? text : null;

    /// <summary>The ndjson form adds to the columns: lists as arrays, and the channels' whole histories when exported with history=true.</summary>
    public static void AddJson(CatalogueRecord record, Dictionary<string, object?> json)
    {
        foreach (var column in MultiLine.Where(column => !column.EndsWith("Description", StringComparison.Ordinal)))
        {
            json[column] = json[column] is string lines ? lines.Split('\n') : Array.Empty<string>();
        }

        if (record.Channels?.TimeHistory is { } times)
        {
            json["channelTimeHistory"] = times;
        }

        if (record.Channels?.FeeHistory is { } fees)
        {
            json["channelFeeHistory"] = fees;
        }
    }

}
