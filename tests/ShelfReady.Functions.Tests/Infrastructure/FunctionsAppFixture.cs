using System.Text;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShelfReady.Adapters.Storage;
using ShelfReady.Functions.Activities;
using ShelfReady.Functions.Composition;
using ShelfReady.Functions.Orchestrators;
using ShelfReady.Functions.Triggers;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Tests.Infrastructure;

/// <summary>
/// The Functions app's real function classes, wired by the app's own composition against Azurite, registered on
/// Durable Task's in-process test host (DurableTask.Core's in-memory backend behind the real gRPC worker and client).
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public DurableTaskTestHost Host { get; private set; } = null!;

    public AzureBlobStore Store { get; private set; } = null!;

    public UploadTrigger Trigger { get; private set; } = null!;

    /// <summary>The app's container, as the Functions host builds it (review functions and requests resolve from it).</summary>
    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>Where the app's review mail lands (the outbox transport).</summary>
    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), "shelfready-functions-outbox-" + Guid.NewGuid().ToString("N"));

    /// <summary>The public address review links point at.</summary>
    public static Uri PublicBaseUrl { get; } = new("https://shelfready-functions.example/");

    public async ValueTask InitializeAsync()
    {
        await azurite.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShelfReady:StorageConnectionString"] = azurite.ConnectionString,
            ["ShelfReady:BatchPollInterval"] = "00:00:01",
            ["ShelfReady:BatchDeadline"] = "00:00:06",
            ["Review:PublicBaseUrl"] = PublicBaseUrl.AbsoluteUri,
            ["Review:SigningKeys:k1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Review:ActiveKeyId"] = "k1",
            ["Review:Email:OutboxFolder"] = Outbox,
        }).Build();
        Services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddShelfReadyFunctions(configuration).BuildServiceProvider(validateScopes: true);
        Store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString));
        Trigger = new UploadTrigger(Services.GetRequiredService<IOptions<FunctionsOptions>>());
        var activities = ActivatorUtilities.CreateInstance<PipelineActivities>(Services);
        Host = await DurableTaskTestHost.StartAsync(registry => Register(registry, activities), cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Services.DisposeAsync();
        await azurite.DisposeAsync();
        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Waits until the instance's custom status names the stage (bounded by the test's cancellation).</summary>
    public async Task WaitForStageAsync(string instanceId, string stage)
    {
        while (true)
        {
            var status = await Host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, Token);
            if (status?.ReadCustomStatusAs<ImageProgress>()?.Stage == stage)
            {
                return;
            }

            Assert.False(status?.IsCompleted ?? false, $"The instance finished before reaching '{stage}'.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), Token);
        }
    }

    /// <summary>A plain shot on white, labelled by its sidecar (electronics: the simple route), exported for one platform.</summary>
    public async Task<(BlobPath Path, byte[] Content)> UploadShotAsync(string merchant, string batch, string file, int seed, string category = "electronics", TimeSpan? reminderAfter = null)
    {
        var settings = new MerchantSettings { Platforms = ["amazon_main"], ReviewReminderAfter = reminderAfter ?? TimeSpan.FromSeconds(2) };
        await Store.WriteAsync(new BlobPath(BlobContainers.Config, $"{merchant}/settings.json"), PipelineJson.Bytes(settings), Token);
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec
        {
            Seed = seed,
            Width = 1200,
            Height = 900,
            Complexity = ProductComplexity.Simple,
            Category = "electronics",
            ContactShadow = false,
            Background = BackgroundKind.White,
        });
        var content = shot.ToJpeg();
        var path = new BlobPath(BlobContainers.Uploads, $"{merchant}/{batch}/{file}");
        await Store.WriteAsync(path.WithSuffix(".json"), Encoding.UTF8.GetBytes($$"""{"category":"{{category}}"}"""), Token);
        await Store.WriteAsync(path, content, Token);
        return (path, content);
    }

    // Every registration calls the [Function] method itself, as the Functions host would; orchestrators are
    // registered with their input type so GetInput deserialises it as the isolated worker does.
    private static void Register(DurableTaskRegistry registry, PipelineActivities activities)
    {
        registry.AddOrchestratorFunc<ProcessImageInput, ImageOutcome>(WorkflowNames.ProcessImage, (context, _) => PipelineOrchestrators.ProcessImage(context));
        registry.AddOrchestratorFunc<ProcessBatchInput, PackageOutput>(WorkflowNames.ProcessBatch, (context, _) => PipelineOrchestrators.ProcessBatch(context));
        registry.AddActivityFunc<string, MerchantSettings>(ActivityNames.LoadSettings, (context, input) => activities.LoadSettings(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<ProcessImageInput, IngestOutput>(ActivityNames.Ingest, (context, input) => activities.Ingest(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<ClassifyCategoryInput, CategoryOutput>(ActivityNames.ClassifyCategory, (context, input) => activities.ClassifyCategory(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<AnalyzeImageInput, AnalysisOutput>(ActivityNames.AnalyzeImage, (context, input) => activities.AnalyzeImage(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<SegmentInput, SegmentOutput>(ActivityNames.Segment, (context, input) => activities.Segment(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<ComposeInput, ComposeOutput>(ActivityNames.Compose, (context, input) => activities.Compose(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<QualityCheckInput, QcResult>(ActivityNames.QualityCheck, (context, input) => activities.QualityCheck(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<ReviewRequestInput, ReviewRequestOutput>(ActivityNames.RequestReview, (context, input) => activities.RequestReview(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<ComplianceInput, ComplianceEvidence>(ActivityNames.CheckCompliance, (context, input) => activities.CheckCompliance(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<ExportInput, ExportOutput>(ActivityNames.Export, (context, input) => activities.Export(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<ImageOutcome, WebhookMessage>(ActivityNames.Notify, (context, input) => activities.Notify(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<DeliverWebhookInput, WebhookAttempt>(ActivityNames.DeliverWebhook, (context, input) => activities.DeliverWebhook(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<CheckBatchInput, BatchCheck>(ActivityNames.CheckBatch, (context, input) => activities.CheckBatch(input, context.InstanceId, CancellationToken.None));
        registry.AddActivityFunc<PackageInput, PackageOutput>(ActivityNames.Package, (context, input) => activities.Package(input, context.InstanceId, CancellationToken.None));
    }
}
