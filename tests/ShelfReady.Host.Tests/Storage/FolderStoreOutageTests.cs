using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Tests.Storage;

/// <summary>
/// <c>serve</c> with its storage on a small real disk (tmpfs) that fills up or turns read-only in the middle of a
/// batch: the images waiting on storage say so and why, nothing partial is published, and once the disk is
/// back every image finishes, exported exactly once with complete files.
/// </summary>
public sealed class FolderStoreOutageTests
{
    public enum DiskFault
    {
        Full,
        ReadOnly,
    }

    [Theory]
    [InlineData(DiskFault.Full, "No space left on device")]
    [InlineData(DiskFault.ReadOnly, "Read-only file system")]
    public async Task Serve_DiskFailsMidBatch_ImagesWaitSayingWhyAndFinishOnceWhenItIsBack(DiskFault fault, string reason)
    {
        await using var serve = new ServeHarness();
        using var disk = SmallDisk.Mount(Path.Combine(serve.Root, "storage"), 96);
        var before = await OutageBatch.FinishBeforeOutageAsync(serve);

        var during = await OutageBatch.DropDuringOutageAsync(serve);
        await OutageBatch.WaitUntilEachStartedAsync(serve, during);
        Break(disk, fault);
        await OutageBatch.WaitUntilEachWaitsForStorageAsync(serve, during, reason);
        Assert.All(during, job => Assert.False(File.Exists(serve.Store.FilePath(WorkPaths.Outcome(job)))));
        Assert.Empty(Directory.GetFiles(Path.Combine(serve.Root, "storage", ".tmp")));
        Repair(disk, fault);

        await OutageBatch.AssertEachExportedOnceAsync(serve, before.Concat(during));
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
}
