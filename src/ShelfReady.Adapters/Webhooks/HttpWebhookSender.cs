using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Webhooks;

namespace ShelfReady.Adapters.Webhooks;

/// <summary>
/// Delivers Standard Webhooks 1.0 messages over HTTP with the webhook-id (stable across retries),
/// webhook-timestamp and webhook-signature headers, one attempt per call. 2xx is delivered; 410 Gone and a
/// target refused by the SSRF guard are final; anything else is reported for a later retry, with the
/// receiver's Retry-After when it sent one.
/// </summary>
public sealed class HttpWebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time) : IWebhookSender
{
    /// <summary>The named HTTP client for public targets; its handler refuses non-public addresses.</summary>
    public const string ClientName = "webhooks";

    /// <summary>The named HTTP client for merchants whose settings allow private targets.</summary>
    public const string PrivateClientName = "webhooks-private";

    /// <inheritdoc />
    public async Task<WebhookAttempt> SendAsync(WebhookMessage message, MerchantSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.WebhookUrl is not { } url)
        {
            return new WebhookAttempt(WebhookAttemptStatus.NoEndpoint);
        }

        using var request = Sign(new HttpRequestMessage(HttpMethod.Post, url), message, settings);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(settings.AllowPrivateWebhookTargets ? PrivateClientName : ClientName)
                .SendAsync(request, timeout.Token)
                .ConfigureAwait(false);
            return Interpret(response);
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookTargetRefusedException refused)
        {
            return new WebhookAttempt(WebhookAttemptStatus.Abandoned, refused.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(WebhookAttemptStatus.Retry, ex.Message);
        }
    }

    private HttpRequestMessage Sign(HttpRequestMessage request, WebhookMessage message, MerchantSettings settings)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Content = new StringContent(message.Body, Encoding.UTF8, "application/json");
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        if (settings.WebhookSecretName is { } name)
        {
            var secret = options.Value.Secrets.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"Webhook secret '{name}' is not configured (Webhooks:Secrets:{name}).");
            request.Headers.Add("webhook-signature", new WebhookSignature(secret).Sign(message.Id, timestamp, message.Body));
        }

        return request;
    }

    private static WebhookAttempt Interpret(HttpResponseMessage response)
    {
        var detail = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.IsSuccessStatusCode)
        {
            return new WebhookAttempt(WebhookAttemptStatus.Delivered, detail);
        }

        return response.StatusCode == HttpStatusCode.Gone
            ? new WebhookAttempt(WebhookAttemptStatus.Abandoned, detail)
            : new WebhookAttempt(WebhookAttemptStatus.Retry, detail, response.Headers.RetryAfter?.Delta?.TotalSeconds);
    }
}
