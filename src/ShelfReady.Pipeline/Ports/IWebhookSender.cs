using ShelfReady.Pipeline.Settings;

namespace ShelfReady.Pipeline.Ports;

/// <summary>Delivers signed webhooks to a merchant's endpoint, one attempt per call.</summary>
public interface IWebhookSender
{
    /// <summary>Makes one delivery attempt; never throws for a receiver's failure, it reports it.</summary>
    Task<WebhookAttempt> SendAsync(WebhookMessage message, MerchantSettings settings, CancellationToken cancellationToken);
}
