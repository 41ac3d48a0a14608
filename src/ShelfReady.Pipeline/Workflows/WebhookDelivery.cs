using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Settings;

namespace ShelfReady.Pipeline.Workflows;

/// <summary>Input of DeliverWebhook.</summary>
public sealed record DeliverWebhookInput(WebhookMessage Message, MerchantSettings Settings);

/// <summary>
/// Delivers a webhook from workflow code with the Standard Webhooks retry schedule — immediately, 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — each delay jittered ±10% and stretched to a longer Retry-After.
/// Durable timers carry the waits, so a delivery survives restarts; the jitter comes from the workflow's
/// deterministic GUIDs, so replay takes the same delays.
/// </summary>
public static class WebhookDelivery
{
    private static readonly TimeSpan[] Schedule =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    private static readonly ActivityOptions SingleAttempt = new();

    /// <summary>Delivers, retrying on schedule; returns the last attempt's result.</summary>
    public static async Task<WebhookAttempt> DeliverAsync(WorkflowContext context, WebhookMessage message, MerchantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        WebhookAttempt attempt = new(WebhookAttemptStatus.Retry);
        for (var i = 0; i < Schedule.Length; i++)
        {
            var delay = Delay(i, attempt, context.NewGuid());
            if (delay > TimeSpan.Zero)
            {
                await context.CreateTimer(delay, CancellationToken.None);
            }

            attempt = await context.CallActivityAsync<WebhookAttempt>(ActivityNames.DeliverWebhook, new DeliverWebhookInput(message, settings), SingleAttempt);
            if (attempt.Status != WebhookAttemptStatus.Retry)
            {
                return attempt;
            }
        }

        return attempt;
    }

    /// <summary>The wait before attempt <paramref name="index"/>: the schedule's, jittered, or the receiver's Retry-After if longer.</summary>
    public static TimeSpan Delay(int index, WebhookAttempt previous, Guid jitterSource)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var scheduled = Schedule[Math.Clamp(index, 0, Schedule.Length - 1)];
        var unit = (jitterSource.ToByteArray()[0] / 255.0 * 0.2) - 0.1;
        var jittered = scheduled * (1 + unit);
        var asked = previous.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        return asked > jittered ? asked : jittered;
    }
}
