using Microsoft.Extensions.Time.Testing;
using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineRetryTests
{
    private static readonly RetryPolicy Policy = new(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2);

    [Fact]
    public async Task CallActivityAsync_FailsTwiceWithRetryPolicy_WaitsBackoffDelaysThenSucceeds()
    {
        await using var harness = new EngineHarness();
        var time = new FakeTimeProvider();
        var attempts = 0;
        var registry = new WorkflowRegistry()
            .AddActivityFunc<int, int>("Flaky", (_, input) =>
                Interlocked.Increment(ref attempts) < 3 ? throw new IOException("endpoint busy") : Task.FromResult(input * 2))
            .AddWorkflowFunc<int, int>("Retrying", (context, input) =>
                context.CallActivityAsync<int>("Flaky", input, ActivityOptions.FromRetryPolicy(Policy)));
        var engine = await harness.StartAsync(registry, time);
        var start = time.GetUtcNow().UtcDateTime;

        var id = await engine.ScheduleNewWorkflowAsync("Retrying", 21, cancellationToken: TestContext.Current.CancellationToken);
        await WaitForTimersAsync(engine, id, 1);
        time.Advance(TimeSpan.FromSeconds(10));
        var history = await WaitForTimersAsync(engine, id, 2);
        time.Advance(TimeSpan.FromSeconds(20));
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal(42, status.ReadOutputAs<int>());
        Assert.Equal(3, attempts);
        Assert.Equal(
            [start.AddSeconds(10), start.AddSeconds(30)],
            history.Where(e => e.Type == HistoryEventType.TimerCreated).Select(e => e.FireAt!.Value));
        Assert.Equal(2, history.Count(e => e.Type == HistoryEventType.ActivityFailed));
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_ThrowsTaskFailedWithDetails()
    {
        await using var harness = new EngineHarness();
        var attempts = 0;
        var registry = new WorkflowRegistry()
            .AddActivityFunc<string?, string>("Broken", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("boom");
            })
            .AddWorkflowFunc<string?, string>("Catching", async (context, _) =>
            {
                try
                {
                    return await context.CallActivityAsync<string>("Broken", options: ActivityOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(1))));
                }
                catch (WorkflowTaskFailedException failed)
                {
                    return $"{failed.TaskName}|{failed.FailureDetails.ErrorType}|{failed.FailureDetails.ErrorMessage}";
                }
            });
        var engine = await harness.StartAsync(registry);

        var id = await engine.ScheduleNewWorkflowAsync("Catching", cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal("Broken|System.InvalidOperationException|boom", status.ReadOutputAs<string>());
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task CallActivityAsync_FailureNotCaught_FailsInstanceWithCauseChain()
    {
        await using var harness = new EngineHarness();
        var registry = new WorkflowRegistry()
            .AddActivityFunc<string?, string>("Broken", (_, _) => throw new InvalidOperationException("boom"))
            .AddWorkflowFunc<string?, string>("Failing", (context, _) => context.CallActivityAsync<string>("Broken"));
        var engine = await harness.StartAsync(registry);

        var id = await engine.ScheduleNewWorkflowAsync("Failing", cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal(WorkflowRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Equal(typeof(WorkflowTaskFailedException).FullName, status.FailureDetails!.ErrorType);
        Assert.True(status.FailureDetails.IsCausedBy<InvalidOperationException>());
        Assert.Equal("boom", status.FailureDetails.InnerFailure!.ErrorMessage);
    }

    private static Task<IReadOnlyList<HistoryEvent>> WaitForTimersAsync(WorkflowEngine engine, string id, int count) =>
        Wait.ForHistoryAsync(engine, id, h => h.Count(e => e.Type == HistoryEventType.TimerCreated) == count, $"retry timer {count}");
}
