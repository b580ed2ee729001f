using System.Collections.Frozen;
using System.Text.Json;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// The glossary's spelling of an enum value (<c>internal-between-agencies</c>), used alike in JSON, query
/// strings and database columns.
/// </summary>
public static class EnumText<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByText = Enum.GetValues<TEnum>()
        .ToFrozenDictionary(value => Of(value), value => value, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> AllowedValues { get; } = Enum.GetValues<TEnum>().Select(Of).ToArray();

    public static string Of(TEnum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse(string? text, out TEnum value) => ByText.TryGetValue(text ?? string.Empty, out value);

    public static TEnum Parse(string text) => TryParse(text, out var value)
        ? value
        : throw new FormatException($"'{text}' is not one of {string.Join(", ", AllowedValues)}.");

    public static string Describe() => string.Join(", ", AllowedValues);
}

public static class EnumText
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => EnumText<TEnum>.Of(value);

    public static string? Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? EnumText<TEnum>.Of(v) : null;

    /// <summary>The allowed values of an enum type known only at run time, for error messages.</summary>
    public static IReadOnlyList<string> AllowedValues(Type enumType) =>
        Enum.GetNames(enumType).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToArray();
}
