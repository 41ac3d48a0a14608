namespace ShelfReady.Orchestration.Execution;

/// <summary>
/// Runs a workflow's continuations on the dispatcher thread, one at a time and in a fixed order, so that the code
/// reaches the same commands in the same order on every replay.
/// </summary>
internal sealed class WorkflowSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> pending = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (pending)
        {
            pending.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Workflow code must not block; await the workflow context's tasks instead.");

    public override SynchronizationContext CreateCopy() => this;

    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            RunPending();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public void RunPending()
    {
        while (TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (pending)
        {
            return pending.TryDequeue(out item);
        }
    }
}
