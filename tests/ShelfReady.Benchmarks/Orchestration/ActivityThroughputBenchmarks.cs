using BenchmarkDotNet.Attributes;
using ShelfReady.Orchestration;

namespace ShelfReady.Benchmarks.Orchestration;

/// <summary>
/// Activity completions per second through the embedded engine, each completion committed to SQLite (WAL). The
/// reported time is per activity (OperationsPerInvoke), so completions/s = 1 s / Mean.
/// </summary>
public class ActivityThroughputBenchmarks
{
    private const int Activities = 1_000;
    private ThroughputScenario? scenario;

    /// <summary>Gets or sets the SQLite durability mode under test.</summary>
    [Params(SqliteSynchronousMode.Normal, SqliteSynchronousMode.Full)]
    public SqliteSynchronousMode Synchronous { get; set; }

    /// <summary>Starts an engine on a fresh database.</summary>
    /// <returns>A task that completes when the engine runs.</returns>
    [GlobalSetup]
    public async Task SetupAsync() => scenario = await ThroughputScenario.StartAsync(Synchronous);

    /// <summary>Stops the engine and deletes the database.</summary>
    /// <returns>A task that completes when cleaned up.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (scenario is not null)
        {
            await scenario.DisposeAsync();
        }
    }

    /// <summary>One workflow calling the activities one after another: one episode and one commit per activity.</summary>
    /// <returns>A task that completes with the workflow.</returns>
    [Benchmark(OperationsPerInvoke = Activities)]
    public Task Sequential() => scenario!.RunSequentialAsync(Activities);

    /// <summary>One workflow fanning all activities out and in with Task.WhenAll: completions share commits.</summary>
    /// <returns>A task that completes with the workflow.</returns>
    [Benchmark(OperationsPerInvoke = Activities)]
    public Task FanOut() => scenario!.RunFanOutAsync(Activities);
}
