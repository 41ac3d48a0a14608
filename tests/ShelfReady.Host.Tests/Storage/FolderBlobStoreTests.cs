using ShelfReady.Host.Storage;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Tests.Storage;

public sealed class FolderBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-folder-").FullName;

    // The race runs on tmpfs where there is one: every caller's write is flushed to disk before it links, and
    // on a disk those flushes, not the claim, would set the pace. `claim-race` in the benchmarks runs it on disk.
    private readonly string raceRoot = Directory.Exists("/dev/shm")
        ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"shelfready-race-{Guid.NewGuid():N}")).FullName
        : Directory.CreateTempSubdirectory("shelfready-race-").FullName;

    private readonly FolderBlobStore store;

    public FolderBlobStoreTests()
    {
        store = new FolderBlobStore(root);
    }

    protected override IBlobStore Store => store;

    protected override int ClaimRaceRounds => 1000;

    protected override IBlobStore ClaimRaceStore => new FolderBlobStore(raceRoot);

    [Fact]
    public async Task WriteAsync_LeavesNoTemporaryFilesBehind()
    {
        await store.WriteAsync(new BlobPath("work", "j/a.bin"), new byte[] { 1 }, TestContext.Current.CancellationToken);

        Assert.Empty(Directory.GetFiles(Path.Combine(root, ".tmp")));
    }

    [Theory]
    [InlineData("../escape.jpg")]
    [InlineData("a/../../escape.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.jpg")]
    [InlineData("a//b.jpg")]
    [InlineData("C:/x.jpg")]
    public void BlobPath_TraversalOrAbsolute_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => new BlobPath("uploads", name));
    }

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(raceRoot, recursive: true);
    }
}
