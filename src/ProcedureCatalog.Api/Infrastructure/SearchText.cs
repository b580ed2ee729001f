using System.Globalization;
using System.Text;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>
/// Folds Vietnamese text for search: lower case, no diacritics, đ as d, single spaces. Stored beside the
/// name so that both engines search with a plain LIKE and the same result.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = character switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(character),
            };

            if (char.IsWhiteSpace(mapped) || char.IsControl(mapped))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(mapped);
        }

        return folded.ToString();
    }

    /// <summary>The words of a query, each to be found somewhere in the folded text.</summary>
    public static IReadOnlyList<string> Terms(string? query, int maxTerms) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(maxTerms).ToArray();

    /// <summary>A LIKE pattern that matches the term anywhere, with LIKE's own wildcards escaped by <c>\</c>.</summary>
    public static string ContainsPattern(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
}
