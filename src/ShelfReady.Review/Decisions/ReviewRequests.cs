using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Review.Decisions;

/// <summary>Reads recorded review requests: one for a page, or all that still wait for a queue.</summary>
public sealed class ReviewRequests(IBlobStore store)
{
    /// <summary>The request recorded for an attempt, or null.</summary>
    public async Task<ReviewRequestRecord?> FindAsync(string jobId, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            return PipelineJson.Read<ReviewRequestRecord>(await store.ReadAsync(WorkPaths.ReviewRequest(jobId, attempt), cancellationToken).ConfigureAwait(false), "review request");
        }
        catch (BlobNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A merchant's requests without a decision, optionally of one batch, oldest first.</summary>
    public async Task<IReadOnlyList<PendingReview>> PendingAsync(string merchant, string? batch, CancellationToken cancellationToken)
    {
        var pending = new List<PendingReview>();
        await foreach (var blob in store.ListAsync(BlobContainers.Work, "", cancellationToken).ConfigureAwait(false))
        {
            if (!blob.Path.Name.EndsWith("/review-request.json", StringComparison.Ordinal))
            {
                continue;
            }

            var record = PipelineJson.Read<ReviewRequestRecord>(await store.ReadAsync(blob.Path, cancellationToken).ConfigureAwait(false), "review request");
            var job = record.Request.Job;
            if (job.Merchant != merchant || (batch is not null && job.Batch != batch)
                || await store.GetPropertiesAsync(ReviewPaths.Decision(job.JobId, record.Request.Attempt.Attempt), cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            pending.Add(new PendingReview(record, blob.LastModified));
        }

        return [.. pending.OrderBy(p => p.RequestedAt).ThenBy(p => p.Record.Request.Job.Source.Name, StringComparer.Ordinal)];
    }
}
