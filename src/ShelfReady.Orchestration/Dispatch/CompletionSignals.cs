using System.Collections.Concurrent;

namespace ShelfReady.Orchestration.Dispatch;

/// <summary>Wakes callers waiting for an instance to finish, once the finishing commit is durable.</summary>
internal sealed class CompletionSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new();

    public Task WhenFinished(string instanceId) =>
        signals.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Finished(string instanceId)
    {
        if (signals.TryRemove(instanceId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
