using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Segmentation;

namespace ShelfReady.Adapters.Composition;

/// <summary>Chooses the segmenter: the segmentation service when an endpoint is configured, else the classical one in-process.</summary>
public static class SegmentationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ISegmenter"/> from the "Segmentation" section.</summary>
    public static IServiceCollection AddShelfReadySegmentation(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RemoteSegmentationOptions.Section);
        services.AddOptions<RemoteSegmentationOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClassicalSegmentation>();
        if (section.GetValue<Uri?>(nameof(RemoteSegmentationOptions.Endpoint)) is null)
        {
            services.AddSingleton<ISegmenter>(provider => provider.GetRequiredService<ClassicalSegmentation>());
            return services;
        }

        // Each attempt has its own timeout in the resilience pipeline; the client's own would cut across retries.
        services.AddHttpClient(SegmentationServiceClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RemoteSegmentationOptions>>().Value);
        services.AddSingleton<SegmentationServiceClient>();
        services.AddSingleton<ISegmenter, RemoteSegmentation>();
        return services;
    }
}
