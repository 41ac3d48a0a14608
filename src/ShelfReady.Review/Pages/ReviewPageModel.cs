using ShelfReady.Pipeline.Activities;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Review.Pages;

/// <summary>What the review page of one attempt shows.</summary>
/// <param name="Record">The recorded request.</param>
/// <param name="Reviewer">The reviewer the link names.</param>
/// <param name="LinkPath">The page's own path (with its signed token), that images and forms hang off.</param>
/// <param name="FormToken">The anti-forgery token of this page view.</param>
/// <param name="Decided">The decision on record, if any.</param>
/// <param name="QueuePath">The queue to go back to, if the page was opened from one.</param>
public sealed record ReviewPageModel(ReviewRequestRecord Record, string Reviewer, string LinkPath, string FormToken, ReviewDecisionRecord? Decided, string? QueuePath);
