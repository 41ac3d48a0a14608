namespace ShelfReady.SegmentationService.Batching;

/// <summary>Shape of one <see cref="BatchDispatcher{TItem, TResult}"/>.</summary>
/// <param name="Name">Names the dispatcher thread and prefixes batch ids, normally the model's name.</param>
/// <param name="MaxBatch">Most requests per run, at least 1.</param>
/// <param name="MaxBatchWait">How long a batch waits for company after its first request, not negative.</param>
/// <param name="QueueCapacity">Requests that may wait, at least 1.</param>
public sealed record BatchDispatcherSettings(string Name, int MaxBatch, TimeSpan MaxBatchWait, int QueueCapacity)
{
    /// <summary>Throws for an out-of-range value, naming it.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1);
    }
}
