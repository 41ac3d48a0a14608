using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShelfReady.Imaging.Loading;
using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.SegmentationService.Endpoints;
using ShelfReady.SegmentationService.Input;
using ShelfReady.SegmentationService.Models;
using ShelfReady.SegmentationService.Options;
using ShelfReady.SegmentationService.Security;

namespace ShelfReady.SegmentationService.Composition;

/// <summary>Registers the segmentation service's options, models, inputs and security.</summary>
public static class SegmentationServiceCollectionExtensions
{
    /// <summary>The configuration section bound to <see cref="InferenceOptions"/>.</summary>
    public const string InferenceSection = "Inference";

    /// <summary>
    /// Binds <c>SegmentationService</c> and <c>Inference</c> from <paramref name="configuration"/>, validated at
    /// start-up, and registers everything the endpoints need.
    /// </summary>
    public static IServiceCollection AddSegmentationService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SegmentationServiceOptions>()
            .Bind(configuration.GetSection(SegmentationServiceOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SegmentationServiceOptions>, SegmentationServiceOptionsValidator>();
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceSection))
            .PostConfigure(inference =>
            {
                // A blank folder is left for the validator to report by name.
                if (!string.IsNullOrWhiteSpace(inference.ModelsDirectory))
                {
                    inference.ModelsDirectory = ModelsDirectory.Resolve(inference.ModelsDirectory);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SegmentationServiceOptions>>().Value;
            return new ImageLoader(new ImageLoadOptions { MaxBytes = options.MaxRequestBytes, MaxPixels = options.MaxPixels, MinLongSide = options.MinLongSide });
        });
        services.AddHttpClient(BlobFetcher.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) });
        services.AddSingleton<BlobFetcher>();
        services.AddSingleton<ImageInputReader>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<SegmentEndpoint>();
        services.AddHostedService<ModelCatalogService>();
        return services;
    }
}
