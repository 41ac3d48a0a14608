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
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Tests.Infrastructure;

/// <summary>
/// The Functions app's real function classes, wired by the app's own composition against Azurite, registered on
/// Durable Task's in-process test host (DurableTask.Core's in-memory backend behind the real gRPC worker and client).
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private ServiceProvider services = null!;

    public DurableTaskTestHost Host { get; private set; } = null!;

    public AzureBlobStore Store { get; private set; } = null!;

    public UploadTrigger Trigger { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await azurite.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShelfReady:StorageConnectionString"] = azurite.ConnectionString,
            ["ShelfReady:BatchPollInterval"] = "00:00:01",
            ["ShelfReady:BatchDeadline"] = "00:00:06",
        }).Build();
        services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddShelfReadyFunctions(configuration).BuildServiceProvider(validateScopes: true);
        Store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString));
        Trigger = new UploadTrigger(services.GetRequiredService<IOptions<FunctionsOptions>>());
        var activities = ActivatorUtilities.CreateInstance<PipelineActivities>(services);
        Host = await DurableTaskTestHost.StartAsync(registry => Register(registry, activities), cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await services.DisposeAsync();
        await azurite.DisposeAsync();
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
