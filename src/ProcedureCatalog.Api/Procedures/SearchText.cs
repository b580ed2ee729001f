using System.Globalization;
using System.Text;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>
/// Folds Vietnamese text for search: lower case, no diacritics, đ as d, single spaces. Stored beside the
/// name so that both engines decide a match with a plain LIKE and the same result; each engine's search
/// index (see <see cref="Database.SqlDialect.SearchIndexCondition"/>) only narrows the rows LIKE looks at.
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
    public static string ContainsPattern(string term) => "%" + EscapeLike(term) + "%";

    /// <summary>A LIKE pattern that matches text starting with the term, escaped like <see cref="ContainsPattern"/>.</summary>
    public static string StartsWithPattern(string term) => EscapeLike(term) + "%";

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[");

    /// <summary>
    /// The shortest term the search indexes can find (FTS5's trigram tokenizer on SQLite, word suffixes from
    /// the third-last letter on SQL Server). Shorter terms are only checked by LIKE on the rows the others keep.
    /// </summary>
    public const int IndexedTermLength = 3;

    /// <summary>An FTS5 query that every text containing all the terms matches: each a quoted string, with AND.</summary>
    public static string Fts5AllOf(IEnumerable<string> terms) =>
        string.Join(" AND ", terms.Select(term => "\"" + term.Replace("\"", "\"\"") + "\""));
}
