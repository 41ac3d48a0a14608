namespace ShelfReady.Review.Links;

/// <summary>What a signed queue link grants: one reviewer seeing (and opening) what waits for a merchant.</summary>
/// <param name="Merchant">The merchant.</param>
/// <param name="Reviewer">The reviewer.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record QueueLink(string Merchant, string Reviewer, DateTimeOffset ExpiresAt);
