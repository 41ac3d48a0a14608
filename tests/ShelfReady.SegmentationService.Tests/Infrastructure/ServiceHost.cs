using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ShelfReady.SegmentationService.Tests.Infrastructure;

/// <summary>
/// The real service, built by <see cref="SegmentationServiceApp.Build"/> exactly as <c>Program</c> builds it,
/// listening on a free loopback port, with an <see cref="HttpClient"/> from IHttpClientFactory aimed at it.
/// Settings are passed as command-line arguments, the highest-precedence configuration source.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private readonly WebApplication app;
    private readonly ServiceProvider clients;

    private ServiceHost(WebApplication app, Uri address)
    {
        this.app = app;
        BaseAddress = address;
        clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public static string[] Arguments(IReadOnlyDictionary<string, string> settings) =>
    [
        "--urls=http://127.0.0.1:0",
        "--environment=Testing",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        .. settings.Select(s => string.Create(CultureInfo.InvariantCulture, $"--{s.Key}={s.Value}")),
    ];

    public static async Task<ServiceHost> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var app = SegmentationServiceApp.Build(Arguments(settings));
        await app.StartAsync(cancellationToken);
        return new ServiceHost(app, new Uri(app.Urls.Single()));
    }

    /// <summary>A client for the service; with <paramref name="apiKey"/> null it sends no key.</summary>
    public HttpClient Client(string? apiKey = ApiKey)
    {
        var client = clients.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.BaseAddress = BaseAddress;
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        await clients.DisposeAsync();
    }
}
