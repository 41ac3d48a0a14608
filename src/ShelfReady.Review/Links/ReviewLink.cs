namespace ShelfReady.Review.Links;

/// <summary>What a signed review link grants: one reviewer deciding one attempt of one job, until it expires.</summary>
/// <param name="InstanceId">The ProcessImage instance waiting for the decision.</param>
/// <param name="JobId">The job.</param>
/// <param name="Attempt">The cut-out attempt under review.</param>
/// <param name="Reviewer">The reviewer the link was sent to.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record ReviewLink(string InstanceId, string JobId, int Attempt, string Reviewer, DateTimeOffset ExpiresAt);
