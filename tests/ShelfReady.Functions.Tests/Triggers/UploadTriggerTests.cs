using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using ShelfReady.Functions.Tests.Infrastructure;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Tests.Triggers;

public sealed class UploadTriggerTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_UploadedImage_DrivesProcessImageToVerifiedExports()
    {
        var (path, content) = await app.UploadShotAsync("acme", "e2e", "camera.jpg", seed: 11);

        var instanceId = await app.Trigger.RunAsync(content, "acme", "e2e", "camera.jpg", app.Host.Client, Token);

        Assert.Equal(JobIdentity.ImageInstanceId(JobIdentity.JobId(path.Name, JobIdentity.ContentHash(content))), instanceId);
        var finished = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId!, getInputsAndOutputs: true, Token);
        Assert.True(finished.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{finished.RuntimeStatus}: {finished.FailureDetails}");
        var outcome = finished.ReadOutputAs<ImageOutcome>()!;
        Assert.True(outcome.Status == ImageStatus.Exported, $"{outcome.Status}: {outcome.Reason}");
        var file = Assert.Single(Assert.Single(outcome.Exports).Files);
        Assert.Equal(BlobContainers.Exports, file.Path.Container);
        var exported = await app.Store.ReadAsync(file.Path, Token);
        Assert.Equal(file.Bytes, exported.Length);
        Assert.Equal([0xFF, 0xD8, 0xFF], exported[..3]);
        Assert.NotNull(await app.Store.GetPropertiesAsync(WorkPaths.Outcome(outcome.Job.JobId), Token));
    }

    [Fact]
    public async Task RunAsync_DuplicateDelivery_StartsNothingNew()
    {
        var (_, content) = await app.UploadShotAsync("acme", "dup", "lamp.jpg", seed: 12);

        var first = await app.Trigger.RunAsync(content, "acme", "dup", "lamp.jpg", app.Host.Client, Token);
        var whileRunning = await app.Trigger.RunAsync(content, "acme", "dup", "lamp.jpg", app.Host.Client, Token);
        var done = await app.Host.Client.WaitForInstanceCompletionAsync(first!, Token);
        var afterFinishing = await app.Trigger.RunAsync(content, "acme", "dup", "lamp.jpg", app.Host.Client, Token);

        Assert.NotNull(first);
        Assert.Null(whileRunning);
        Assert.Null(afterFinishing);
        var again = await app.Host.Client.GetInstanceAsync(first!, Token);
        Assert.Equal(done.CreatedAt, again!.CreatedAt);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
    }

    [Fact]
    public async Task RunAsync_Manifest_StartsProcessBatchOnceWhichDeliversWithTheMissingFile()
    {
        var (_, content) = await app.UploadShotAsync("acme", "sealed", "camera.jpg", seed: 16);
        var image = await app.Trigger.RunAsync(content, "acme", "sealed", "camera.jpg", app.Host.Client, Token);
        await app.Host.Client.WaitForInstanceCompletionAsync(image!, Token);
        var manifest = Encoding.UTF8.GetBytes("""{"images":[{"file":"camera.jpg"},{"file":"never-sent.jpg"}]}""");
        await app.Store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/sealed/manifest.json"), manifest, Token);

        var batch = await app.Trigger.RunAsync(manifest, "acme", "sealed", "manifest.json", app.Host.Client, Token);
        var duplicate = await app.Trigger.RunAsync(manifest, "acme", "sealed", "manifest.json", app.Host.Client, Token);
        var finished = await app.Host.Client.WaitForInstanceCompletionAsync(batch!, getInputsAndOutputs: true, Token);

        Assert.Equal(JobIdentity.BatchInstanceId("acme", "sealed"), batch);
        Assert.Null(duplicate);
        Assert.True(finished.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{finished.RuntimeStatus}: {finished.FailureDetails}");
        var package = finished.ReadOutputAs<PackageOutput>()!;
        Assert.Equal(["never-sent.jpg"], package.Missing);
        Assert.Empty(package.Failed);
        Assert.NotNull(await app.Store.GetPropertiesAsync(package.Zip, Token));
        Assert.EndsWith("/exports/acme/sealed/delivery.zip", package.ZipUrl!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sp=r&", package.ZipUrl.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Sidecar_StartsNothing()
    {
        var sidecar = Encoding.UTF8.GetBytes("""{"category":"electronics"}""");

        var started = await app.Trigger.RunAsync(sidecar, "acme", "side", "camera.jpg.json", app.Host.Client, Token);

        Assert.Null(started);
        var jobId = JobIdentity.JobId("acme/side/camera.jpg.json", JobIdentity.ContentHash(sidecar));
        Assert.Null(await app.Host.Client.GetInstanceAsync(JobIdentity.ImageInstanceId(jobId), Token));
    }

    [Fact]
    public async Task RunAsync_ComplexProductNoDecision_TimesOutAfterTheReminderWithNothingExported()
    {
        var (_, content) = await app.UploadShotAsync("rings", "late", "ring.jpg", seed: 14, category: "jewelry", reminderAfter: TimeSpan.FromSeconds(1));

        var instanceId = await app.Trigger.RunAsync(content, "rings", "late", "ring.jpg", app.Host.Client, Token);
        var finished = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId!, getInputsAndOutputs: true, Token);

        var outcome = finished.ReadOutputAs<ImageOutcome>()!;
        Assert.Equal(ImageStatus.NotApproved, outcome.Status);
        Assert.StartsWith("Review timed out after the reminder and the escalation", outcome.Reason, StringComparison.Ordinal);
        Assert.EndsWith("nothing was exported.", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(outcome.Exports);
    }

    [Fact]
    public async Task RunAsync_DecisionAfterTheFirstWaitTimedOut_IsReceivedByTheReminderWait()
    {
        var (_, content) = await app.UploadShotAsync("rings", "remind", "ring.jpg", seed: 15, category: "jewelry", reminderAfter: TimeSpan.FromSeconds(5));
        var instanceId = await app.Trigger.RunAsync(content, "rings", "remind", "ring.jpg", app.Host.Client, Token);
        var jobId = instanceId!["image-".Length..];

        // The reminder's review request is written after the first wait was cancelled by its timer.
        await WaitForAsync(async () => await ReminderSentAsync(jobId), "the reminder");
        await app.Host.Client.RaiseEventAsync(instanceId, WorkflowNames.ReviewDecisionEvent, new ReviewDecision(ReviewDecisions.Approve, "late@studio.example", null), Token);
        var finished = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, Token);

        var outcome = finished.ReadOutputAs<ImageOutcome>()!;
        Assert.True(outcome.Status == ImageStatus.Exported, $"{outcome.Status}: {outcome.Reason}");
        Assert.Equal("late@studio.example", outcome.ReviewedBy);
    }

    private async Task<bool> ReminderSentAsync(string jobId)
    {
        var path = WorkPaths.ReviewRequest(jobId, 1);
        if (await app.Store.GetPropertiesAsync(path, Token) is null)
        {
            return false;
        }

        using var record = JsonDocument.Parse(await app.Store.ReadAsync(path, Token));
        return record.RootElement.GetProperty("request").GetProperty("reminder").GetBoolean();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        // Bounded by the test's own cancellation token.
        while (!await condition())
        {
            Assert.False(Token.IsCancellationRequested, $"Gave up waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), Token);
        }
    }
}
