using System.Net;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ShelfReady.Adapters.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Tests.Storage;

/// <summary>SAS links on a real Azurite: the blob service itself lets the link read the file, and only read it, until it expires.</summary>
public sealed class AzureBlobDownloadLinksTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly BlobPath Delivered = new(BlobContainers.Exports, "acme/b/shopify/mug.png");
    private readonly ServiceProvider clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Http => clients.GetRequiredService<IHttpClientFactory>().CreateClient();

    [Fact]
    public async Task LinkAsync_DeliveredBlob_ReadsItsBytesButCannotWrite()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        await new AzureBlobStore(service).WriteAsync(Delivered, new byte[] { 9, 8, 7, 6 }, Token);

        var link = await Links(service, TimeProvider.System).LinkAsync(Delivered, Token);
        var read = await Http.GetAsync(link, Token);
        using var overwrite = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent([0]) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        var written = await Http.SendAsync(overwrite, Token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(new byte[] { 9, 8, 7, 6 }, await read.Content.ReadAsByteArrayAsync(Token));
        Assert.Contains("sp=r&", link.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, written.StatusCode);
    }

    [Fact]
    public async Task LinkAsync_LifetimePassed_IsRefusedByTheService()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        await new AzureBlobStore(service).WriteAsync(Delivered, new byte[] { 1 }, Token);

        var link = await Links(service, new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(-4))).LinkAsync(Delivered, Token);
        var read = await Http.GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    public void Dispose() => clients.Dispose();

    private static AzureBlobDownloadLinks Links(BlobServiceClient service, TimeProvider time) =>
        new(service, Options.Create(new DownloadLinkOptions()), time);
}
