namespace ShelfReady.SegmentationService.Tests.Infrastructure;

/// <summary>
/// One service with both tiny models, two API keys, a 256 KiB body cap, a 1 MP pixel cap, URL input allowed
/// from 127.0.0.1 over http, and a long batch wait so that concurrent requests reliably share batches.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public const string SecondApiKey = "second-key-fedcba9876543210";
    public const long MaxRequestBytes = 256 * 1024;

    private ServiceHost? host;

    public ServiceHost Host => host ?? throw new InvalidOperationException("Not started.");

    public static Dictionary<string, string> Settings() => new()
    {
        ["Inference:ModelsDirectory"] = Repository.ModelsDirectory,
        ["SegmentationService:Models:0"] = "studio-tiny",
        ["SegmentationService:Models:1"] = "studio-conv",
        ["SegmentationService:DefaultModel"] = "studio-tiny",
        ["SegmentationService:ApiKeys:0"] = ServiceHost.ApiKey,
        ["SegmentationService:ApiKeys:1"] = SecondApiKey,
        ["Inference:MaxBatch"] = "8",
        ["SegmentationService:MaxBatchWait"] = "00:00:00.250",
        ["SegmentationService:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SegmentationService:MaxPixels"] = "1000000",
        ["SegmentationService:AllowedBlobHosts:0"] = "127.0.0.1",
        ["SegmentationService:AllowHttpBlobUrls"] = "true",
    };

    public async ValueTask InitializeAsync() => host = await ServiceHost.StartAsync(Settings(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
