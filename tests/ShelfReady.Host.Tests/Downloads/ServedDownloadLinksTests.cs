using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ShelfReady.Adapters.Storage;
using ShelfReady.Host.Cli;
using ShelfReady.Host.Downloads;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Review.Links;

namespace ShelfReady.Host.Tests.Downloads;

/// <summary>
/// On one machine with a public address, the links in the merchant's webhooks and delivery manifest are served by
/// serve itself: a merchant's HTTP client fetches exactly the delivered bytes, and nothing else.
/// </summary>
public sealed class ServedDownloadLinksTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-downloads-").FullName;
    private readonly int port = FreePort.Next();
    private readonly ServiceProvider clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private readonly WebhookReceiver webhooks = new();
    private WebApplication app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Http => clients.GetRequiredService<IHttpClientFactory>().CreateClient();

    private FolderBlobStore Store => new(Path.Combine(root, "storage"));

    public async ValueTask InitializeAsync()
    {
        var settings = HostServices.UnderFolder(root);
        settings["Watcher:PollInterval"] = "00:00:00.200";
        settings["Watcher:BatchPollInterval"] = "00:00:00.500";
        settings["Webhooks:Secrets:acme"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        settings["Downloads:PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
        app = ServeCommand.Build(port, settings);
        await app.StartAsync(Token);
    }

    [Fact]
    public async Task Serve_ExportedImageAndBatch_WebhookAndManifestLinksDownloadTheDeliveredBytes()
    {
        var merchant = new MerchantSettings { Platforms = ["amazon_main", "shopify"], WebhookUrl = webhooks.Url, WebhookSecretName = "acme", AllowPrivateWebhookTargets = true };
        await Store.WriteAsync(WorkPaths.Settings("acme"), PipelineJson.Bytes(merchant), Token);
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 610, Width = 1200, Height = 900, Complexity = ProductComplexity.Simple, Category = "books" });
        await Store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/links/book.jpg"), shot.ToJpeg(), Token);
        await Store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/links/manifest.json"), """{"images":[{"file":"book.jpg"}]}"""u8.ToArray(), Token);

        var exported = await WebhookDataAsync("image.exported");
        var completed = await WebhookDataAsync("batch.completed");

        var files = exported.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["amazon_main", "shopify"], files.Select(f => f.GetProperty("platform").GetString()).Distinct().Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var url = new Uri(file.GetProperty("url").GetString()!);
            var response = await Http.GetAsync(url, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"127.0.0.1:{port}", url.Authority);
            var path = file.GetProperty("path").GetString()!;
            Assert.Equal(await Store.ReadAsync(new BlobPath(BlobContainers.Exports, path[(BlobContainers.Exports.Length + 1)..]), Token), await response.Content.ReadAsByteArrayAsync(Token));
        }

        var zip = await Http.GetAsync(new Uri(completed.GetProperty("zipUrl").GetString()!), Token);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await Store.ReadAsync(WorkPaths.Package("acme", "links", "delivery.zip"), Token), await zip.Content.ReadAsByteArrayAsync(Token));
        var manifest = PipelineJson.Read<DeliveryManifest>(await Store.ReadAsync(WorkPaths.Package("acme", "links", "manifest.json"), Token), "manifest");
        Assert.All(Assert.Single(manifest.Images).Files, f => Assert.StartsWith($"http://127.0.0.1:{port}/files/", f.Url?.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_ChangedExpiredOrUndeliveredLink_IsRefused()
    {
        var delivered = new BlobPath(BlobContainers.Exports, "acme/b/amazon_main/x.jpg");
        await Store.WriteAsync(delivered, new byte[] { 1, 2, 3 }, Token);
        await Store.WriteAsync(WorkPaths.Settings("acme"), "{}"u8.ToArray(), Token);
        var signer = app.Services.GetRequiredService<ReviewLinkSigner>();
        var options = app.Services.GetRequiredService<IOptions<DownloadLinkOptions>>();
        var good = await new ServedDownloadLinks(signer, options, TimeProvider.System).LinkAsync(delivered, Token);
        var expired = await new ServedDownloadLinks(signer, options, new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(-4))).LinkAsync(delivered, Token);
        var changed = new Uri(good.AbsoluteUri[..^2] + (good.AbsoluteUri[^2] == 'A' ? "B" : "A") + good.AbsoluteUri[^1]);
        var settings = new Uri($"http://127.0.0.1:{port}/files/{signer.Sign(new FileLink(BlobContainers.Config, "acme/settings.json", TimeProvider.System.GetUtcNow().AddHours(1)))}");

        var ok = await Http.GetAsync(good, Token);
        var refusedExpired = await Http.GetAsync(expired, Token);
        var refusedChanged = await Http.GetAsync(changed, Token);
        var refusedSettings = await Http.GetAsync(settings, Token);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("image/jpeg", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refusedExpired.StatusCode);
        Assert.Contains("expired", await refusedExpired.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refusedChanged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refusedSettings.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        await webhooks.DisposeAsync();
        await clients.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private async Task<JsonElement> WebhookDataAsync(string type)
    {
        string? body = null;
        await ServeHarness.WaitUntilAsync(() => (body = webhooks.Received.Select(w => w.Body).FirstOrDefault(b => b.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal))) is not null, type);
        using var document = JsonDocument.Parse(body!);
        return document.RootElement.GetProperty("data").Clone();
    }
}
