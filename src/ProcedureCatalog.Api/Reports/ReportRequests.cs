using System.Globalization;
using System.Text.RegularExpressions;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Reports;

/// <summary>What every report is asked for: the program and the date, already checked.</summary>
internal sealed record ReportRequest(string Program, DateOnly? AsOf, int? Year)
{
    /// <summary>One channel whose own time and fee the reductions measure (views/0700_channels.sql); null: the procedure-level figures.</summary>
    public Channels.FilingChannel? Channel { get; init; }
}

/// <summary>The query string of the reports that filter procedures like the procedure list.</summary>
public class ReportFilterQuery : ProcedureFilterQuery
{
    /// <summary>Date (YYYY-MM-DD) whose values in force are compared with the baseline; default the judging date of year (31 December), or today while that is still ahead.</summary>
    public string? AsOf { get; init; }

    /// <summary>The program year whose targets are applied (2025, 2026); default the year of asOf, or this year. Without asOf the figures are as of that year's judging date (31 December), or today while it is still ahead. 404 when the program has no targets for a year given here.</summary>
    public string? Year { get; init; }

    /// <summary>The reduction program; default resolution-66.</summary>
    public string? Program { get; init; }

    /// <summary>target (default): external, business-related procedures, as the targets are judged; all: every procedure the filters keep.</summary>
    [EnumValues(typeof(ReportScope))]
    public string? Scope { get; init; }

    /// <summary>in-person, online or post: measure that channel's own processing time and fee (its fee alone, no tariff) instead of the procedure's; only procedures offered through it count.</summary>
    [EnumValues(typeof(Channels.FilingChannel))]
    public string? Channel { get; init; }

    internal ReportScope ToScope(Errors errors) => ParseEnum<ReportScope>(Scope, "scope", errors) ?? ReportScope.Target;

    /// <summary>The filters, narrowed to the targets' scope unless scope is all; a filter that contradicts the scope is an error.</summary>
    internal ProcedureFilter ToReportFilter(Errors errors)
    {
        var filter = ToFilter(errors);
        if (ToScope(errors) != ReportScope.Target)
        {
            return filter;
        }

        errors.When(filter.Kind is { } kind && kind != ProcedureKind.External, "kind",
            "scope target covers external procedures only; use scope=all to report on internal ones.");
        errors.When(filter.BusinessRelated == false, "businessRelated",
            "scope target covers business-related procedures only; use scope=all to report on the others.");
        return filter with { Kind = ProcedureKind.External, BusinessRelated = true };
    }

    internal ReportRequest ToRequest(Errors errors) =>
        ReportText.Request(Program, AsOf, ReportText.Year(Year, errors), errors) with { Channel = ReportText.Channel(Channel, errors) };
}

/// <summary>The query string of the group reduction report.</summary>
public sealed class ReductionReportQuery : ReportFilterQuery
{
    /// <summary>none (default: one row for everything the filters keep), agency, field, level, kind or jurisdiction.</summary>
    [EnumValues(typeof(ReductionGroupBy))]
    public string? GroupBy { get; init; }
}

/// <summary>The query string of the laggards report.</summary>
public sealed class LaggardQuery : ReportFilterQuery
{
    /// <summary>time (default) or cost.</summary>
    [EnumValues(typeof(ReductionMeasure))]
    public string? Measure { get; init; }

    /// <summary>Page number, from 1. As CSV or XLSX, every laggard is sent at once and paging is ignored.</summary>
    public string? Page { get; init; }

    /// <summary>Rows per page, 1 to 100 (default 20).</summary>
    public string? PageSize { get; init; }
}

/// <summary>The query string of the scoreboard.</summary>
public sealed class ScoreboardQuery
{
    /// <summary>VN or a province code; leave out for all jurisdictions together.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The program year whose targets are applied (2025, 2026); default the year of asOf, or this year. Without asOf the figures are as of that year's judging date (31 December), or today while it is still ahead. 404 when the program has no targets for a year given here.</summary>
    public string? Year { get; init; }

    /// <summary>Date (YYYY-MM-DD) whose values in force are compared with the baseline; default the judging date of year (31 December), or today while that is still ahead.</summary>
    public string? AsOf { get; init; }

    /// <summary>The reduction program; default resolution-66.</summary>
    public string? Program { get; init; }

    internal string? ToJurisdiction(Errors errors)
    {
        return Jurisdictions.Jurisdiction.Check(Jurisdiction, errors);
    }
}

internal static class ReportText
{
    public const string DefaultProgram = "resolution-66";
    private const string ProgramPattern = "^[a-z0-9-]{1,40}$";

    public static ReportRequest Request(string? program, string? asOf, int? year, Errors errors)
    {
        errors.When(program is not null && !Regex.IsMatch(program, ProgramPattern), "program",
            "program must be 1 to 40 lower-case letters, digits or '-', such as resolution-66.");
        return new ReportRequest(program ?? DefaultProgram, Date(asOf, "asOf", errors), year);
    }

    public static Channels.FilingChannel? Channel(string? text, Errors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (EnumText<Channels.FilingChannel>.TryParse(text, out var channel))
        {
            return channel;
        }

        errors.Add("channel", $"'{Transfers.CatalogueRecord.Quote(text)}' is not a channel; use one of: {EnumText<Channels.FilingChannel>.Describe()}.");
        return null;
    }

    public static DateOnly? Date(string? text, string field, Errors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= PlausibleDateAttribute.Earliest && date <= PlausibleDateAttribute.Latest)
        {
            return date;
        }

        errors.Add(field, $"'{text}' is not a date from 1945-01-01 to 2100-12-31 written YYYY-MM-DD.");
        return null;
    }

    public static int? Year(string? text, Errors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && PlausibleDateAttribute.IsPlausibleYear(year))
        {
            return year;
        }

        errors.Add("year", $"'{text}' is not a year from 1945 to 2100.");
        return null;
    }
}
