using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Cli;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Host.Web;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Tests.Web;

/// <summary>The always-on host: files dropped into uploads are processed, and the status API shows them.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-serve-").FullName;
    private readonly int port = FreePort.Next();
    private readonly ServiceProvider clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private WebApplication app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Http => clients.GetRequiredService<IHttpClientFactory>().CreateClient();

    public async ValueTask InitializeAsync()
    {
        var settings = HostServices.UnderFolder(root);
        settings["Watcher:PollInterval"] = "00:00:00.200";
        settings["Watcher:BatchPollInterval"] = "00:00:00.500";
        settings["Watcher:BatchDeadline"] = "00:02:00";
        app = ServeCommand.Build(port, settings);
        await app.StartAsync(Token);
    }

    [Fact]
    public async Task Serve_DroppedBatch_IsProcessedAndVisibleInTheStatusApi()
    {
        var store = new FolderBlobStore(Path.Combine(root, "storage"));
        for (var i = 0; i < 2; i++)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 500 + i, Width = 1200, Height = 900, Complexity = ProductComplexity.Simple, Category = "books" });
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"acme/drop/book-{i}.jpg"), shot.ToJpeg(), Token);
        }

        await store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/drop/broken.jpg"), "nope"u8.ToArray(), Token);
        var manifest = new BatchManifest { Images = [new ManifestEntry { File = "book-0.jpg" }, new ManifestEntry { File = "book-1.jpg" }, new ManifestEntry { File = "broken.jpg" }] };
        await store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/drop/manifest.json"), PipelineJson.Bytes(manifest), Token);

        var jobs = await WaitForAsync(list => list.Count == 4 && list.All(j => j.Status == "Completed"));

        Assert.Equal(3, jobs.Count(j => j.Workflow == "ProcessImage"));
        var batch = await Http.GetFromJsonAsync<JobSummary>(Url($"/jobs/{jobs.Single(j => j.Workflow == "ProcessBatch").InstanceId}"), Token);
        Assert.Equal(["broken.jpg: Rejected (The file is not a supported image (it looks like text, not an image). Supported: JPEG, PNG, TIFF, WebP, AVIF, GIF.)"],
            batch!.Output!.Value.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
        Assert.True(File.Exists(store.FilePath(WorkPaths.Package("acme", "drop", "delivery.zip"))));
    }

    [Fact]
    public async Task Health_AndUnknownJob_AnswerPlainly()
    {
        var health = await Http.GetAsync(Url("/health"), Token);
        var missing = await Http.GetAsync(Url("/jobs/nope"), Token);
        var badFilter = await Http.GetAsync(Url("/jobs?status=sleeping"), Token);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("in-process classical segmenter", await health.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        await clients.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private Uri Url(string path) => new($"http://127.0.0.1:{port}{path}");

    private async Task<List<JobSummary>> WaitForAsync(Func<List<JobSummary>, bool> done)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var jobs = await Http.GetFromJsonAsync<List<JobSummary>>(Url("/jobs"), options, Token) ?? [];
            if (done(jobs))
            {
                return jobs;
            }

            await Task.Delay(200, Token);
        }

        throw new TimeoutException("The dropped batch did not finish within two minutes.");
    }
}
