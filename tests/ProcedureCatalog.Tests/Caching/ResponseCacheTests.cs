using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Caching;

namespace ProcedureCatalog.Tests.Caching;

/// <summary>The response cache gives an answer back only at the position it was computed at, and holds no more than its budget.</summary>
public sealed class ResponseCacheTests
{
    private static ResponseCache WithBudget(long bytes) => new(Options.Create(new CachingOptions { ResponseCacheBytes = bytes }));

    private static CachedAnswer Answer(int bodyBytes) => new("W/\"1-ab\"", "application/json", null, "no-cache", null, new byte[bodyBytes]);

    [Fact]
    public void AnAnswerComesBackOnlyAtThePositionItWasComputedAt()
    {
        var cache = WithBudget(1024 * 1024);
        var answer = Answer(100);
        cache.Keep("scoreboard", 41, answer);

        Assert.Same(answer, cache.Find("scoreboard", 41));
        Assert.Null(cache.Find("scoreboard", 42));
        Assert.Null(cache.Find("laggards", 41));
    }

    [Fact]
    public void TheLeastRecentlyUsedAnswersGoFirstWhenTheBudgetIsFull()
    {
        // Each answer holds 400 bytes of body and 512 of bookkeeping: four fit in 4,096 bytes, a fifth does not.
        var cache = WithBudget(4096);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            cache.Keep(name, 1, Answer(400));
        }

        Assert.NotNull(cache.Find("a", 1));
        cache.Keep("e", 1, Answer(400));

        Assert.Null(cache.Find("b", 1));
        Assert.NotNull(cache.Find("a", 1));
        Assert.NotNull(cache.Find("e", 1));
        Assert.True(cache.Bytes <= 4096, $"the cache holds {cache.Bytes} bytes");
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void AnAnswerLargerThanAQuarterOfTheBudgetIsNotKept()
    {
        var cache = WithBudget(4096);
        cache.Keep("export", 1, Answer(1024));

        Assert.Null(cache.Find("export", 1));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void ANewerAnswerToTheSameRequestReplacesTheOlderOne()
    {
        var cache = WithBudget(1024 * 1024);
        cache.Keep("scoreboard", 41, Answer(100));
        var newer = Answer(200);
        cache.Keep("scoreboard", 42, newer);

        Assert.Same(newer, cache.Find("scoreboard", 42));
        Assert.Equal(1, cache.Count);
        Assert.Equal(newer.Size, cache.Bytes);
    }

    [Fact]
    public void ABudgetOfNothingKeepsNothing()
    {
        var cache = WithBudget(0);
        cache.Keep("scoreboard", 1, Answer(1));

        Assert.False(cache.Enabled);
        Assert.Null(cache.Find("scoreboard", 1));
    }
}
