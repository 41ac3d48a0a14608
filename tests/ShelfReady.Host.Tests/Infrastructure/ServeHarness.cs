using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Cli;
using ShelfReady.Host.Storage;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>
/// A real <c>serve</c> on a free loopback port over its own folder, with a loopback webhook receiver for the
/// merchant: what a person runs on one machine, started, restarted and inspected by a test.
/// </summary>
public sealed class ServeHarness : IAsyncDisposable
{
    /// <summary>The merchant every harness configures.</summary>
    public const string Merchant = "acme";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);
    private readonly IReadOnlyDictionary<string, string?> extraSettings;
    private readonly TimeProvider? clock;
    private readonly IBlobStore? blobs;
    private WebApplication? app;

    /// <param name="extraSettings">Settings over the defaults (the mail transport, for instance).</param>
    /// <param name="clock">The clock serve runs on; a test clock lets a test move review deadlines.</param>
    /// <param name="blobs">The store serve is configured to use when it is not the folder under <see cref="Root"/>.</param>
    public ServeHarness(IEnumerable<KeyValuePair<string, string?>>? extraSettings = null, TimeProvider? clock = null, IBlobStore? blobs = null)
    {
        this.extraSettings = new Dictionary<string, string?>(extraSettings ?? []);
        this.clock = clock;
        this.blobs = blobs;
    }

    /// <summary>The folder serve keeps its storage, engine and outbox in.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("shelfready-serve-").FullName;

    public int Port { get; } = FreePort.Next();

    /// <summary>The merchant's webhook endpoint.</summary>
    public WebhookReceiver Webhooks { get; } = new();

    /// <summary>The storage serve works on, read directly as a user would look in the folder.</summary>
    public FolderBlobStore Store => new(Path.Combine(Root, "storage"));

    /// <summary>The store serve works on: <see cref="Store"/> unless another was given.</summary>
    public IBlobStore Blobs => blobs ?? Store;

    /// <summary>The engine of the running serve.</summary>
    public WorkflowEngine Engine => (app ?? throw new InvalidOperationException("serve is not running.")).Services.GetRequiredService<WorkflowEngine>();

    /// <summary>The workflow client of the running serve, on whichever engine it is configured with.</summary>
    public WorkflowClient Workflows => (app ?? throw new InvalidOperationException("serve is not running.")).Services.GetRequiredService<WorkflowClient>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Starts serve (again, after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        var settings = HostServices.UnderFolder(Root);
        settings["Watcher:PollInterval"] = "00:00:00.200";
        settings["Webhooks:Secrets:acme"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        app = ServeCommand.Build(Port, settings, clock);
        await app.StartAsync(Token);
    }

    /// <summary>Stops serve as Ctrl+C would.</summary>
    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            app = null;
        }
    }

    /// <summary>Writes the merchant's settings, with its webhook pointed at <see cref="Webhooks"/>.</summary>
    public async Task ConfigureMerchantAsync(MerchantSettings settings)
    {
        var merchant = settings with { WebhookUrl = Webhooks.Url, WebhookSecretName = Merchant, AllowPrivateWebhookTargets = true };
        await Blobs.WriteAsync(WorkPaths.Settings(Merchant), PipelineJson.Bytes(merchant), Token);
    }

    /// <summary>Drops a generated complex jewellery shot into the uploads container; returns its job id.</summary>
    public async Task<string> UploadJewelryAsync(string batch, string fileName, int seed)
    {
        var upload = new BlobPath(BlobContainers.Uploads, $"{Merchant}/{batch}/{fileName}");
        await Blobs.WriteAsync(WorkPaths.Sidecar(upload), """{"category":"jewelry"}"""u8.ToArray(), Token);
        return await UploadAsync(batch, fileName, JewelrySpec(seed));
    }

    /// <summary>Drops a generated shot into the uploads container; returns its job id.</summary>
    public async Task<string> UploadAsync(string batch, string fileName, StudioShotSpec spec)
    {
        using var shot = StudioShotGenerator.Generate(spec);
        var upload = new BlobPath(BlobContainers.Uploads, $"{Merchant}/{batch}/{fileName}");
        var content = shot.ToJpeg();
        await Blobs.WriteAsync(upload, content, Token);
        return JobIdentity.JobId(upload.Name, JobIdentity.ContentHash(content));
    }

    /// <summary>The spec of the shot <see cref="UploadJewelryAsync"/> drops, to regenerate its true matte.</summary>
    public static StudioShotSpec JewelrySpec(int seed) => new() { Seed = seed, Width = 1200, Height = 900, Complexity = ProductComplexity.Complex, Category = "jewelry" };

    /// <summary>Waits for the image's outcome.json and reads it.</summary>
    public async Task<ImageOutcome> WaitForOutcomeAsync(string jobId)
    {
        var path = WorkPaths.Outcome(jobId);
        await WaitUntilAsync(async () => await Blobs.GetPropertiesAsync(path, Token) is not null, $"the outcome of {jobId}");
        return PipelineJson.Read<ImageOutcome>(await Blobs.ReadAsync(path, Token), "outcome");
    }

    /// <summary>Waits until a signed image.exported webhook for the file has reached the merchant.</summary>
    public Task WaitForExportedWebhookAsync(string fileName) =>
        WaitUntilAsync(() => Webhooks.Received.Any(w => w.Body.Contains("image.exported", StringComparison.Ordinal) && w.Body.Contains(fileName, StringComparison.Ordinal)), $"image.exported for {fileName}");

    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after two minutes.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, string)"/>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what) => WaitUntilAsync(condition, () => what);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after two minutes with what <paramref name="describe"/> says then.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> describe)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(WaitLimit);
        while (!await condition())
        {
            try
            {
                await Task.Delay(100, limit.Token);
            }
            catch (OperationCanceledException) when (!Token.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for {describe()} after {WaitLimit.TotalMinutes:0} minutes.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Webhooks.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
