using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Records a review request beside the attempt it is about, then tells the reviewers. The record comes
/// first so a reviewer's link never points at a request that was not saved. The record carries each
/// platform's compliance verdict on the attempt, so the reviewer decides knowing what a marketplace will refuse.
/// </summary>
public sealed class RequestReviewActivity(IBlobStore store, IEnumerable<IReviewNotifier> notifiers, PlatformProfileCatalog catalog, TextDetectorSource? detectors = null) : Activity<ReviewRequestInput, ReviewRequestOutput>
{
    /// <inheritdoc />
    public override async Task<ReviewRequestOutput> RunAsync(ActivityContext context, ReviewRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var token = context.CancellationToken;
        var path = WorkPaths.ReviewRequest(input.Job.JobId, input.Attempt.Attempt);
        var evidence = input.Compliance
            ?? await CheckComplianceActivity.MeasureAsync(store, detectors, input.Master, input.Attempt.Segment.Mask, token).ConfigureAwait(false);
        var verdicts = input.Settings is { } settings ? ComplianceJudge.JudgeAll(catalog, settings, evidence, input.NamingValues ?? new Dictionary<string, string?>()) : [];
        var record = new ReviewRequestRecord(JobIdentity.ImageInstanceId(input.Job.JobId), input with { Compliance = evidence }, verdicts);
        await store.WriteAsync(path, PipelineJson.Bytes(record), token).ConfigureAwait(false);
        foreach (var notifier in notifiers)
        {
            await notifier.NotifyAsync(record, token).ConfigureAwait(false);
        }

        return new ReviewRequestOutput(path, evidence);
    }
}
