using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>Marks a text that may hold several lines (tab, line feed and carriage return allowed); every other text is one line.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineTextAttribute : Attribute;

/// <summary>
/// What text the catalogue accepts, the same for every way in (JSON bodies through <see cref="ApplyToStrings"/>, the bulk
/// import through <see cref="Problem"/> and <see cref="Normalize"/>):
/// <list type="bullet">
/// <item>It is stored in Unicode NFC, so that "Sở" typed precomposed or decomposed (NFD, as some keyboards and macOS send it) is one text.</item>
/// <item>No control characters (Unicode Cc): a NUL or an escape would reach CSV exports, terminals and other systems raw.
/// Multi-line text (<see cref="MultiLineTextAttribute"/>) may hold tab, line feed and carriage return; names, codes and
/// every other one-line text none, nor the line and paragraph separators U+2028 and U+2029.</item>
/// <item>No invisible format characters (Unicode Cf: zero-width space and joiners, left-to-right and right-to-left marks,
/// overrides and isolates, the byte-order mark, the soft hyphen): they make two names that look the same differ, or a
/// name display as something else than it is.</item>
/// <item>No lone surrogates: they are not text, and no other system could store them.</item>
/// </list>
/// Names that must be unique (fields; agencies within a jurisdiction) are compared by <see cref="NameKey"/>: "Sở Tài chính",
/// "SỞ TÀI CHÍNH" and "Sở  Tài chính " are the same name.
/// </summary>
public static class TextRules
{
    /// <summary>The text in NFC; null stays null. Call it after <see cref="Problem"/> found nothing wrong (it cannot normalise a lone surrogate).</summary>
    public static string? Normalize(string? value) =>
        value is null || value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// What is wrong with a text input, as a sentence that begins with the field's name; null when nothing is (null is fine here:
    /// whether a value is required is another rule).
    /// </summary>
    /// <param name="field">The field's name as the client knows it, e.g. "name" or "documents[0].caseNote".</param>
    /// <param name="value">The text as received, before <see cref="Normalize"/>.</param>
    /// <param name="multiLine">True for text that may hold several lines (tab, line feed, carriage return).</param>
    public static string? Problem(string field, string? value, bool multiLine = false)
    {
        if (value is null)
        {
            return null;
        }

        var position = 0;
        for (var index = 0; index < value.Length; position++)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return $"{field} holds a broken character (a lone UTF-16 surrogate) at character {position + 1}; send valid Unicode text.";
            }

            index += consumed;
            var category = Rune.GetUnicodeCategory(rune);
            var allowedLineBreak = multiLine && rune.Value is '\t' or '\n' or '\r';
            if (category == UnicodeCategory.Control && !allowedLineBreak)
            {
                return $"{field} holds a control character ({Describe(rune)}) at character {position + 1}; "
                    + (multiLine ? "only tab and line breaks are allowed in this text." : "names, codes and one-line text may hold none (no tab or line break either).");
            }

            if (!multiLine && category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"{field} holds a line break ({Describe(rune)}) at character {position + 1}; this text is one line.";
            }

            if (category == UnicodeCategory.Format)
            {
                return $"{field} holds an invisible formatting character ({Describe(rune)}) at character {position + 1}: zero-width spaces and joiners, "
                    + "direction marks and overrides, byte-order marks and soft hyphens make texts that look alike differ. Remove it.";
            }
        }

        return null;
    }

    /// <summary>
    /// The key two names are compared by for uniqueness: compatibility-normalised (NFKC, so that NFD and NFC, or full-width
    /// and ordinary letters, are one), lower case (invariant culture), trimmed, runs of white space as one space.
    /// </summary>
    public static string NameKey(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var key = new StringBuilder(folded.Length);
        foreach (var character in folded)
        {
            if (char.IsWhiteSpace(character))
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }
            }
            else
            {
                key.Append(character);
            }
        }

        return key.ToString().TrimEnd(' ').Normalize(NormalizationForm.FormC);
    }

    private static string Describe(Rune rune) => $"U+{rune.Value:X4}";

    /// <summary>
    /// Gives every string property of a JSON body the rules above: once an object is read, each of its texts is checked
    /// (refused with 400 naming the field) and stored in NFC. A callback rather than a converter, so that the OpenAPI
    /// document still describes the properties as strings.
    /// </summary>
    public static void ApplyToStrings(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var texts = typeInfo.Properties
            .Where(property => property.PropertyType == typeof(string))
            .Select(property => new Text(property, property.AttributeProvider?.IsDefined(typeof(MultiLineTextAttribute), inherit: true) == true))
            .ToArray();
        if (texts.Length == 0)
        {
            return;
        }

        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = read =>
        {
            earlier?.Invoke(read);
            foreach (var text in texts)
            {
                text.Apply(read);
            }
        };
    }

    private sealed record Text(JsonPropertyInfo Property, bool MultiLine)
    {
        public void Apply(object read)
        {
            if (Property.Get?.Invoke(read) is not string value)
            {
                return;
            }

            if (Problem(Property.Name, value, MultiLine) is { } problem)
            {
                throw new TextRuleException(Property.Name, problem);
            }

            var normalized = Normalize(value)!;
            if (!ReferenceEquals(normalized, value))
            {
                // Records bound through their constructor have init-only setters, which reflection may call.
                if (Property.Set is { } set)
                {
                    set(read, normalized);
                }
                else
                {
                    (Property.AttributeProvider as System.Reflection.PropertyInfo)?.SetValue(read, normalized);
                }
            }
        }
    }

    /// <summary>A refused text in a JSON body; BadRequestExceptionHandler answers it with its message under the field's path.</summary>
    public sealed class TextRuleException(string member, string message) : JsonException(message)
    {
        /// <summary>The member's JSON name within the object the exception's Path points at.</summary>
        public string Member { get; } = member;
    }
}
