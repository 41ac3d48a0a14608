namespace ShelfReady.Orchestration;

/// <summary>
/// Runs an engine for the life of a host: starts it, waits for the stopping token, then stops it gracefully within
/// <see cref="WorkflowEngineOptions.ShutdownTimeout"/>. Shaped like <c>BackgroundService.ExecuteAsync</c> so a
/// console host (<c>ShelfReady.Host serve</c>) or a generic host can drive it.
/// </summary>
/// <param name="engine">The engine to run; the runner stops it but does not dispose it.</param>
public sealed class WorkflowEngineRunner(WorkflowEngine engine)
{
    /// <summary>Starts the engine and keeps it running until <paramref name="stoppingToken"/> is signalled.</summary>
    /// <param name="stoppingToken">Signalled when the host shuts down, e.g. on Ctrl+C or SIGTERM.</param>
    /// <returns>A task that completes when the engine has stopped.</returns>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        await engine.StartAsync(stoppingToken).ConfigureAwait(false);
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (stoppingToken.Register(() => stopRequested.TrySetResult()))
        {
            await stopRequested.Task.ConfigureAwait(false);
        }

        using var grace = new CancellationTokenSource(engine.Options.ShutdownTimeout, engine.TimeProvider);
        await engine.StopAsync(grace.Token).ConfigureAwait(false);
    }
}
