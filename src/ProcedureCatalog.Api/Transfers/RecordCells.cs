using System.Globalization;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>
/// The cells of one imported record by column name, read by the rules every import shares (the catalogue's and the
/// reporting regimes'): every text by TextRules (no control or invisible characters, stored in composed form, so that
/// "có" typed with a combining accent is the same word), yes/no as true/false or có/không, dates YYYY-MM-DD (or as Excel
/// hands them over), amounts to the hundredth. Every problem is added to the record's errors under its column.
/// </summary>
/// <param name="multiLine">The columns whose cells may hold line breaks (the catalogue's documents and published lists), if any.</param>
internal sealed class RecordCells(IReadOnlyDictionary<string, string?> values, Errors errors, Func<string, bool>? multiLine = null)
{
    public string? Text(string column)
    {
        if (!values.TryGetValue(column, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TextRules.Problem(column, value.Trim(), multiLine: multiLine?.Invoke(column) ?? false) is { } problem)
        {
            errors.Add(column, problem);
            return null;
        }

        return TextRules.Normalize(value.Trim());
    }

    public string Required(string column, int maxLength)
    {
        var text = Text(column);
        errors.When(text is null && (!values.TryGetValue(column, out var raw) || string.IsNullOrWhiteSpace(raw)), column, $"{column} is required.");
        errors.When(text is { Length: var length } && length > maxLength, column, $"{column} may have at most {maxLength} characters.");
        return text ?? string.Empty;
    }

    public TEnum Enum<TEnum>(string column, TEnum? fallback = null) where TEnum : struct, System.Enum
    {
        var text = Text(column);
        if (text is null && fallback is { } value)
        {
            return value;
        }

        if (EnumText<TEnum>.TryParse(text, out var parsed))
        {
            return parsed;
        }

        errors.Add(column, text is null ? $"{column} is required." : $"'{CatalogueRecord.Quote(text)}' is not allowed; use one of: {EnumText<TEnum>.Describe()}.");
        return default;
    }

    public bool Flag(string column)
    {
        switch (Text(column)?.ToLowerInvariant())
        {
            case "true" or "1" or "có" or "co" or "x":
                return true;
            case "false" or "0" or "không" or "khong":
                return false;
            case null:
                errors.Add(column, $"{column} is required (true or false).");
                return false;
            case var other:
                errors.Add(column, $"'{CatalogueRecord.Quote(other)}' is not a yes or no: write true or false (có or không).");
                return false;
        }
    }

    public DateOnly? Date(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        // Excel hands dates over as date-times.
        if ((DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
             || (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && moment.TimeOfDay == TimeSpan.Zero && (date = DateOnly.FromDateTime(moment)) != default))
            && date >= PlausibleDateAttribute.Earliest && date <= PlausibleDateAttribute.Latest)
        {
            return date;
        }

        errors.Add(column, $"'{CatalogueRecord.Quote(text)}' is not a date from 1945-01-01 to 2100-12-31 written YYYY-MM-DD.");
        return null;
    }

    public decimal? Amount(string column, decimal max)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && amount <= max && decimal.Round(amount, 2) == amount)
        {
            return amount;
        }

        errors.Add(column, $"'{CatalogueRecord.Quote(text)}' is not a number from 0 to {max} with at most 2 decimals.");
        return null;
    }

    public long? Whole(string column, long max)
    {
        var amount = Amount(column, max);
        errors.When(amount is { } value && value != decimal.Truncate(value), column, $"{column} must be a whole number.");
        return amount is { } whole ? (long)whole : null;
    }
}
