using ShelfReady.Pipeline.Activities;

namespace ShelfReady.Review.Decisions;

/// <summary>A review request that waits for a decision.</summary>
/// <param name="Record">The request.</param>
/// <param name="RequestedAt">When it was (last) recorded; reminders rewrite it, so a queue orders by the latest mail.</param>
public sealed record PendingReview(ReviewRequestRecord Record, DateTimeOffset RequestedAt);
