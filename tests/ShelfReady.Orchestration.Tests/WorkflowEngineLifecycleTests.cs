using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineLifecycleTests
{
    [Fact]
    public async Task ScheduleNewWorkflowAsync_DuplicateInstanceId_IsNoOpReturningExistingInstance()
    {
        await using var harness = new EngineHarness();
        var runs = 0;
        var registry = new WorkflowRegistry()
            .AddActivityFunc<string, string>("Ingest", (_, file) =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult(file.ToUpperInvariant());
            })
            .AddWorkflowFunc<string, string>("ProcessImage", (context, file) => context.CallActivityAsync<string>("Ingest", file));
        var engine = await harness.StartAsync(registry);
        var ct = TestContext.Current.CancellationToken;

        var first = await engine.ScheduleNewWorkflowAsync("ProcessImage", "a.jpg", "job-1", ct);
        var second = await engine.ScheduleNewWorkflowAsync("ProcessImage", "b.jpg", "job-1", ct);
        var status = await Wait.ForCompletionAsync(engine, first);
        var third = await engine.ScheduleNewWorkflowAsync("ProcessImage", "c.jpg", "job-1", ct);

        Assert.Equal("job-1", second);
        Assert.Equal("job-1", third);
        Assert.Equal("A.JPG", status.ReadOutputAs<string>());
        Assert.Single(await engine.ListAsync(cancellationToken: ct));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task TerminateAsync_RunningInstance_TerminatesAndPurgeRemovesIt()
    {
        await using var harness = new EngineHarness();
        var registry = new WorkflowRegistry()
            .AddWorkflowFunc<string?, string>("Waiting", (context, _) => context.WaitForExternalEvent<string>("never"));
        var engine = await harness.StartAsync(registry);
        var ct = TestContext.Current.CancellationToken;
        var id = await engine.ScheduleNewWorkflowAsync("Waiting", cancellationToken: ct);
        await Wait.UntilAsync(() => engine.GetStatusAsync(id, ct), s => s!.RuntimeStatus == WorkflowRuntimeStatus.Running, "the instance to run");

        var purgedWhileRunning = await engine.PurgeAsync(id, ct);
        await engine.TerminateAsync(id, "merchant cancelled", ct);
        var terminated = await Wait.ForCompletionAsync(engine, id);
        var purged = await engine.PurgeAsync(id, ct);

        Assert.False(purgedWhileRunning);
        Assert.Equal(WorkflowRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal("merchant cancelled", terminated.ReadOutputAs<string>());
        Assert.True(purged);
        Assert.Null(await engine.GetStatusAsync(id, ct));
        Assert.Empty(await engine.GetHistoryAsync(id, ct));
        await Assert.ThrowsAsync<WorkflowInstanceNotFoundException>(() => engine.TerminateAsync(id, "again", ct));
    }

    [Fact]
    public async Task GetStatusAsync_RunningInstance_ReportsInputCustomStatusAndTimes()
    {
        await using var harness = new EngineHarness();
        var registry = new WorkflowRegistry()
            .AddWorkflowFunc<string, string>("Review", async (context, file) =>
            {
                context.SetCustomStatus(new ReviewProgress("awaiting review", 1));
                var decision = await context.WaitForExternalEvent<string>("decision");
                context.SetCustomStatus(new ReviewProgress("decided", 2));
                return $"{file}: {decision}";
            });
        var engine = await harness.StartAsync(registry);
        var ct = TestContext.Current.CancellationToken;
        var id = await engine.ScheduleNewWorkflowAsync("Review", "shoe.jpg", cancellationToken: ct);

        var running = await Wait.UntilAsync(() => engine.GetStatusAsync(id, ct), s => s!.SerializedCustomStatus is not null, "the custom status");
        var listedRunning = await engine.ListAsync(WorkflowRuntimeStatus.Running, ct);
        await engine.RaiseEventAsync(id, "decision", "approved", ct);
        var completed = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal(WorkflowRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Equal("shoe.jpg", running.ReadInputAs<string>());
        Assert.Equal(new ReviewProgress("awaiting review", 1), running.ReadCustomStatusAs<ReviewProgress>());
        Assert.Equal(id, Assert.Single(listedRunning).InstanceId);
        Assert.Equal("shoe.jpg: approved", completed.ReadOutputAs<string>());
        Assert.Equal(new ReviewProgress("decided", 2), completed.ReadCustomStatusAs<ReviewProgress>());
        Assert.True(completed.LastUpdatedAt >= completed.CreatedAt);
        Assert.Null(completed.FailureDetails);
    }

    [Fact]
    public async Task ScheduleNewWorkflowAsync_UnregisteredName_ThrowsArgumentException()
    {
        await using var harness = new EngineHarness();
        var engine = await harness.StartAsync(new WorkflowRegistry());

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => engine.ScheduleNewWorkflowAsync("Missing", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Missing", error.Message, StringComparison.Ordinal);
    }

    private sealed record ReviewProgress(string Stage, int Step);
}
