using Microsoft.Extensions.Options;
using ShelfReady.SegmentationService.Diagnostics;
using ShelfReady.SegmentationService.Options;

namespace ShelfReady.SegmentationService.Models;

/// <summary>
/// Loads the models before the server takes requests and releases them on shutdown. Loading is synchronous:
/// a model session opens in well under a second on CPU and a few seconds on a GPU, and a service that answers
/// before its models exist would only answer 503.
/// </summary>
internal sealed class ModelCatalogService(ModelCatalog catalog, IOptions<SegmentationServiceOptions> options, ILogger<ModelCatalogService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApiKeys.Count == 0)
        {
            ServiceLog.AnonymousAccess(logger);
        }

        catalog.Load();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Dispose();
        return Task.CompletedTask;
    }
}
