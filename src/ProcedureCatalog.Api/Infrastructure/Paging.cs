namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>One page of a list, with what a client needs to ask for the next.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Rows per page, at most <see cref="Paging.MaxPageSize"/>.</param>
/// <param name="TotalCount">Rows matching the filters across all pages.</param>
/// <param name="TotalPages">Pages needed for <paramref name="TotalCount"/>.</param>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount, long TotalPages);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static PageOf<T> Of<T>(IReadOnlyList<T> items, int page, int pageSize, long totalCount) =>
        new(items, page, pageSize, totalCount, (totalCount + pageSize - 1) / pageSize);

    /// <summary>Reads page and pageSize from their query text, reporting each bad one.</summary>
    public static (int Page, int PageSize) Read(string? page, string? pageSize, Errors errors)
    {
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, out pageNumber) || pageNumber < 1 || pageNumber > 1_000_000))
        {
            errors.Add("page", "page must be a whole number from 1 to 1000000.");
        }

        var size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size < 1 || size > MaxPageSize))
        {
            errors.Add("pageSize", $"pageSize must be a whole number from 1 to {MaxPageSize}.");
        }

        return (pageNumber, size);
    }
}
