using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineSubWorkflowTests
{
    [Fact]
    public async Task CallSubWorkflowAsync_ChildCompletes_ParentReceivesOutput()
    {
        await using var harness = new EngineHarness();
        var engine = await harness.StartAsync(Registry());
        var ct = TestContext.Current.CancellationToken;

        var id = await engine.ScheduleNewWorkflowAsync("Parent", 21, "parent-1", ct);
        var status = await Wait.ForCompletionAsync(engine, id);
        var child = await engine.GetStatusAsync("parent-1:0", ct);

        Assert.Equal(42, status.ReadOutputAs<int>());
        Assert.Equal(WorkflowRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal("Child", child.Name);
    }

    [Fact]
    public async Task CallSubWorkflowAsync_ChildFails_ParentGetsTaskFailed()
    {
        await using var harness = new EngineHarness();
        var engine = await harness.StartAsync(Registry());

        var id = await engine.ScheduleNewWorkflowAsync("Parent", -1, cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal(WorkflowRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Contains("Child", status.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.True(status.FailureDetails.IsCausedBy<ArgumentOutOfRangeException>());
    }

    private static WorkflowRegistry Registry() => new WorkflowRegistry()
        .AddActivityFunc<int, int>("Double", (_, n) => n < 0 ? throw new ArgumentOutOfRangeException(nameof(n)) : Task.FromResult(n * 2))
        .AddWorkflowFunc<int, int>("Child", (context, n) => context.CallActivityAsync<int>("Double", n))
        .AddWorkflowFunc<int, int>("Parent", (context, n) => context.CallSubWorkflowAsync<int>("Child", n));
}
