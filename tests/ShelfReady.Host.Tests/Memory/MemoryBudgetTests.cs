using ShelfReady.Host.Memory;

namespace ShelfReady.Host.Tests.Memory;

public sealed class MemoryBudgetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReserveAsync_MoreThanIsLeft_WaitsUntilEnoughIsGivenBack()
    {
        var budget = new MemoryBudget(100);
        var first = await budget.ReserveAsync(60, Token);

        var second = budget.ReserveAsync(60, Token);

        Assert.False(second.IsCompleted);
        first.Dispose();
        using var granted = await second.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(60, budget.ReservedBytes);
    }

    [Fact]
    public async Task ReserveAsync_LargerThanTheWholeBudget_RunsAloneOnceTheGateIsEmpty()
    {
        var budget = new MemoryBudget(100);
        var small = await budget.ReserveAsync(10, Token);

        var huge = budget.ReserveAsync(500, Token);

        Assert.False(huge.IsCompleted);
        small.Dispose();
        using var granted = await huge.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(100, budget.ReservedBytes);
    }

    [Fact]
    public async Task ReserveAsync_SmallBehindALargeWaiter_QueuesInArrivalOrder()
    {
        var budget = new MemoryBudget(100);
        var first = await budget.ReserveAsync(60, Token);
        var large = budget.ReserveAsync(60, Token);

        var small = budget.ReserveAsync(10, Token);

        Assert.False(small.IsCompleted);
        first.Dispose();
        using var largeGranted = await large.WaitAsync(TimeSpan.FromSeconds(10), Token);
        using var smallGranted = await small.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(70, budget.ReservedBytes);
    }

    [Fact]
    public async Task ReserveAsync_CancelledWhileWaiting_HoldsNothingAndLetsTheNextOneIn()
    {
        var budget = new MemoryBudget(100);
        using var first = await budget.ReserveAsync(60, Token);
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.ReserveAsync(60, cancel.Token);
        var next = budget.ReserveAsync(30, Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        using var granted = await next.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(90, budget.ReservedBytes);
    }

    [Fact]
    public async Task ReserveAsync_ManyConcurrentCallers_NeverHoldMoreThanTheBudgetAndAllFinish()
    {
        const long capacity = 1000;
        var budget = new MemoryBudget(capacity);
        var (holding, mostHeld) = (0L, 0L);

        await Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Token }, async (i, token) =>
        {
            var bytes = 1 + ((i * 7919L) % 700);
            using (await budget.ReserveAsync(bytes, token))
            {
                var now = Interlocked.Add(ref holding, bytes);
                InterlockedMax(ref mostHeld, now);
                await Task.Yield();
                Interlocked.Add(ref holding, -bytes);
            }
        });

        Assert.InRange(mostHeld, 1, capacity);
        Assert.Equal(0, budget.ReservedBytes);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
