using ShelfReady.Pipeline.Settings;

namespace ShelfReady.Pipeline.Ports;

/// <summary>Delivers signed webhooks to a merchant's endpoint.</summary>
public interface IWebhookSender
{
    /// <summary>
    /// Delivers once. Throws on a retryable failure so the activity's retry policy applies; returns false
    /// when the endpoint refused for good (410 Gone) or the merchant has no endpoint.
    /// </summary>
    Task<bool> SendAsync(WebhookMessage message, MerchantSettings settings, CancellationToken cancellationToken);
}
