namespace ShelfReady.Review.Decisions;

/// <summary>What became of a posted decision.</summary>
/// <param name="Recorded">The decision on record: this one when <paramref name="Accepted"/>, else the earlier one that won.</param>
/// <param name="Accepted">True when this post was the first decision.</param>
public sealed record DecisionResult(ReviewDecisionRecord Recorded, bool Accepted);
