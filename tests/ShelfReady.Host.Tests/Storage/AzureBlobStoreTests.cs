using Azure.Storage.Blobs;
using ShelfReady.Adapters.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Tests.Storage;

public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreContract, IClassFixture<AzuriteFixture>
{
    private readonly AzureBlobStore store = new(new BlobServiceClient(azurite.ConnectionString));

    protected override IBlobStore Store => store;

    protected override int ClaimRaceRounds => 100;

    [Fact]
    public async Task WriteAsync_NewContainer_IsCreatedOnFirstUse()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);

        await store.WriteAsync(new BlobPath("config", "acme/settings.json"), "{}"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.True((await service.GetBlobContainerClient("config").ExistsAsync(TestContext.Current.CancellationToken)).Value);
    }
}
