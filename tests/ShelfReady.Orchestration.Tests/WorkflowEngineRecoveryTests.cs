using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineRecoveryTests
{
    private const int Steps = 5;
    private const int InterruptedStep = 3;

    [Fact]
    public async Task StartAsync_AfterEngineDisposedMidWorkflow_CompletesWithoutRerunningCompletedActivities()
    {
        await using var harness = new EngineHarness();
        var log = new SideEffectLog(Path.Combine(harness.Directory, "side-effects.log"));
        var gate = new ActivityGate();
        var ct = TestContext.Current.CancellationToken;
        var first = await harness.StartAsync(Registry(log, gate));
        var id = await first.ScheduleNewWorkflowAsync("Steps", Steps, cancellationToken: ct);
        await Wait.ForSignalAsync(gate.Entered, $"step {InterruptedStep}");

        await first.DisposeAsync();
        var second = await harness.StartAsync(Registry(log, gate: null));
        var status = await Wait.ForCompletionAsync(second, id);

        Assert.Equal(Steps, status.ReadOutputAs<int>());
        for (var step = 1; step <= Steps; step++)
        {
            Assert.Equal(step == InterruptedStep ? 2 : 1, log.Count($"started {step}"));
            Assert.Equal(1, log.Count($"done {step}"));
        }
    }

    private static WorkflowRegistry Registry(SideEffectLog log, ActivityGate? gate) => new WorkflowRegistry()
        .AddActivityFunc<int, int>("Step", async (context, step) =>
        {
            log.Append($"started {step}");
            if (step == InterruptedStep && gate is not null)
            {
                await gate.HoldAsync(context.CancellationToken);
            }

            log.Append($"done {step}");
            return step;
        })
        .AddWorkflowFunc<int, int>("Steps", async (context, count) =>
        {
            var done = 0;
            for (var step = 1; step <= count; step++)
            {
                done += await context.CallActivityAsync<int>("Step", step) == step ? 1 : 0;
            }

            return done;
        });
}
