using System.Diagnostics;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Batches;

/// <summary>
/// Runs one batch already in the uploads container on the embedded engine: starts ProcessImage per image
/// (idempotently, by job id), waits until every image is finished or waiting for a reviewer, then runs
/// ProcessBatch to build the delivery package from what is there.
/// </summary>
public sealed class BatchRunner(IBlobStore store, WorkflowClient workflows, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Processes <c>uploads/{merchant}/{batch}/</c>, reporting each state change.</summary>
    public async Task<BatchRunResult> RunAsync(string merchant, string batch, IProgress<IReadOnlyList<ImageRun>>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var runs = await StartImagesAsync(merchant, batch, cancellationToken).ConfigureAwait(false);
        progress?.Report(runs);
        while (runs.Any(run => !run.IsSettled))
        {
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            var refreshed = new List<ImageRun>(runs.Count);
            foreach (var run in runs)
            {
                refreshed.Add(run.IsSettled ? run : await RefreshAsync(run, cancellationToken).ConfigureAwait(false));
            }

            if (!refreshed.SequenceEqual(runs))
            {
                runs = refreshed;
                progress?.Report(runs);
            }
        }

        var package = await PackageAsync(merchant, batch, runs, cancellationToken).ConfigureAwait(false);
        return new BatchRunResult(merchant, batch, runs, package, started.Elapsed);
    }

    private async Task<List<ImageRun>> StartImagesAsync(string merchant, string batch, CancellationToken cancellationToken)
    {
        var listing = new List<StoredBlob>();
        await foreach (var blob in store.ListAsync(BlobContainers.Uploads, $"{merchant}/{batch}/", cancellationToken).ConfigureAwait(false))
        {
            listing.Add(blob);
        }

        var runs = new List<ImageRun>();
        foreach (var blob in UploadNames.Uploads(listing))
        {
            var bytes = await store.ReadAsync(blob.Path, cancellationToken).ConfigureAwait(false);
            var jobId = JobIdentity.JobId(blob.Path.Name, JobIdentity.ContentHash(bytes));
            var instanceId = JobIdentity.ImageInstanceId(jobId);
            await workflows.ScheduleNewWorkflowAsync(WorkflowNames.ProcessImage, new ProcessImageInput(jobId, merchant, batch, blob.Path), instanceId, cancellationToken).ConfigureAwait(false);
            runs.Add(new ImageRun(blob.Path, jobId, instanceId, ImageRunState.Running, null, null, null));
        }

        return runs;
    }

    private async Task<ImageRun> RefreshAsync(ImageRun run, CancellationToken cancellationToken)
    {
        var status = await workflows.GetStatusAsync(run.InstanceId, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            return run;
        }

        var progress = status.ReadCustomStatusAs<ImageProgress>();
        return status.RuntimeStatus switch
        {
            WorkflowRuntimeStatus.Completed when status.ReadOutputAs<ImageOutcome>() is { } outcome =>
                run with { State = StateOf(outcome.Status), Outcome = outcome, Progress = progress },
            WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated =>
                run with { State = ImageRunState.Failed, Progress = progress, Failure = status.FailureDetails?.ErrorMessage ?? status.RuntimeStatus.ToString() },
            _ when progress?.Stage == "awaiting-review" => run with { State = ImageRunState.AwaitingReview, Progress = progress },
            _ => run with { Progress = progress },
        };
    }

    private async Task<PackageOutput> PackageAsync(string merchant, string batch, List<ImageRun> runs, CancellationToken cancellationToken)
    {
        var manifest = new BlobPath(BlobContainers.Uploads, $"{merchant}/{batch}/manifest.json");
        if (await store.GetPropertiesAsync(manifest, cancellationToken).ConfigureAwait(false) is null)
        {
            // A folder handed to the CLI is a batch by definition: seal it with what it holds.
            var listed = new BatchManifest { Images = runs.Select(run => new ManifestEntry { File = run.Upload.Name[$"{merchant}/{batch}/".Length..] }).ToList() };
            await store.WriteAsync(manifest, PipelineJson.Bytes(listed), cancellationToken).ConfigureAwait(false);
        }

        var instanceId = JobIdentity.BatchInstanceId(merchant, batch);
        var input = new ProcessBatchInput(merchant, batch, manifest, PollInterval, TimeSpan.Zero);
        await workflows.ScheduleNewWorkflowAsync(WorkflowNames.ProcessBatch, input, instanceId, cancellationToken).ConfigureAwait(false);
        var status = await workflows.WaitForCompletionAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return status.ReadOutputAs<PackageOutput>()
            ?? throw new InvalidOperationException($"Packaging {merchant}/{batch} failed: {status.FailureDetails?.ErrorMessage}");
    }

    private static ImageRunState StateOf(ImageStatus status) => status switch
    {
        ImageStatus.Exported => ImageRunState.Exported,
        ImageStatus.Rejected => ImageRunState.Rejected,
        ImageStatus.NotApproved => ImageRunState.NotApproved,
        _ => ImageRunState.Failed,
    };
}
