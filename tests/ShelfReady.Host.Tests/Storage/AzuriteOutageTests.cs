using System.Diagnostics;
using Azure.Storage.Blobs;
using ShelfReady.Adapters.Storage;
using ShelfReady.Host.Tests.Infrastructure;

namespace ShelfReady.Host.Tests.Storage;

/// <summary>
/// <c>serve</c> on the Azure Blob adapter with Azurite stopped for more than 30 s in the middle of a batch: the
/// images say they wait for storage, and once Azurite is back every image finishes, exported exactly once.
/// </summary>
public sealed class AzuriteOutageTests : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private readonly string data = Directory.CreateTempSubdirectory("shelfready-azurite-").FullName;

    [Fact]
    public async Task Serve_AzuriteStoppedMidBatch_ImagesWaitSayingWhyAndFinishOnceWhenItIsBack()
    {
        await using var azurite = await AzuriteFixture.StartOnDiskAsync(data);
        var settings = new Dictionary<string, string?> { ["Storage:Kind"] = "AzureBlob", ["Storage:ConnectionString"] = azurite.ConnectionString };
        await using var serve = new ServeHarness(settings, blobs: new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString)));
        var before = await OutageBatch.FinishBeforeOutageAsync(serve);

        // A listing fails while Azurite is down, so nothing new starts then; these have started and are mid-way.
        var during = await OutageBatch.DropDuringOutageAsync(serve);
        await OutageBatch.WaitUntilEachStartedAsync(serve, during);
        await azurite.StopAsync();
        var down = Stopwatch.StartNew();
        await OutageBatch.WaitUntilEachWaitsForStorageAsync(serve, during, "Storage is unavailable (http://127.0.0.1:");
        if (down.Elapsed < Outage)
        {
            await Task.Delay(Outage - down.Elapsed, TestContext.Current.CancellationToken);
        }

        await azurite.InitializeAsync();
        await OutageBatch.AssertEachExportedOnceAsync(serve, before.Concat(during));
    }

    public void Dispose() => Directory.Delete(data, recursive: true);
}
