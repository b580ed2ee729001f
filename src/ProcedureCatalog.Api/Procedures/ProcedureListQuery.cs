using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>
/// The filters of the procedure list, shared by the reports. Values arrive as text so that every bad one
/// is reported by name in a single answer, with the values the glossary allows.
/// </summary>
public class ProcedureFilterQuery
{
    /// <summary>Only this jurisdiction's catalogue: VN or a province code such as 11.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>cấp thực hiện.</summary>
    [EnumValues(typeof(ProcedureLevel))]
    public string? Level { get; init; }

    /// <summary>external or an internal kind.</summary>
    [EnumValues(typeof(ProcedureKind))]
    public string? Kind { get; init; }

    /// <summary>true or false.</summary>
    [EnumValues("true", "false")]
    public string? BusinessRelated { get; init; }

    /// <summary>mức độ trực tuyến.</summary>
    [EnumValues(typeof(OnlineLevel))]
    public string? OnlineLevel { get; init; }

    /// <summary>true or false.</summary>
    [EnumValues("true", "false")]
    public string? FullOnlineEligible { get; init; }

    /// <summary>true or false.</summary>
    [EnumValues("true", "false")]
    public string? BoundaryFree { get; init; }

    /// <summary>true or false: set by technical regulations and mandatory standards.</summary>
    [EnumValues("true", "false")]
    public string? TechnicalRegulation { get; init; }

    /// <summary>Only procedures of this field id.</summary>
    public string? FieldId { get; init; }

    /// <summary>Only procedures of this agency id.</summary>
    public string? AgencyId { get; init; }

    /// <summary>active or abolished.</summary>
    [EnumValues(typeof(ProcedureStatus))]
    public string? Status { get; init; }

    /// <summary>Words to find in the code or name, ignoring case and Vietnamese diacritics ("dang ky kinh doanh" finds "Đăng ký kinh doanh").</summary>
    public string? Q { get; init; }

    internal const int MaxQueryLength = 200;

    internal ProcedureFilter ToFilter(Errors errors)
    {
        Jurisdictions.Jurisdiction.Check(Jurisdiction, errors);
        errors.When(Q is { Length: > MaxQueryLength }, "q", $"q may be at most {MaxQueryLength} characters.");

        return new ProcedureFilter
        {
            Jurisdiction = Jurisdiction,
            Level = ParseEnum<ProcedureLevel>(Level, "level", errors),
            Kind = ParseEnum<ProcedureKind>(Kind, "kind", errors),
            BusinessRelated = ParseBool(BusinessRelated, "businessRelated", errors),
            OnlineLevel = ParseEnum<OnlineLevel>(OnlineLevel, "onlineLevel", errors),
            FullOnlineEligible = ParseBool(FullOnlineEligible, "fullOnlineEligible", errors),
            BoundaryFree = ParseBool(BoundaryFree, "boundaryFree", errors),
            TechnicalRegulation = ParseBool(TechnicalRegulation, "technicalRegulation", errors),
            FieldId = ParseId(FieldId, "fieldId", errors),
            AgencyId = ParseId(AgencyId, "agencyId", errors),
            Status = ParseEnum<ProcedureStatus>(Status, "status", errors),
            SearchTerms = SearchText.Terms(Q, ProcedureQueries.MaxSearchTerms),
        };
    }

    internal static bool? ParseBool(string? text, string field, Errors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not allowed; use true or false.");
        return null;
    }

    internal static long? ParseId(string? text, string field, Errors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not an id; use a positive whole number.");
        return null;
    }

    internal static TEnum? ParseEnum<TEnum>(string? text, string field, Errors errors) where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (EnumText<TEnum>.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not allowed; use one of: {EnumText<TEnum>.Describe()}.");
        return null;
    }
}

/// <summary>The query string of the procedure list: its filters, sort and page.</summary>
public sealed class ProcedureListQuery : ProcedureFilterQuery
{
    /// <summary>Date (YYYY-MM-DD) on which the dated attributes are filtered and shown; default today in Vietnam.</summary>
    public string? AsOf { get; init; }

    /// <summary>Comma-separated keys among code, name, jurisdiction, updatedAt, createdAt; a leading '-' sorts descending. Default: jurisdiction,code.</summary>
    public string? Sort { get; init; }

    /// <summary>Page number, from 1.</summary>
    public string? Page { get; init; }

    /// <summary>Rows per page, 1 to 100 (default 20).</summary>
    public string? PageSize { get; init; }

    internal IReadOnlyList<(string Key, bool Descending)> ToSort(Errors errors)
    {
        if (string.IsNullOrWhiteSpace(Sort))
        {
            return [("jurisdiction", false), ("code", false)];
        }

        var keys = new List<(string, bool)>();
        foreach (var part in Sort.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var descending = part.StartsWith('-');
            var key = descending ? part[1..] : part;
            if (!ProcedureQueries.SortColumns.ContainsKey(key))
            {
                errors.Add("sort", $"'{part}' is not a sort key; use {string.Join(", ", ProcedureQueries.SortColumns.Keys)}, each optionally with a leading '-'.");
                continue;
            }

            if (keys.All(existing => existing.Item1 != key))
            {
                keys.Add((key, descending));
            }
        }

        return keys;
    }
}
