using System.Text.Json;
using ShelfReady.Host.Storage;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Loading;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Routing;
using ShelfReady.Pipeline.Segmentation;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.EndToEnd;

/// <summary>
/// Activities run at least once: after a crash the engine runs an activity again. Each activity, run twice on
/// the same input, must leave byte-identical blobs, add no files, and answer the same.
/// </summary>
public sealed class ActivityIdempotencyTests : IDisposable
{
    private const string Merchant = "idem";
    private const string Batch = "b1";

    private readonly string root = Directory.CreateTempSubdirectory("shelfready-idem-").FullName;
    private readonly FolderBlobStore store;

    public ActivityIdempotencyTests()
    {
        store = new FolderBlobStore(root);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryActivity_RunTwice_LeavesIdenticalBlobs()
    {
        var upload = new BlobPath(BlobContainers.Uploads, $"{Merchant}/{Batch}/mug-001.jpg");
        using (var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 1200, Height = 900, Seed = 11, Complexity = ProductComplexity.Simple }))
        {
            await store.WriteAsync(upload, shot.ToJpeg(), Token);
        }

        var job = await JobForAsync(upload);
        var settings = await TwiceAsync(new LoadSettingsActivity(store), Merchant);
        var ingest = await TwiceAsync(new IngestActivity(store, new ImageLoader()), job);
        var category = await TwiceAsync(new ClassifyCategoryActivity(store), new ClassifyCategoryInput(job, ingest.Metadata, settings, ingest.Master!));
        var analysis = await TwiceAsync(new AnalyzeImageActivity(store), new AnalyzeImageInput(job.JobId, ingest.Master!));
        var segment = await TwiceAsync(new SegmentActivity(store, new ClassicalSegmentation()), new SegmentInput(job.JobId, ingest.Master!, SegmentationStrategies.Primary, 1, ProductComplexity.Simple));
        var composite = await TwiceAsync(new ComposeActivity(store), new ComposeInput(job.JobId, ingest.Master!, segment.Mask, analysis, 0.85, 1));
        var qc = await TwiceAsync(new QualityCheckActivity(store), new QualityCheckInput(job.JobId, ingest.Master!, segment.Mask, composite, 0.85, settings.Thresholds));
        var attempt = new CutOutAttempt(1, segment, composite, qc);
        var route = RoutingPolicy.Decide(category.Category, analysis.EdgeComplexity, analysis.ColorMatchRisk);
        await TwiceAsync(new RequestReviewActivity(store, [], PlatformProfileCatalog.Builtin()), new ReviewRequestInput(job, ingest.Master!, attempt, route, [], new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, Settings: settings, NamingValues: category.NamingValues));
        var exports = new List<ExportOutput>();
        foreach (var platform in settings.Platforms)
        {
            exports.Add(await TwiceAsync(new ExportActivity(store, PlatformProfileCatalog.Builtin()), new ExportInput(job, ingest.Master!, attempt, analysis, platform, category.NamingValues, settings)));
        }

        var outcome = new ImageOutcome(job, ImageStatus.Exported, null, category.Category, route, qc, 1, null, exports);
        await TwiceAsync(new NotifyActivity(store), outcome);
        await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"{Merchant}/{Batch}/manifest.json"), PipelineJson.Bytes(new BatchManifest { Images = [new ManifestEntry { File = "mug-001.jpg" }] }), Token);
        var items = await TwiceAsync(new CheckBatchActivity(store), new CheckBatchInput(Merchant, Batch, new BlobPath(BlobContainers.Uploads, $"{Merchant}/{Batch}/manifest.json"), []));
        await TwiceAsync(new PackageActivity(store), new PackageInput(Merchant, Batch, items.Items));

        Assert.Equal(ImageStatus.Exported, Assert.Single(items.Items).Status);
        Assert.Equal(4, exports.Count);
    }

    [Fact]
    public async Task Ingest_RefusedUploadRunTwice_QuarantinesOnce()
    {
        var upload = new BlobPath(BlobContainers.Uploads, $"{Merchant}/{Batch}/notes.jpg");
        await store.WriteAsync(upload, "not a photo"u8.ToArray(), Token);

        var output = await TwiceAsync(new IngestActivity(store, new ImageLoader()), await JobForAsync(upload));

        Assert.False(output.Accepted);
        Assert.Equal(nameof(ImageLoadError.UnsupportedFormat), output.RejectionCode);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<ProcessImageInput> JobForAsync(BlobPath upload)
    {
        var jobId = JobIdentity.JobId(upload.Name, JobIdentity.ContentHash(await store.ReadAsync(upload, Token)));
        return new ProcessImageInput(jobId, Merchant, Batch, upload);
    }

    // Runs the activity, snapshots every blob, runs it again on the same input and demands the same snapshot
    // and the same answer.
    private async Task<TOutput> TwiceAsync<TInput, TOutput>(Activity<TInput, TOutput> activity, TInput input)
    {
        var context = new ActivityContext(activity.GetType().Name, "idempotency", Token);
        var first = await activity.RunAsync(context, input);
        var afterFirst = await SnapshotAsync();
        var second = await activity.RunAsync(context, input);
        var afterSecond = await SnapshotAsync();

        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(JsonSerializer.Serialize(first, PipelineJson.Options), JsonSerializer.Serialize(second, PipelineJson.Options));
        return second;
    }

    private async Task<SortedDictionary<string, string>> SnapshotAsync()
    {
        var blobs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in BlobContainers.All)
        {
            await foreach (var blob in store.ListAsync(container, "", Token))
            {
                blobs[blob.Path.ToString()] = JobIdentity.ContentHash(await store.ReadAsync(blob.Path, Token));
            }
        }

        return blobs;
    }
}
