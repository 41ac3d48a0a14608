using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>One webhook delivery attempt; the schedule between attempts is the workflow's.</summary>
public sealed class DeliverWebhookActivity(IWebhookSender sender) : Activity<DeliverWebhookInput, WebhookAttempt>
{
    /// <inheritdoc />
    public override Task<WebhookAttempt> RunAsync(ActivityContext context, DeliverWebhookInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return sender.SendAsync(input.Message, input.Settings, context.CancellationToken);
    }
}
