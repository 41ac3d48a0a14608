using System.Text;
using Microsoft.DurableTask.Client;
using ShelfReady.Functions.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Tests.Triggers;

public sealed class UploadTriggerTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_UploadedImage_DrivesProcessImageToVerifiedExports()
    {
        var (path, content) = await UploadShotAsync("acme", "e2e", "camera.jpg", seed: 11);

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
        var (_, content) = await UploadShotAsync("acme", "dup", "lamp.jpg", seed: 12);

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
    public async Task RunAsync_Sidecar_StartsNothing()
    {
        var sidecar = Encoding.UTF8.GetBytes("""{"category":"electronics"}""");

        var started = await app.Trigger.RunAsync(sidecar, "acme", "side", "camera.jpg.json", app.Host.Client, Token);

        Assert.Null(started);
        var jobId = JobIdentity.JobId("acme/side/camera.jpg.json", JobIdentity.ContentHash(sidecar));
        Assert.Null(await app.Host.Client.GetInstanceAsync(JobIdentity.ImageInstanceId(jobId), Token));
    }

    // A plain electronics shot on white, labelled by its sidecar, exported for one platform: the simple route.
    private async Task<(BlobPath Path, byte[] Content)> UploadShotAsync(string merchant, string batch, string file, int seed)
    {
        var settings = new MerchantSettings { Platforms = ["amazon_main"], ReviewReminderAfter = TimeSpan.FromSeconds(2) };
        await app.Store.WriteAsync(new BlobPath(BlobContainers.Config, $"{merchant}/settings.json"), PipelineJson.Bytes(settings), Token);
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec
        {
            Seed = seed,
            Width = 1200,
            Height = 900,
            Complexity = ProductComplexity.Simple,
            Category = "electronics",
            ContactShadow = false,
            Background = BackgroundKind.White,
        });
        var content = shot.ToJpeg();
        var path = new BlobPath(BlobContainers.Uploads, $"{merchant}/{batch}/{file}");
        await app.Store.WriteAsync(path.WithSuffix(".json"), Encoding.UTF8.GetBytes("""{"category":"electronics"}"""), Token);
        await app.Store.WriteAsync(path, content, Token);
        return (path, content);
    }
}
