using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Tests.Infrastructure;

public sealed class ReadAheadTests
{
    private static async IAsyncEnumerable<int> Numbers(int count, Action? whenDone = null, int failAt = -1)
    {
        try
        {
            for (var number = 0; number < count; number++)
            {
                if (number == failAt)
                {
                    throw new InvalidOperationException($"the source failed at {number}");
                }

                await Task.Yield();
                yield return number;
            }
        }
        finally
        {
            whenDone?.Invoke();
        }
    }

    [Fact]
    public async Task RowsComeInTheirOrderAllOfThem()
    {
        var read = new List<int>();
        await foreach (var number in ReadAhead.Of(Numbers(10_000), capacity: 16, cancellationToken: TestContext.Current.CancellationToken))
        {
            read.Add(number);
        }

        Assert.Equal(Enumerable.Range(0, 10_000), read);
    }

    [Fact]
    public async Task AFailureOfTheReaderReachesTheWriterAfterTheRowsBeforeIt()
    {
        var read = new List<int>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var number in ReadAhead.Of(Numbers(100, failAt: 40), capacity: 4, cancellationToken: TestContext.Current.CancellationToken))
            {
                read.Add(number);
            }
        });

        Assert.Equal("the source failed at 40", failure.Message);
        Assert.Equal(Enumerable.Range(0, 40), read);
    }

    [Fact]
    public async Task AWriterThatStopsEarlyStopsTheReaderBeforeItReturns()
    {
        var readerDone = false;
        var read = 0;
        await foreach (var _ in ReadAhead.Of(Numbers(1_000_000, () => readerDone = true), capacity: 8, cancellationToken: TestContext.Current.CancellationToken))
        {
            if (++read == 3)
            {
                break;
            }
        }

        // The source was disposed (its connection closed) before the loop let go, and it stopped long before its end.
        Assert.True(readerDone);
    }

    [Fact]
    public async Task AtMostTheCapacityIsReadAheadOfTheWriter()
    {
        var produced = 0;
        async IAsyncEnumerable<int> Counted()
        {
            for (var number = 0; number < 1_000; number++)
            {
                Interlocked.Increment(ref produced);
                await Task.Yield();
                yield return number;
            }
        }

        await using var rows = ReadAhead.Of(Counted(), capacity: 8, cancellationToken: TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await rows.MoveNextAsync());
        await Task.Delay(200, TestContext.Current.CancellationToken);

        // One row taken, eight waiting, and the reader holding the next one it could not hand over.
        Assert.InRange(Volatile.Read(ref produced), 1, 1 + 8 + 1);
    }
}
