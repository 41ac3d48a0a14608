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

    [Fact]
    public async Task CreateTimer_ClockJumpsWhileSchedulerArmsDelay_StillFires()
    {
        await using var harness = new EngineHarness();
        var time = new JumpWhileArmingTimeProvider(Delay);
        var registry = new WorkflowRegistry()
            .AddWorkflowFunc<string?, DateTime>("Sleep", async (context, _) =>
            {
                await context.CreateTimer(Delay, CancellationToken.None);
                return context.CurrentUtcDateTime;
            });
        var engine = await harness.StartAsync(registry, time);

        var id = await engine.ScheduleNewWorkflowAsync("Sleep", cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.True(time.Jumped);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(time.Start.UtcDateTime + Delay, status.ReadOutputAs<DateTime>());
    }

    /// <summary>
    /// Moves the clock to the timer's due time just as the scheduler arms its delay for it, which is what a
    /// stalled thread or a test advancing its clock does between computing the wait and registering it.
    /// </summary>
    private sealed class JumpWhileArmingTimeProvider(TimeSpan jumpOnDelayOf) : FakeTimeProvider
    {
        public bool Jumped { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (!Jumped && dueTime == jumpOnDelayOf)
            {
                Jumped = true;
                Advance(jumpOnDelayOf);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
