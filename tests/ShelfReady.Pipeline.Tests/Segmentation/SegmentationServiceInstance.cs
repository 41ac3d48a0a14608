using System.Globalization;
using Microsoft.AspNetCore.Builder;
using ShelfReady.SegmentationService;

namespace ShelfReady.Pipeline.Tests.Segmentation;

/// <summary>
/// The real segmentation service, built as its Program builds it, on a loopback port that survives a restart so
/// a test can take the service away from a running client and bring it back at the same address.
/// </summary>
public sealed class SegmentationServiceInstance : IAsyncDisposable
{
    public const string ApiKey = "adapter-test-key-5f1c2a";

    private readonly Dictionary<string, string> settings;
    private WebApplication? app;

    private SegmentationServiceInstance(Dictionary<string, string> settings) => this.settings = settings;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public static async Task<SegmentationServiceInstance> StartAsync(IReadOnlyDictionary<string, string>? overrides, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SegmentationService:DefaultModel"] = "studio-tiny",
            ["SegmentationService:ApiKeys:0"] = ApiKey,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var instance = new SegmentationServiceInstance(settings);
        await instance.StartOnAsync("http://127.0.0.1:0", cancellationToken);
        return instance;
    }

    /// <summary>Stops the service the way a deployment or a crash takes it away: new connections are refused.</summary>
    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            app = null;
        }
    }

    /// <summary>Starts the service again at the address it had.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => StartOnAsync(Endpoint.AbsoluteUri.TrimEnd('/'), cancellationToken);

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartOnAsync(string url, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--urls=" + url,
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => string.Create(CultureInfo.InvariantCulture, $"--{s.Key}={s.Value}")),
        ];
        app = SegmentationServiceApp.Build(arguments);
        await app.StartAsync(cancellationToken);
        Endpoint = new Uri(app.Urls.Single() + "/");
    }
}
