using Microsoft.Data.Sqlite;
using ShelfReady.Orchestration;

namespace ShelfReady.Benchmarks.Orchestration;

/// <summary>
/// An engine on a fresh SQLite file with a trivial activity, so the measurement is the engine's own cost per
/// activity: dispatch, episode, commit. Shared by the BenchmarkDotNet class and the Stopwatch mode.
/// </summary>
internal sealed class ThroughputScenario : IAsyncDisposable
{
    private readonly string directory;
    private readonly WorkflowEngine engine;

    private ThroughputScenario(string directory, WorkflowEngine engine)
    {
        this.directory = directory;
        this.engine = engine;
    }

    public static async Task<ThroughputScenario> StartAsync(SqliteSynchronousMode synchronous)
    {
        var directory = Path.Combine(Path.GetTempPath(), "shelfready-bench-" + Guid.NewGuid().ToString("N"));
        var registry = new WorkflowRegistry()
            .AddActivityFunc<int, int>("Echo", (_, n) => Task.FromResult(n))
            .AddWorkflowFunc<int, int>("Sequential", async (context, count) =>
            {
                var sum = 0;
                for (var i = 0; i < count; i++)
                {
                    sum += await context.CallActivityAsync<int>("Echo", i);
                }

                return sum;
            })
            .AddWorkflowFunc<int, int>("FanOut", async (context, count) =>
                (await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("Echo", i)))).Sum());
        var options = new WorkflowEngineOptions { DatabasePath = Path.Combine(directory, "bench.db"), Synchronous = synchronous };
        var engine = new WorkflowEngine(registry, options);
        await engine.StartAsync().ConfigureAwait(false);
        return new ThroughputScenario(directory, engine);
    }

    public Task RunSequentialAsync(int activities) => RunAsync("Sequential", activities);

    public Task RunFanOutAsync(int activities) => RunAsync("FanOut", activities);

    public async ValueTask DisposeAsync()
    {
        await engine.StopAsync().ConfigureAwait(false);
        await engine.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task RunAsync(string workflow, int activities)
    {
        var id = await engine.ScheduleNewWorkflowAsync(workflow, activities).ConfigureAwait(false);
        var status = await engine.WaitForCompletionAsync(id).ConfigureAwait(false);
        var expected = activities * (activities - 1) / 2;
        if (status.RuntimeStatus != WorkflowRuntimeStatus.Completed || status.ReadOutputAs<int>() != expected)
        {
            throw new InvalidOperationException($"{workflow} ended {status.RuntimeStatus} with {status.SerializedOutput}, expected {expected}.");
        }
    }
}
