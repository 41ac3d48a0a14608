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
/// <c>serve</c> with its storage on a small real disk (tmpfs) that fills up or turns read-only in the middle of a
/// batch: the images waiting on storage say so and why, nothing partial is published, and once the disk is
/// back every image finishes, exported exactly once with complete files.
/// </summary>
public sealed class FolderStoreOutageTests
{
    private static readonly string[] Platforms = ["amazon_main", "shopify"];

    public enum DiskFault
    {
        Full,
        ReadOnly,
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DiskFault.Full, "No space left on device")]
    [InlineData(DiskFault.ReadOnly, "Read-only file system")]
    public async Task Serve_DiskFailsMidBatch_ImagesWaitSayingWhyAndFinishOnceWhenItIsBack(DiskFault fault, string reason)
    {
        await using var serve = new ServeHarness();
        using var disk = SmallDisk.Mount(Path.Combine(serve.Root, "storage"), 96);
        await serve.ConfigureMerchantAsync(MerchantSettings.Default with { Platforms = Platforms });
        var before = await UploadAsync(serve, 0, 2);
        await serve.StartAsync();
        foreach (var job in before)
        {
            Assert.Equal(ImageStatus.Exported, (await serve.WaitForOutcomeAsync(job)).Status);
        }

        var during = await UploadAsync(serve, 2, 3);
        Break(disk, fault);
        foreach (var job in during)
        {
            await ServeHarness.WaitUntilAsync(async () => await WaitsForStorageAsync(serve, job, reason), $"{job} to wait for storage saying '{reason}'");
        }

        Assert.All(during, job => Assert.False(File.Exists(serve.Store.FilePath(WorkPaths.Outcome(job)))));
        Assert.Empty(Directory.GetFiles(Path.Combine(serve.Root, "storage", ".tmp")));
        Repair(disk, fault);

        var outcomes = new List<ImageOutcome>();
        foreach (var job in before.Concat(during))
        {
            outcomes.Add(await serve.WaitForOutcomeAsync(job));
        }

        Assert.All(outcomes, outcome => Assert.Equal(ImageStatus.Exported, outcome.Status));
        Assert.All(outcomes.SelectMany(o => o.Exports).SelectMany(e => e.Files), file => AssertComplete(serve, file));
        var exported = Directory.GetFiles(Path.Combine(serve.Root, "storage", "exports"), "*", SearchOption.AllDirectories);
        Assert.Equal(outcomes.Sum(o => o.Exports.Sum(e => e.Files.Count)), exported.Length);
        Assert.DoesNotContain(exported, f => Path.GetFileNameWithoutExtension(f).EndsWith("-2", StringComparison.Ordinal));
    }

    private static async Task<List<string>> UploadAsync(ServeHarness serve, int first, int count)
    {
        var jobs = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var spec = new StudioShotSpec { Seed = 700 + i, Width = 1000, Height = 750, Complexity = ProductComplexity.Simple, Category = "electronics" };
            jobs.Add(await serve.UploadAsync("outage", $"shot-{(char)('a' + i)}.jpg", spec));
        }

        return jobs;
    }

    private static void Break(SmallDisk disk, DiskFault fault)
    {
        if (fault == DiskFault.Full)
        {
            disk.Fill();
        }
        else
        {
            disk.SetReadOnly(true);
        }
    }

    private static void Repair(SmallDisk disk, DiskFault fault)
    {
        if (fault == DiskFault.Full)
        {
            disk.Free();
        }
        else
        {
            disk.SetReadOnly(false);
        }
    }

    private static async Task<bool> WaitsForStorageAsync(ServeHarness serve, string job, string reason)
    {
        var status = await serve.Engine.GetStatusAsync(JobIdentity.ImageInstanceId(job), Token);
        return status?.SerializedCustomStatus is { } custom
            && custom.Contains("waiting-for-storage", StringComparison.Ordinal)
            && custom.Contains(reason, StringComparison.Ordinal);
    }

    // The file on disk is the whole file the export step verified: same length, and it decodes to its last row.
    private static void AssertComplete(ServeHarness serve, ExportedFile file)
    {
        var bytes = File.ReadAllBytes(serve.Store.FilePath(file.Path));
        Assert.Equal(file.Bytes, bytes.LongLength);
        using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        Assert.Equal((file.Width, file.Height), (image.Width, image.Height));
        _ = image.Avg();
    }
}
