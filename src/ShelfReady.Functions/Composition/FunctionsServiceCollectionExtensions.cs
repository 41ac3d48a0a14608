using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShelfReady.Adapters.Composition;
using ShelfReady.Adapters.Storage;
using ShelfReady.Durable;
using ShelfReady.Durable.Telemetry;
using ShelfReady.Functions.Review;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Loading;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Review;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Functions.Composition;

/// <summary>Wires the pipeline's activities, their adapters and telemetry for the Functions app.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The setting that turns on export to Application Insights.</summary>
    public const string AppInsightsConnectionKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Adds storage, imaging, segmentation, classification, compliance, webhooks, the review loop, the activities and telemetry.</summary>
    public static IServiceCollection AddShelfReadyFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FunctionsOptions>().Bind(configuration.GetSection(FunctionsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => CreateBlobClient(provider.GetRequiredService<IOptions<FunctionsOptions>>().Value));
        services.AddSingleton<IBlobStore>(provider => new AzureBlobStore(provider.GetRequiredService<BlobServiceClient>()));
        services.AddOptions<DownloadLinkOptions>().Bind(configuration.GetSection(DownloadLinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDownloadLinks, AzureBlobDownloadLinks>();
        services.AddSingleton(_ =>
        {
            VipsRuntime.EnsureConfigured();
            return new ImageLoader(configuration.GetSection("Imaging").Get<ImageLoadOptions>() ?? ImageLoadOptions.Default);
        });
        services.AddSingleton(PlatformProfileCatalog.Builtin());
        services.AddShelfReadySegmentation(configuration);
        services.AddShelfReadyClassifier(configuration);
        services.AddShelfReadyCompliance(configuration);
        services.AddShelfReadyWebhooks(configuration);
        AddReview(services, configuration);
        services.AddSingleton(new WorkflowRegistry().AddShelfReadyPipeline());
        services.AddSingleton(provider => new WorkflowActivityInvoker(provider.GetRequiredService<WorkflowRegistry>(), provider));
        AddTelemetry(services, configuration[AppInsightsConnectionKey]);
        return services;
    }

    // The shared review loop, deciding through the Durable client. Links in mail must reach this app, and mail
    // must leave it: an outbox folder on a Functions instance is read by nobody.
    private static void AddReview(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddShelfReadyReview(configuration);
        services.AddOptions<ReviewOptions>().Validate(review => review.PublicBaseUrl is not null, "Review:PublicBaseUrl is required: the app's own https address, which emailed review links point at.");
        services.AddSingleton<BoundDurableClient>();
        services.AddSingleton<IReviewDecisionSink, DurableReviewDecisionSink>();
    }

    private static BlobServiceClient CreateBlobClient(FunctionsOptions options) =>
        string.IsNullOrWhiteSpace(options.StorageConnectionString)
            ? new BlobServiceClient(options.StorageAccountUri!, new DefaultAzureCredential())
            : new BlobServiceClient(options.StorageConnectionString);

    // Without a connection string (tests, local runs) spans and metrics are still produced for any listener,
    // just not exported.
    private static void AddTelemetry(IServiceCollection services, string? appInsights)
    {
        services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource(StageTelemetry.SourceName);
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    tracing.AddAzureMonitorTraceExporter(exporter => exporter.ConnectionString = appInsights);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StageTelemetry.MeterName);
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    metrics.AddAzureMonitorMetricExporter(exporter => exporter.ConnectionString = appInsights);
                }
            });
    }
}
