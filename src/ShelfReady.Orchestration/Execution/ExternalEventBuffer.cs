namespace ShelfReady.Orchestration.Execution;

/// <summary>
/// Matches raised events to waits. An event with no wait is buffered; a cancelled wait leaves the queue at once, so
/// it never swallows an event that arrives after it gave up.
/// </summary>
internal sealed class ExternalEventBuffer
{
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PendingEvent> buffered = [];

    public IReadOnlyList<PendingEvent> Buffered => buffered;

    /// <summary>Gets or sets a value indicating whether the buffer changed since the instance row was last written.</summary>
    public bool Changed { get; set; }

    public Task<string?> Wait(string name, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<string?>(cancellationToken);
        }

        var index = buffered.FindIndex(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var payload = buffered[index].SerializedPayload;
            buffered.RemoveAt(index);
            Changed = true;
            return Task.FromResult(payload);
        }

        return Enqueue(name, cancellationToken);
    }

    public void Deliver(string name, string? payload, DateTime receivedAt)
    {
        if (waiters.TryGetValue(name, out var queue) && queue.First is { } first)
        {
            queue.RemoveFirst();
            first.Value.SetResult(payload);
            return;
        }

        buffered.Add(new PendingEvent(name, payload, receivedAt));
        Changed = true;
    }

    private Task<string?> Enqueue(string name, CancellationToken cancellationToken)
    {
        if (!waiters.TryGetValue(name, out var queue))
        {
            queue = new LinkedList<TaskCompletionSource<string?>>();
            waiters[name] = queue;
        }

        var completion = new TaskCompletionSource<string?>();
        var node = queue.AddLast(completion);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (completion.TrySetCanceled(cancellationToken))
                {
                    queue.Remove(node);
                }
            });
        }

        return completion.Task;
    }
}
