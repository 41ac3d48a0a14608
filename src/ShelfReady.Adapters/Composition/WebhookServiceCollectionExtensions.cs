using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShelfReady.Adapters.Webhooks;
using ShelfReady.Pipeline.Ports;

namespace ShelfReady.Adapters.Composition;

/// <summary>Registers webhook delivery.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>Adds the HTTP webhook sender with its two named clients: guarded (public targets only) and private.</summary>
    public static IServiceCollection AddShelfReadyWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(HttpWebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectCallback = WebhookTargetGuard.ConnectPublicOnlyAsync,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddHttpClient(HttpWebhookSender.PrivateClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        return services;
    }
}
