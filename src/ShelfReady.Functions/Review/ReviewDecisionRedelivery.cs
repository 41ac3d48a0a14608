using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Functions.Review;

/// <summary>
/// Raises decisions that were recorded but never reached their orchestration (the instance that recorded one
/// stopped between writing it and raising it): what <c>serve</c> does when it starts, on a schedule here,
/// because a Functions app has no start of its own.
/// </summary>
/// <param name="durable">Where the recorder finds the Durable client.</param>
/// <param name="recorder">The shared decision recorder.</param>
/// <param name="logger">Says how many were raised.</param>
public sealed partial class ReviewDecisionRedelivery(BoundDurableClient durable, ReviewDecisionRecorder recorder, ILogger<ReviewDecisionRedelivery> logger)
{
    /// <summary>The function's name.</summary>
    public const string FunctionName = "RedeliverReviewDecisions";

    /// <summary>Every ten minutes.</summary>
    /// <param name="timer">The schedule's state.</param>
    /// <param name="client">The Durable client decisions are raised with.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>Done when every pending decision was raised.</returns>
    [Function(FunctionName)]
    public async Task RunAsync(
        [TimerTrigger("0 */10 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        durable.Use(client);
        var raised = await recorder.DeliverPendingAsync(cancellationToken).ConfigureAwait(false);
        if (raised > 0)
        {
            LogRedelivered(raised);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raised {Count} recorded review decision(s) that had not reached their orchestration.")]
    private partial void LogRedelivered(int count);
}
