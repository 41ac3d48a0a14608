using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Watching;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Watching;

public sealed class UploadWatcherTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-watch-").FullName;
    private readonly List<string> started = [];
    private FolderBlobStore store = null!;
    private WorkflowEngine engine = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        store = new FolderBlobStore(Path.Combine(root, "storage"));
        // Real engine, recording workflows: the watcher's job is to start the right instances exactly once.
        var registry = new WorkflowRegistry()
            .AddWorkflowFunc<ProcessImageInput, string>(WorkflowNames.ProcessImage, (context, input) => Task.FromResult(Record(input.Source.Name)))
            .AddWorkflowFunc<ProcessBatchInput, string>(WorkflowNames.ProcessBatch, (context, input) => Task.FromResult(Record(input.Manifest.Name)));
        engine = new WorkflowEngine(registry, new WorkflowEngineOptions { DatabasePath = Path.Combine(root, "engine.db") });
        await engine.StartAsync(Token);
    }

    [Fact]
    public async Task ScanOnce_FileStillGrowing_StartsOnlyOnceItHoldsStill()
    {
        var watcher = Watcher();
        var upload = new BlobPath(BlobContainers.Uploads, "acme/b1/a.jpg");
        await store.WriteAsync(upload, new byte[] { 1, 2 }, Token);
        Assert.Equal(0, await watcher.ScanOnceAsync(Token));

        await store.WriteAsync(upload, new byte[] { 1, 2, 3, 4 }, Token);
        Assert.Equal(0, await watcher.ScanOnceAsync(Token));

        Assert.Equal(1, await watcher.ScanOnceAsync(Token));
    }

    [Fact]
    public async Task ScanOnce_AfterRestart_ReceiptsStartNothingTwice()
    {
        await store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/b1/a.jpg"), new byte[] { 1 }, Token);
        await store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/b1/a.jpg.json"), "{}"u8.ToArray(), Token);
        await store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/b1/manifest.json"), "{}"u8.ToArray(), Token);
        var first = Watcher();
        await first.ScanOnceAsync(Token);

        Assert.Equal(2, await first.ScanOnceAsync(Token));
        var restarted = Watcher();
        await restarted.ScanOnceAsync(Token);
        Assert.Equal(0, await restarted.ScanOnceAsync(Token));
        Assert.Equal(2, (await engine.ListAsync(cancellationToken: Token)).Count);
    }

    [Fact]
    public async Task ScanOnce_AnyVisibleFile_StartsAnImageJobAndLeavesOutOnlyHiddenFilesAndSidecars()
    {
        string[] uploads = ["acme/b1/shot.CR2", "acme/b1/scan.bmp", "acme/b1/UPPER.JPG", "acme/b1/no-extension", "acme/b1/notes.json"];
        string[] leftOut = ["acme/b1/.DS_Store", "acme/b1/.thumbs/a.jpg", "acme/b1/UPPER.JPG.json", "acme/b1/no-extension.json"];
        foreach (var name in uploads.Concat(leftOut))
        {
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, name), new byte[] { 1 }, Token);
        }

        var watcher = Watcher();
        await watcher.ScanOnceAsync(Token);

        Assert.Equal(uploads.Length, await watcher.ScanOnceAsync(Token));
        Assert.Equal(uploads.Order(StringComparer.Ordinal), await CompletedStartsAsync());
    }

    [Fact]
    public async Task ScanOnce_FileOutsideABatchFolder_IsQuarantinedWithItsReason()
    {
        var stray = new BlobPath(BlobContainers.Uploads, "acme/stray.jpg");
        await store.WriteAsync(stray, new byte[] { 1 }, Token);
        var watcher = Watcher();

        await watcher.ScanOnceAsync(Token);
        await watcher.ScanOnceAsync(Token);

        var record = PipelineJson.Read<QuarantineRecord>(await store.ReadAsync(WorkPaths.QuarantineReason(stray), Token), "reason");
        Assert.Equal("OutsideBatch", record.Code);
        Assert.Empty(await engine.ListAsync(cancellationToken: Token));
    }

    [Fact]
    public async Task ScanOnce_WorkflowCannotStart_QuarantinesAfterTheConfiguredAttempts()
    {
        await using var stopped = new WorkflowEngine(new WorkflowRegistry(), new WorkflowEngineOptions { DatabasePath = Path.Combine(root, "unregistered.db") });
        await stopped.StartAsync(Token);
        var watcher = new UploadWatcher(store, stopped, Options.Create(new WatcherOptions { MaxStartAttempts = 2 }), NullLogger<UploadWatcher>.Instance);
        var upload = new BlobPath(BlobContainers.Uploads, "acme/b1/a.jpg");
        await store.WriteAsync(upload, new byte[] { 1 }, Token);

        for (var i = 0; i < 4; i++)
        {
            await watcher.ScanOnceAsync(Token);
        }

        var record = PipelineJson.Read<QuarantineRecord>(await store.ReadAsync(WorkPaths.QuarantineReason(upload), Token), "reason");
        Assert.Equal("StartFailed", record.Code);
        Assert.Contains("2 attempts", record.Reason, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await engine.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private UploadWatcher Watcher() => new(store, engine, Options.Create(new WatcherOptions()), NullLogger<UploadWatcher>.Instance);

    private async Task<List<string>> CompletedStartsAsync()
    {
        foreach (var instance in await engine.ListAsync(cancellationToken: Token))
        {
            await engine.WaitForCompletionAsync(instance.InstanceId, Token);
        }

        lock (started)
        {
            return [.. started.Order(StringComparer.Ordinal)];
        }
    }

    private string Record(string name)
    {
        lock (started)
        {
            started.Add(name);
        }

        return name;
    }
}
