using Microsoft.Extensions.Time.Testing;
using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineEventTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromHours(1);

    [Fact]
    public async Task RaiseEventAsync_BeforeWaitStarts_IsBufferedAndDelivered()
    {
        await using var harness = new EngineHarness();
        var gate = new ActivityGate();
        var registry = new WorkflowRegistry()
            .AddActivityFunc<string, string>("Hold", (_, _) => gate.HoldAsync())
            .AddWorkflowFunc<string?, string>("Review", async (context, _) =>
            {
                await context.CallActivityAsync("Hold");
                return await context.WaitForExternalEvent<string>("decision");
            });
        var engine = await harness.StartAsync(registry);
        var ct = TestContext.Current.CancellationToken;

        var id = await engine.ScheduleNewWorkflowAsync("Review", cancellationToken: ct);
        await Wait.ForSignalAsync(gate.Entered, "the Hold activity");
        await engine.RaiseEventAsync(id, "decision", "approved", ct);
        var pending = await engine.GetPendingEventsAsync(id, ct);
        gate.Release();
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal("decision", Assert.Single(pending).Name);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal("approved", status.ReadOutputAs<string>());
        Assert.Empty(await engine.GetPendingEventsAsync(id, ct));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(0)]
    public async Task RaiseEventAsync_AfterWaitTimedOut_IsKeptVisibleAndReceivedByLaterWait(int maxCachedInstances)
    {
        await using var harness = new EngineHarness();
        var time = new FakeTimeProvider();
        var gate = new ActivityGate();
        var registry = new WorkflowRegistry()
            .AddActivityFunc<string, string>("Hold", (_, _) => gate.HoldAsync())
            .AddWorkflowFunc<string?, string>("Review", async (context, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var decision = context.WaitForExternalEvent<string>("decision", cancel.Token);
                var timeout = context.CreateTimer(Deadline, cancel.Token);
                var winner = await Task.WhenAny(decision, timeout);
                cancel.Cancel();
                if (winner == decision)
                {
                    return "in time: " + await decision;
                }

                await context.CallActivityAsync("Hold");
                return "after timeout: " + await context.WaitForExternalEvent<string>("decision");
            });
        var engine = await harness.StartAsync(registry, time, o => o.MaxCachedInstances = maxCachedInstances);
        var ct = TestContext.Current.CancellationToken;

        var id = await engine.ScheduleNewWorkflowAsync("Review", cancellationToken: ct);
        await Wait.ForHistoryAsync(engine, id, h => h.Any(e => e.Type == HistoryEventType.TimerCreated), "the deadline timer");
        time.Advance(Deadline);
        await Wait.ForSignalAsync(gate.Entered, "the Hold activity after the timeout");
        await engine.RaiseEventAsync(id, "decision", "approved late", ct);
        await Wait.ForHistoryAsync(engine, id, h => h.Any(e => e.Type == HistoryEventType.EventRaised), "the event to reach the instance");
        var pendingWhileHeld = await engine.GetPendingEventsAsync(id, ct);
        gate.Release();
        var status = await Wait.ForCompletionAsync(engine, id);

        var kept = Assert.Single(pendingWhileHeld);
        Assert.Equal("decision", kept.Name);
        Assert.Equal("\"approved late\"", kept.SerializedPayload);
        Assert.Equal("after timeout: approved late", status.ReadOutputAs<string>());
        Assert.Empty(await engine.GetPendingEventsAsync(id, ct));
    }

    [Fact]
    public async Task RaiseEventAsync_BeforeDeadline_WinsWhenAnyAgainstTimer()
    {
        await using var harness = new EngineHarness();
        var time = new FakeTimeProvider();
        var registry = new WorkflowRegistry()
            .AddWorkflowFunc<string?, string>("Review", async (context, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var decision = context.WaitForExternalEvent<string>("decision", cancel.Token);
                var winner = await Task.WhenAny(decision, context.CreateTimer(Deadline, cancel.Token));
                cancel.Cancel();
                return winner == decision ? await decision : "timed out";
            });
        var engine = await harness.StartAsync(registry, time);
        var ct = TestContext.Current.CancellationToken;

        var id = await engine.ScheduleNewWorkflowAsync("Review", cancellationToken: ct);
        await Wait.ForHistoryAsync(engine, id, h => h.Any(e => e.Type == HistoryEventType.TimerCreated), "the deadline timer");
        await engine.RaiseEventAsync(id, "Decision", "rejected", ct);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal("rejected", status.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ThrowsInstanceNotFound()
    {
        await using var harness = new EngineHarness();
        var engine = await harness.StartAsync(new WorkflowRegistry());

        var error = await Assert.ThrowsAsync<WorkflowInstanceNotFoundException>(
            () => engine.RaiseEventAsync("no-such-instance", "decision", "approved", TestContext.Current.CancellationToken));

        Assert.Equal("no-such-instance", error.InstanceId);
        Assert.Contains("no-such-instance", error.Message, StringComparison.Ordinal);
    }
}
