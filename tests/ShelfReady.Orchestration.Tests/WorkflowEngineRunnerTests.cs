using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineRunnerTests
{
    [Fact]
    public async Task RunAsync_StopRequestedDuringActivity_LetsItFinishAndCommits()
    {
        await using var harness = new EngineHarness();
        var gate = new ActivityGate();
        var registry = new WorkflowRegistry()
            .AddActivityFunc<string?, string>("Export", (_, _) => gate.HoldAsync())
            .AddWorkflowFunc<string?, string>("Publish", (context, _) => context.CallActivityAsync<string>("Export"));
        var options = new WorkflowEngineOptions { DatabasePath = harness.DatabasePath };
        await using var engine = new WorkflowEngine(registry, options);
        using var stop = new CancellationTokenSource();
        // The runner starts the engine before its first await, so the engine accepts work once RunAsync returns.
        var running = new WorkflowEngineRunner(engine).RunAsync(stop.Token);

        var id = await engine.ScheduleNewWorkflowAsync("Publish", cancellationToken: TestContext.Current.CancellationToken);
        await Wait.ForSignalAsync(gate.Entered, "the Export activity");
        await stop.CancelAsync();
        gate.Release();
        await Wait.ForSignalAsync(running, "the runner to stop");
        await using var restarted = await harness.StartAsync(registry);
        var status = await restarted.GetStatusAsync(id, TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("released", status.ReadOutputAs<string>());
    }
}
