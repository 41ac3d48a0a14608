using ShelfReady.Review.Decisions;

namespace ShelfReady.Review.Pages;

/// <summary>One row of the queue: the waiting request, its page and its approve form's token.</summary>
/// <param name="Pending">The waiting request.</param>
/// <param name="LinkPath">The review page of the item, signed for the queue's reviewer.</param>
/// <param name="FormToken">The anti-forgery token for deciding from the queue.</param>
public sealed record QueueItem(PendingReview Pending, string LinkPath, string FormToken);
