using Microsoft.Extensions.Logging;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Review.Decisions;

/// <summary>
/// Records decisions and hands them to the workflow. The record is created only if absent, so of two posts
/// the first wins; it is written before the event is raised, so a crash between the two loses nothing:
/// <see cref="DeliverPendingAsync"/> raises what was recorded but not delivered when the host starts again.
/// </summary>
public sealed partial class ReviewDecisionRecorder(IBlobStore store, IReviewDecisionSink sink, TimeProvider time, ILogger<ReviewDecisionRecorder> logger)
{
    private const int RaiseAttempts = 6;

    /// <summary>Records the decision unless one is already on record, then delivers the winner.</summary>
    public async Task<DecisionResult> RecordAsync(string instanceId, string jobId, int attempt, ReviewDecision decision, CancellationToken cancellationToken)
    {
        var late = !await sink.IsWaitingAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var record = new ReviewDecisionRecord(instanceId, jobId, attempt, decision, time.GetUtcNow(), late);
        var path = ReviewPaths.Decision(jobId, attempt);
        if (!await store.CreateIfAbsentAsync(path, PipelineJson.Bytes(record), cancellationToken).ConfigureAwait(false))
        {
            return new DecisionResult(await ReadAsync(jobId, attempt, cancellationToken).ConfigureAwait(false) ?? record, Accepted: false);
        }

        if (!late)
        {
            await DeliverAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return new DecisionResult(record, Accepted: true);
    }

    /// <summary>The decision on record for an attempt, or null.</summary>
    public async Task<ReviewDecisionRecord?> ReadAsync(string jobId, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            return PipelineJson.Read<ReviewDecisionRecord>(await store.ReadAsync(ReviewPaths.Decision(jobId, attempt), cancellationToken).ConfigureAwait(false), "review decision");
        }
        catch (BlobNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Delivers every recorded, undelivered, timely decision: run when a host starts.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        await foreach (var blob in store.ListAsync(BlobContainers.Work, "", cancellationToken).ConfigureAwait(false))
        {
            if (!blob.Path.Name.EndsWith("/review-decision.json", StringComparison.Ordinal))
            {
                continue;
            }

            var record = PipelineJson.Read<ReviewDecisionRecord>(await store.ReadAsync(blob.Path, cancellationToken).ConfigureAwait(false), "review decision");
            if (!record.Late && await store.GetPropertiesAsync(ReviewPaths.Delivered(record.JobId, record.Attempt), cancellationToken).ConfigureAwait(false) is null)
            {
                await DeliverAsync(record, cancellationToken).ConfigureAwait(false);
                delivered++;
            }
        }

        return delivered;
    }

    // Raising is retried with growing pauses; only once the engine has the event is it marked delivered.
    private async Task DeliverAsync(ReviewDecisionRecord record, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sink.RaiseAsync(record.InstanceId, record.Decision, cancellationToken).ConfigureAwait(false);
                await store.WriteAsync(ReviewPaths.Delivered(record.JobId, record.Attempt), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (attempt < RaiseAttempts && ex is not OperationCanceledException)
            {
                LogRaiseRetry(record.InstanceId, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (1 << attempt)), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raising the review decision for {InstanceId} failed (attempt {Attempt}); retrying.")]
    private partial void LogRaiseRetry(string instanceId, int attempt, Exception exception);
}
