using ShelfReady.Pipeline.Activities;

namespace ShelfReady.Pipeline.Ports;

/// <summary>Tells reviewers a decision is waiting (email with a signed link, in the review issue).</summary>
public interface IReviewNotifier
{
    /// <summary>Sends the request, or the reminder, for a recorded review request, with the verdicts it records.</summary>
    Task NotifyAsync(ReviewRequestRecord record, CancellationToken cancellationToken);
}
