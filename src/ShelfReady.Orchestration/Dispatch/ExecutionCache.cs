using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Dispatch;

/// <summary>
/// Live executions kept between episodes (Durable's extended sessions), least recently used evicted first. Only the
/// dispatcher thread touches it.
/// </summary>
internal sealed class ExecutionCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<WorkflowExecution>> entries = [];
    private readonly LinkedList<WorkflowExecution> recency = new();

    public WorkflowExecution? Take(string instanceId)
    {
        if (!entries.Remove(instanceId, out var node))
        {
            return null;
        }

        recency.Remove(node);
        return node.Value;
    }

    public void Put(WorkflowExecution execution)
    {
        if (capacity == 0)
        {
            return;
        }

        Take(execution.InstanceId);
        entries[execution.InstanceId] = recency.AddFirst(execution);
        if (entries.Count > capacity && recency.Last is { } oldest)
        {
            recency.RemoveLast();
            entries.Remove(oldest.Value.InstanceId);
        }
    }
}
