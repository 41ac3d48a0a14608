namespace ShelfReady.SegmentationService.Batching;

/// <summary>One request's share of a batch run.</summary>
/// <typeparam name="TResult">What the batch produced for this request; the receiver owns and disposes it.</typeparam>
/// <param name="Result">This request's result.</param>
/// <param name="BatchId">Identifies the batch, unique within the process (<c>model-sequence</c>).</param>
/// <param name="BatchSize">How many requests ran in the batch.</param>
/// <param name="QueueTime">From enqueue until the batch started running.</param>
/// <param name="RunTime">How long the batch's single run took.</param>
public sealed record BatchOutcome<TResult>(TResult Result, string BatchId, int BatchSize, TimeSpan QueueTime, TimeSpan RunTime);
