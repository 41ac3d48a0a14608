using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Ports;

/// <summary>Tells reviewers a decision is waiting (email with a signed link, in the review issue).</summary>
public interface IReviewNotifier
{
    /// <summary>Sends the request, or the reminder, for a recorded review request.</summary>
    Task NotifyAsync(ReviewRequestInput request, CancellationToken cancellationToken);
}
