using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShelfReady.Adapters.Composition;
using ShelfReady.Adapters.Storage;
using Microsoft.Extensions.Logging;
using ShelfReady.Durable.AzureStorage;
using ShelfReady.Host.Diagnostics;
using ShelfReady.Host.Downloads;
using ShelfReady.Host.Memory;
using ShelfReady.Host.Review;
using ShelfReady.Host.Storage;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Loading;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Review;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Host.Composition;

/// <summary>Wires the pipeline, its adapters and the embedded engine from configuration.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>Adds storage, imaging, webhooks, the pipeline's activities and the engine.</summary>
    public static IServiceCollection AddShelfReady(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EngineSettings>().Bind(configuration.GetSection(EngineSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBlobStore>(provider => CreateStore(provider));
        AddDownloadLinks(services, configuration);
        services.AddSingleton(new ImageLoader(configuration.GetSection("Imaging").Get<ImageLoadOptions>() ?? ImageLoadOptions.Default));
        services.AddSingleton(PlatformProfileCatalog.Builtin());
        services.AddShelfReadySegmentation(configuration);
        services.AddShelfReadyClassifier(configuration);
        services.AddShelfReadyCompliance(configuration);
        services.AddShelfReadyWebhooks(configuration);
        services.AddSingleton(provider => CreateEngine(provider));
        services.AddSingleton(provider => CreateTaskHubEngine(provider));
        services.AddSingleton<WorkflowClient>(provider => provider.GetRequiredService<IOptions<EngineSettings>>().Value.Kind == EngineKind.AzureStorage
            ? provider.GetRequiredService<AzureStorageWorkflowEngine>()
            : provider.GetRequiredService<WorkflowEngine>());
        services.AddShelfReadyReview(configuration);
        services.AddOptions<ReviewOptions>().PostConfigure<IOptions<EngineSettings>>((review, engine) => ReviewKeyFile.Apply(review, engine.Value.DatabasePath));
        services.AddSingleton<IReviewDecisionSink, EngineReviewDecisionSink>();
        return services;
    }

    private static IBlobStore CreateStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Kind == StorageKind.AzureBlob ? new AzureBlobStore(provider.GetRequiredService<BlobServiceClient>()) : new FolderBlobStore(options.Root);
    }

    // Links merchants can open: SAS URLs on Azure storage; on a folder, serve's own signed URLs, and only once it
    // has an address a merchant can reach (a loopback link would be useless outside this machine).
    private static void AddDownloadLinks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DownloadLinkOptions>().Bind(configuration.GetSection(DownloadLinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => CreateBlobClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Kind == StorageKind.AzureBlob)
        {
            services.AddSingleton<IDownloadLinks, AzureBlobDownloadLinks>();
        }
        else if (configuration.GetSection(DownloadLinkOptions.Section).Get<DownloadLinkOptions>()?.PublicBaseUrl is not null)
        {
            services.AddSingleton<IDownloadLinks, ServedDownloadLinks>();
        }
    }

    private static BlobServiceClient CreateBlobClient(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.AccountUri, new DefaultAzureCredential())
            : new BlobServiceClient(options.ConnectionString);

    private static WorkflowEngine CreateEngine(IServiceProvider provider)
    {
        var settings = ConfigureImaging(provider);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.DatabasePath))!);
        var options = new WorkflowEngineOptions
        {
            DatabasePath = settings.DatabasePath,
            // Heavy activities bound the whole pool: a couple of slots above the image workers lets a light step
            // (settings, webhooks, batch checks) run beside them without oversubscribing the cores.
            MaxConcurrentActivities = settings.ImageWorkers + 2,
        };
        foreach (var heavy in PipelineRegistration.HeavyActivities)
        {
            options.ActivityConcurrencyLimits[heavy] = settings.ImageWorkers;
        }

        var registry = new WorkflowRegistry().AddShelfReadyPipeline(ActivityDecorator(provider, settings));
        return new WorkflowEngine(registry, options, provider.GetRequiredService<TimeProvider>(), provider);
    }

    // Heavy activities are most of the work, and this backend bounds activities only as a whole: one per image worker.
    private static AzureStorageWorkflowEngine CreateTaskHubEngine(IServiceProvider provider)
    {
        var settings = ConfigureImaging(provider);
        var options = new AzureStorageEngineOptions
        {
            ConnectionString = settings.ConnectionString ?? throw new InvalidOperationException("Engine:ConnectionString is not set."),
            TaskHubName = settings.TaskHubName,
            PartitionCount = settings.PartitionCount,
            MaxConcurrentActivities = settings.ImageWorkers,
            MessageVisibilityTimeout = settings.MessageVisibilityTimeout,
            MaxPollingInterval = settings.MaxPollingInterval,
        };
        var registry = new WorkflowRegistry().AddShelfReadyPipeline(ActivityDecorator(provider, settings));
        return new AzureStorageWorkflowEngine(registry, options, provider, provider.GetRequiredService<ILoggerFactory>());
    }

    private static EngineSettings ConfigureImaging(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<IOptions<EngineSettings>>().Value;
        VipsRuntime.EnsureConfigured();
        NetVips.NetVips.Concurrency = settings.VipsThreadsPerOperation;
        return settings;
    }

    // The journal sits inside the memory gate, so a journaled start is a step that has its memory and runs.
    private static Func<string, IActivity, IActivity>? ActivityDecorator(IServiceProvider provider, EngineSettings settings)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var journalPath = configuration["Diagnostics:ActivityJournal"];
        var journal = string.IsNullOrWhiteSpace(journalPath) ? null : new ActivityJournal(journalPath, provider.GetRequiredService<TimeProvider>());
        var gate = settings.MemoryBudgetMB is { } budgetMB
            ? new ImageMemoryGate(
                new MemoryBudget((budgetMB - EngineSettings.HostReserveMB) * 1024L * 1024),
                provider.GetRequiredService<ImageLoader>().Options.MaxPixels,
                PipelineRegistration.HeavyActivities)
            : null;
        return (journal, gate) switch
        {
            (null, null) => null,
            (null, { } g) => g.Wrap,
            ({ } j, null) => j.Wrap,
            ({ } j, { } g) => (name, activity) => g.Wrap(name, j.Wrap(name, activity)),
        };
    }
}
