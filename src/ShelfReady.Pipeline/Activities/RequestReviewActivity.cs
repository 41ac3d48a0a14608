using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Records a review request beside the attempt it is about, then tells the reviewers. The record comes
/// first so a reviewer's link never points at a request that was not saved.
/// </summary>
public sealed class RequestReviewActivity(IBlobStore store, IEnumerable<IReviewNotifier> notifiers) : Activity<ReviewRequestInput, ReviewRequestOutput>
{
    /// <inheritdoc />
    public override async Task<ReviewRequestOutput> RunAsync(ActivityContext context, ReviewRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var path = WorkPaths.ReviewRequest(input.Job.JobId, input.Attempt.Attempt);
        var record = new ReviewRequestRecord(JobIdentity.ImageInstanceId(input.Job.JobId), input);
        await store.WriteAsync(path, PipelineJson.Bytes(record), context.CancellationToken).ConfigureAwait(false);
        foreach (var notifier in notifiers)
        {
            await notifier.NotifyAsync(input, context.CancellationToken).ConfigureAwait(false);
        }

        return new ReviewRequestOutput(path);
    }
}
