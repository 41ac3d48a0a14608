using Microsoft.Extensions.Time.Testing;
using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineTimerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromHours(2);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateTimer_EngineRestarted_FiresAfterRestart(bool dueBeforeRestart)
    {
        await using var harness = new EngineHarness();
        var time = new FakeTimeProvider();
        var registry = new WorkflowRegistry()
            .AddWorkflowFunc<string?, DateTime>("Sleep", async (context, _) =>
            {
                await context.CreateTimer(Delay, CancellationToken.None);
                return context.CurrentUtcDateTime;
            });
        var first = await harness.StartAsync(registry, time);
        var id = await first.ScheduleNewWorkflowAsync("Sleep", cancellationToken: TestContext.Current.CancellationToken);
        var history = await Wait.ForHistoryAsync(first, id, h => h.Any(e => e.Type == HistoryEventType.TimerCreated), "the timer");
        await first.DisposeAsync();

        if (dueBeforeRestart)
        {
            time.Advance(Delay);
        }

        var second = await harness.StartAsync(registry, time);
        if (!dueBeforeRestart)
        {
            time.Advance(Delay);
        }

        var status = await Wait.ForCompletionAsync(second, id);

        var fireAt = history.Single(e => e.Type == HistoryEventType.TimerCreated).FireAt;
        Assert.Equal(WorkflowRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(time.Start.UtcDateTime + Delay, fireAt);
        Assert.Equal(fireAt, status.ReadOutputAs<DateTime>());
    }
}
