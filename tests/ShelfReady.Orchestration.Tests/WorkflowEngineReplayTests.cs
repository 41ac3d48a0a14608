using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineReplayTests
{
    [Fact]
    public async Task RunEpisode_ReplayedCodeSchedulesOtherActivity_FailsNamingBoth()
    {
        await using var harness = new EngineHarness();
        var ct = TestContext.Current.CancellationToken;
        var first = await harness.StartAsync(Versioned("Classify"));
        var id = await first.ScheduleNewWorkflowAsync("ProcessImage", cancellationToken: ct);
        await Wait.ForHistoryAsync(first, id, h => h.Any(e => e.Type == HistoryEventType.ActivityCompleted), "the first activity");
        await first.DisposeAsync();

        var second = await harness.StartAsync(Versioned("Segment"));
        await second.RaiseEventAsync(id, "go", cancellationToken: ct);
        var status = await Wait.ForCompletionAsync(second, id);

        Assert.Equal(WorkflowRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicWorkflowException).FullName, status.FailureDetails!.ErrorType);
        Assert.Contains("history records activity 'Classify' as task #0", status.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("the replayed code scheduled activity 'Segment'", status.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewGuid_EveryEpisodeReplayed_SameValuesAndTimes()
    {
        await using var harness = new EngineHarness();
        var seen = new List<Guid>();
        var replayedEpisodes = 0;
        var registry = new WorkflowRegistry()
            .AddActivityFunc<Guid, Guid>("Record", (_, guid) =>
            {
                lock (seen)
                {
                    seen.Add(guid);
                }

                return Task.FromResult(guid);
            })
            .AddWorkflowFunc<string?, Guid[]>("Guids", async (context, _) =>
            {
                var first = context.NewGuid();
                await context.CallActivityAsync("Record", first);
                replayedEpisodes += context.IsReplaying ? 1 : 0;
                var second = context.NewGuid();
                await context.CallActivityAsync("Record", second);
                return [first, second];
            });
        var engine = await harness.StartAsync(registry, configure: o => o.MaxCachedInstances = 0);

        var id = await engine.ScheduleNewWorkflowAsync("Guids", cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal(seen, status.ReadOutputAs<Guid[]>());
        Assert.NotEqual(seen[0], seen[1]);
        Assert.True(replayedEpisodes > 0);
    }

    private static WorkflowRegistry Versioned(string firstActivity) => new WorkflowRegistry()
        .AddActivityFunc<string?, string>(firstActivity, (context, _) => Task.FromResult(context.Name))
        .AddWorkflowFunc<string?, string>("ProcessImage", async (context, _) =>
        {
            var result = await context.CallActivityAsync<string>(firstActivity);
            await context.WaitForExternalEvent<object?>("go");
            return result;
        });
}
