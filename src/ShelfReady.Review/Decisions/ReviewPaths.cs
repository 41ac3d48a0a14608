using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Review.Decisions;

/// <summary>Where the review loop keeps its records, beside the attempt they are about.</summary>
public static class ReviewPaths
{
    /// <summary>The first decision on an attempt; created only if absent, so the first one wins.</summary>
    public static BlobPath Decision(string jobId, int attempt) => new(BlobContainers.Work, $"{jobId}/attempt-{attempt}/review-decision.json");

    /// <summary>Written once the workflow has been handed the decision.</summary>
    public static BlobPath Delivered(string jobId, int attempt) => new(BlobContainers.Work, $"{jobId}/attempt-{attempt}/review-decision.delivered");

    /// <summary>A reviewer's corrected matte, normalised to the master's size.</summary>
    public static BlobPath CorrectedMask(string jobId, int attempt) => new(BlobContainers.Work, $"{jobId}/attempt-{attempt}/corrected-mask.png");
}
