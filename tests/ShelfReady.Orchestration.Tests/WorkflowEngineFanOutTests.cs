using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineFanOutTests
{
    [Fact]
    public async Task CallActivityAsync_FiftyFannedOut_AllResultsFannedIn()
    {
        await using var harness = new EngineHarness();
        var registry = new WorkflowRegistry()
            .AddActivityFunc<int, int>("Square", (_, n) => Task.FromResult(n * n))
            .AddWorkflowFunc<int, int>("SumOfSquares", async (context, count) =>
            {
                var squares = Enumerable.Range(1, count).Select(n => context.CallActivityAsync<int>("Square", n)).ToList();
                return (await Task.WhenAll(squares)).Sum();
            });
        var engine = await harness.StartAsync(registry);

        var id = await engine.ScheduleNewWorkflowAsync("SumOfSquares", 50, cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);
        var history = await engine.GetHistoryAsync(id, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 50).Sum(n => n * n), status.ReadOutputAs<int>());
        Assert.Equal(50, history.Count(e => e.Type == HistoryEventType.ActivityCompleted));
    }

    [Fact]
    public async Task CallActivityAsync_PerNameLimit_NeverExceeded()
    {
        await using var harness = new EngineHarness();
        var running = 0;
        var peak = 0;
        var registry = new WorkflowRegistry()
            .AddActivityFunc<int, int>("Segment", async (_, n) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Yield();
                Interlocked.Decrement(ref running);
                return n;
            })
            .AddWorkflowFunc<int, int>("FanOut", async (context, count) =>
                (await Task.WhenAll(Enumerable.Range(1, count).Select(n => context.CallActivityAsync<int>("Segment", n)))).Length);
        var engine = await harness.StartAsync(registry, configure: o => o.ActivityConcurrencyLimits["segment"] = 2);

        var id = await engine.ScheduleNewWorkflowAsync("FanOut", 40, cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal(40, status.ReadOutputAs<int>());
        Assert.InRange(peak, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
