using NetVips;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Storage;

/// <summary>
/// The batch the storage-outage tests run through <c>serve</c>: two images finish before storage fails, three
/// arrive while it fails; afterwards every image must be exported exactly once with complete files.
/// </summary>
internal static class OutageBatch
{
    private const string Batch = "outage";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Configures the merchant, drops two images and waits until both are exported.</summary>
    public static async Task<List<string>> FinishBeforeOutageAsync(ServeHarness serve)
    {
        await serve.ConfigureMerchantAsync(MerchantSettings.Default with { Platforms = ["amazon_main", "shopify"] });
        var jobs = await UploadAsync(serve, 0, 2);
        await serve.StartAsync();
        foreach (var job in jobs)
        {
            Assert.Equal(ImageStatus.Exported, (await serve.WaitForOutcomeAsync(job)).Status);
        }

        return jobs;
    }

    /// <summary>Drops the three images that meet the outage.</summary>
    public static Task<List<string>> DropDuringOutageAsync(ServeHarness serve) => UploadAsync(serve, 2, 3);

    /// <summary>Waits until serve has started a workflow for every job.</summary>
    public static async Task WaitUntilEachStartedAsync(ServeHarness serve, IEnumerable<string> jobs)
    {
        foreach (var job in jobs)
        {
            await ServeHarness.WaitUntilAsync(async () => await serve.Engine.GetStatusAsync(JobIdentity.ImageInstanceId(job), Token) is not null, $"{job} to start");
        }
    }

    /// <summary>Waits until every job says it waits for storage, naming <paramref name="reason"/>.</summary>
    public static async Task WaitUntilEachWaitsForStorageAsync(ServeHarness serve, IEnumerable<string> jobs, string reason)
    {
        foreach (var job in jobs)
        {
            string? last = null;
            await ServeHarness.WaitUntilAsync(
                async () => WaitsForStorage(last = await DescribeAsync(serve, job), reason),
                () => $"{job} to wait for storage saying '{reason}' (last seen: {last ?? "not started"})");
        }
    }

    /// <summary>Waits for every job's outcome and checks each exported once, complete, and under its own name.</summary>
    public static async Task AssertEachExportedOnceAsync(ServeHarness serve, IEnumerable<string> jobs)
    {
        var outcomes = new List<ImageOutcome>();
        foreach (var job in jobs)
        {
            outcomes.Add(await serve.WaitForOutcomeAsync(job));
        }

        Assert.All(outcomes, outcome => Assert.Equal(ImageStatus.Exported, outcome.Status));
        var files = outcomes.SelectMany(o => o.Exports).SelectMany(e => e.Files).ToList();
        foreach (var file in files)
        {
            await AssertCompleteAsync(serve.Blobs, file);
        }

        var stored = new List<string>();
        await foreach (var blob in serve.Blobs.ListAsync(BlobContainers.Exports, $"{ServeHarness.Merchant}/{Batch}/", Token))
        {
            stored.Add(blob.Path.Name);
        }

        Assert.Equal(files.Select(f => f.Path.Name).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(stored, name => Path.GetFileNameWithoutExtension(name).EndsWith("-2", StringComparison.Ordinal));
    }

    private static async Task<List<string>> UploadAsync(ServeHarness serve, int first, int count)
    {
        var jobs = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var spec = new StudioShotSpec { Seed = 700 + i, Width = 1000, Height = 750, Complexity = ProductComplexity.Simple, Category = "electronics" };
            jobs.Add(await serve.UploadAsync(Batch, $"shot-{(char)('a' + i)}.jpg", spec));
        }

        return jobs;
    }

    private static async Task<string?> DescribeAsync(ServeHarness serve, string job) =>
        await serve.Engine.GetStatusAsync(JobIdentity.ImageInstanceId(job), Token) is { } status
            ? $"{status.RuntimeStatus} {status.SerializedCustomStatus}"
            : null;

    private static bool WaitsForStorage(string? status, string reason) =>
        status is not null
        && status.Contains("waiting-for-storage", StringComparison.Ordinal)
        && status.Contains(reason, StringComparison.Ordinal);

    // The stored blob is the whole file the export step verified: same length, and it decodes to its last row.
    private static async Task AssertCompleteAsync(IBlobStore store, ExportedFile file)
    {
        var bytes = await store.ReadAsync(file.Path, Token);
        Assert.Equal(file.Bytes, bytes.LongLength);
        using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        Assert.Equal((file.Width, file.Height), (image.Width, image.Height));
        _ = image.Avg();
    }
}
